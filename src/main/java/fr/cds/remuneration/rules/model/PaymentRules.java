package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Optional;

/**
 * The accord's yearly payments outside the forfait, each settled as a stream of its own: the
 * médecin-traitant forfait, the supplements declared per act and the aids paid on contracts.
 * Held as one list of rules, stream by stream in the file's order, asked by kind: a stream added
 * to the rule sets needs no field here.
 *
 * @param all every payment rule, stream by stream, in the file's order
 */
public record PaymentRules(List<PaymentRule> all) {

	public static final PaymentRules NONE = new PaymentRules(List.of());

	public PaymentRules {
		all = List.copyOf(all);
	}

	/** The rules of one kind, in the file's order. */
	public <T extends PaymentRule> List<T> of(Class<T> kind) {
		return this.all.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	public List<MedecinTraitantRule> medecinTraitant() {
		return of(MedecinTraitantRule.class);
	}

	public List<ActSupplementRule> actSupplements() {
		return of(ActSupplementRule.class);
	}

	public List<ContractAidRule> contractAids() {
		return of(ContractAidRule.class);
	}

	public Optional<PaymentRule> rule(String code) {
		return this.all.stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/** Every contract kind an aid of the rule set pays, whatever the exercice, sorted. */
	public List<String> contractKinds() {
		return contractAids().stream().map(ContractAidRule::contract).distinct().sorted().toList();
	}

}
