package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The accord's yearly payments outside the forfait, each settled as a stream of its own: the
 * médecin-traitant forfait, the supplements declared per act and the aids paid on contracts.
 */
public record PaymentRules(List<MedecinTraitantRule> medecinTraitant, List<ActSupplementRule> actSupplements,
		List<ContractAidRule> contractAids) {

	public static final PaymentRules NONE = new PaymentRules(List.of(), List.of(), List.of());

	public PaymentRules {
		medecinTraitant = List.copyOf(medecinTraitant);
		actSupplements = List.copyOf(actSupplements);
		contractAids = List.copyOf(contractAids);
	}

	/** Every payment rule, stream by stream, in the file's order. */
	public List<PaymentRule> all() {
		return Stream.of(this.medecinTraitant, this.actSupplements, this.contractAids)
			.<PaymentRule>flatMap(List::stream)
			.toList();
	}

	public Optional<PaymentRule> rule(String code) {
		return all().stream().filter(r -> r.code().equals(code)).findFirst();
	}

	/** Every contract kind an aid of the rule set pays, whatever the exercice, sorted. */
	public List<String> contractKinds() {
		return this.contractAids.stream().map(ContractAidRule::contract).distinct().sorted().toList();
	}

}
