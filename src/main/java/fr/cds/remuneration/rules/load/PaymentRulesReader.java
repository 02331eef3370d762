package fr.cds.remuneration.rules.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.ActSupplementRule;
import fr.cds.remuneration.rules.model.AidSchedule;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.ContractAidRule;
import fr.cds.remuneration.rules.model.ContractCountCap;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.rules.model.MedecinTraitantRule;
import fr.cds.remuneration.rules.model.MtPrecarityUplift;
import fr.cds.remuneration.rules.model.PatientCategory;
import fr.cds.remuneration.rules.model.PatientSelector;
import fr.cds.remuneration.rules.model.PaymentRule;
import fr.cds.remuneration.rules.model.PaymentRules;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.WeeklyCap;

/**
 * Reads the sections of a rule-set file that define the payments outside the forfait, with the
 * checks of the rest of the file (every value dated, with status, source and text; unknown keys
 * refused) and their own: one médecin-traitant forfait per exercice whose categories put every
 * patient in exactly one category, codes distinct from the indicators' (centres declare both in
 * declarations.csv), caps and schedules that make sense. Amounts are always in euros, whatever the
 * unit of the forfait.
 */
final class PaymentRulesReader {

	static final String MEDECIN_TRAITANT = "medecin_traitant";

	static final String ACT_SUPPLEMENTS = "act_supplements";

	static final String CONTRACT_AIDS = "contract_aids";

	/** The top-level sections this reader reads: a stream's section is declared here only. */
	static final List<String> SECTIONS = List.of(MEDECIN_TRAITANT, ACT_SUPPLEMENTS, CONTRACT_AIDS);

	private static final String EUROS = "euros";

	private final FileParser parser;

	/** Line of each payment rule's definition, to refuse a code defined twice. */
	private final Map<String, Integer> codes = new HashMap<>();

	private final PaymentConditionsReader conditions;

	PaymentRulesReader(FileParser parser) {
		this.parser = parser;
		this.conditions = new PaymentConditionsReader(parser);
	}

	PaymentRules read(Map<String, YamlNode> root) {
		List<MedecinTraitantRule> medecinTraitant = section(root, MEDECIN_TRAITANT, this::medecinTraitant);
		checkOnePerExercice(medecinTraitant);
		List<ActSupplementRule> actSupplements = section(root, ACT_SUPPLEMENTS, this::actSupplement);
		List<ContractAidRule> contractAids = section(root, CONTRACT_AIDS, this::contractAid);
		List<PaymentRule> all = new ArrayList<>(medecinTraitant);
		all.addAll(actSupplements);
		all.addAll(contractAids);
		return new PaymentRules(all);
	}

	private <T> List<T> section(Map<String, YamlNode> root, String key, Function<YamlNode, T> reader) {
		List<T> rules = new ArrayList<>();
		if (!root.containsKey(key)) {
			return rules;
		}
		List<YamlNode> nodes = this.parser.guard(key, root.get(key)::list);
		for (YamlNode node : nodes == null ? List.<YamlNode>of() : nodes) {
			T rule = this.parser.guard(this.parser.codeOf(node), () -> reader.apply(node));
			if (rule != null) {
				rules.add(rule);
			}
		}
		return rules;
	}

	/** What every payment rule starts with: its code, label, centre types and validity. */
	private record Header(String code, String label, Set<CentreType> types, ExercicePeriod validity,
			ExercicePeriod applies, String textId) {
	}

	private Header header(YamlNode node, Map<String, YamlNode> f) {
		String code = this.parser.code(this.parser.required(f, "code", node.line()));
		Integer first = this.codes.putIfAbsent(code, node.line());
		if (first != null) {
			throw node.fail("règle de paiement " + code + " définie deux fois (première fois ligne " + first + ")");
		}
		if (this.parser.declaredCodes.contains(code)) {
			throw node.fail("le code " + code + " est aussi celui d'un indicateur : les centres déclarent les deux dans"
					+ " declarations.csv, chaque code doit donc désigner une seule chose");
		}
		String label = this.parser.required(f, "label", node.line()).string();
		Set<CentreType> types = this.parser.types(this.parser.required(f, "types", node.line()));
		YamlNode validityNode = this.parser.required(f, "validity", node.line());
		ExercicePeriod validity = this.parser.period(validityNode, true);
		String textId = this.parser.textOf(validityNode, validity);
		return new Header(code, label, types, validity, this.parser.bounded(validity, validityNode), textId);
	}

	// ------------------------------------------------------------ médecin-traitant forfait

	private MedecinTraitantRule medecinTraitant(YamlNode node) {
		Map<String, YamlNode> f = node.map(Set.of("code", "label", "types", "validity", "categories", "supplements",
				"precarity"));
		Header h = header(node, f);
		List<PatientCategory> categories = categories(h, this.parser.required(f, "categories", node.line()));
		List<PatientCategory> supplements = f.containsKey("supplements") ? categories(h, f.get("supplements"))
				: List.of();
		checkPartition(node, h, categories);
		Timeline<MtPrecarityUplift> precarity = f.containsKey("precarity")
				? this.conditions.precarity(h.code(), f.get("precarity"), node, h.applies()) : new Timeline<>(List.of());
		return new MedecinTraitantRule(h.code(), h.label(), h.types(), h.validity(), h.textId(), categories,
				supplements, precarity);
	}

	private List<PatientCategory> categories(Header owner, YamlNode listNode) {
		List<PatientCategory> categories = new ArrayList<>();
		Map<String, Integer> lines = new HashMap<>();
		for (YamlNode node : listNode.list()) {
			Map<String, YamlNode> f = node.map(Set.of("code", "label", "patients", "validity", "values"));
			String code = this.parser.code(this.parser.required(f, "code", node.line()));
			Integer first = lines.putIfAbsent(code, node.line());
			if (first != null) {
				throw node.fail("catégorie " + code + " définie deux fois dans " + owner.code() + " (première fois ligne " + first + ")");
			}
			ExercicePeriod validity = owner.applies();
			String textId = owner.textId();
			if (f.containsKey("validity")) {
				validity = this.parser.bounded(this.parser.period(f.get("validity"), true), f.get("validity"));
				textId = this.parser.textOf(f.get("validity"), validity);
				if (!owner.applies().covers(validity)) {
					throw f.get("validity").fail("validité de la catégorie " + validity + " hors de celle de " + owner.code() + " "
							+ owner.applies());
				}
			}
			PatientSelector patients = selector(this.parser.required(f, "patients", node.line()));
			Timeline<BigDecimal> euros = this.parser.timeline(owner.code() + "." + code,
					this.parser.required(f, "values", node.line()), Set.of(EUROS),
					v -> this.parser.nonNegative(this.parser.required(v, EUROS, node.line())), validity, true);
			categories.add(new PatientCategory(code, this.parser.required(f, "label", node.line()).string(), patients,
					validity, textId, euros));
		}
		return List.copyOf(categories);
	}

	private PatientSelector selector(YamlNode node) {
		Map<String, YamlNode> f = node.map(Set.of("age_from", "age_to", "ald", "c2s", "not_seen"));
		Integer from = f.containsKey("age_from") ? age(f.get("age_from")) : null;
		Integer to = f.containsKey("age_to") ? age(f.get("age_to")) : null;
		if (from != null && to != null && to < from) {
			throw node.fail("age_to " + to + " est inférieur à age_from " + from);
		}
		return new PatientSelector(from, to, flag(f, "ald"), flag(f, "c2s"), flag(f, "not_seen"));
	}

	private static int age(YamlNode node) {
		int age = node.integer();
		if (age < 0 || age > PatientSelector.MAX_AGE) {
			throw node.fail("un âge est compris entre 0 et " + PatientSelector.MAX_AGE + ", trouvé " + age);
		}
		return age;
	}

	private static Boolean flag(Map<String, YamlNode> f, String key) {
		return f.containsKey(key) ? f.get(key).bool() : null;
	}

	/**
	 * Every médecin-traitant patient must fall in exactly one category in every exercice: a patient
	 * in none would not be paid, one in two would be paid twice. The patients the extract can
	 * describe are finitely many kinds (age 0–120 × ALD × C2S × seen or not), so every kind is tried,
	 * in each exercice where the set of categories in force changes.
	 */
	private void checkPartition(YamlNode node, Header owner, List<PatientCategory> categories) {
		TreeSet<Integer> checkpoints = new TreeSet<>();
		checkpoints.add(owner.applies().from());
		for (PatientCategory category : categories) {
			checkpoints.add(category.validity().from());
			if (category.validity().to() != null && owner.applies().contains(category.validity().to() + 1)) {
				checkpoints.add(category.validity().to() + 1);
			}
		}
		for (int exercice : checkpoints) {
			List<PatientCategory> inForce = categories.stream().filter(c -> c.validity().contains(exercice)).toList();
			String problem = partitionProblem(inForce);
			if (problem != null) {
				this.parser.problem(node.line(), owner.code() + ".categories",
						"en " + exercice + ", " + problem + " : chaque patient médecin traitant doit relever d'exactement une catégorie");
				return;
			}
		}
	}

	private static String partitionProblem(List<PatientCategory> categories) {
		boolean[] bools = { false, true };
		for (int age = 0; age <= PatientSelector.MAX_AGE; age++) {
			for (boolean ald : bools) {
				for (boolean c2s : bools) {
					for (boolean notSeen : bools) {
						int kind = age;
						List<String> matching = categories.stream()
							.filter(c -> c.patients().matches(kind, ald, c2s, notSeen))
							.map(PatientCategory::code)
							.toList();
						if (matching.size() != 1) {
							String patient = "un patient de " + age + " ans" + (ald ? ", en ALD" : ", hors ALD")
									+ (c2s ? ", C2S" : ", hors C2S") + (notSeen ? ", non vu depuis deux ans" : ", vu");
							return matching.isEmpty() ? patient + " ne relève d'aucune catégorie"
									: patient + " relève de " + matching.size() + " catégories " + matching;
						}
					}
				}
			}
		}
		return null;
	}

	/** At most one médecin-traitant forfait applies to an exercice. */
	private void checkOnePerExercice(List<MedecinTraitantRule> rules) {
		for (int i = 0; i < rules.size(); i++) {
			for (int j = i + 1; j < rules.size(); j++) {
				if (rules.get(i).validity().overlaps(rules.get(j).validity())) {
					this.parser.problem(this.codes.get(rules.get(j).code()), MEDECIN_TRAITANT, "validités qui se chevauchent : "
							+ rules.get(i).code() + " et " + rules.get(j).code() + " s'appliquent tous deux à un même exercice : un seul"
							+ " forfait médecin traitant par exercice");
				}
			}
		}
	}

	// ---------------------------------------------------------------- act supplements

	private ActSupplementRule actSupplement(YamlNode node) {
		Map<String, YamlNode> f = node.map(Set.of("code", "label", "types", "validity", "eligibility", "values", "cap"));
		Header h = header(node, f);
		Resolved<Condition> eligibility = f.containsKey("eligibility")
				? this.parser.condition(f.get("eligibility"), h.textId(), h.code(), h.applies()) : null;
		Timeline<BigDecimal> euros = this.parser.timeline(h.code(), this.parser.required(f, "values", node.line()),
				Set.of(EUROS), v -> positiveEuros(v, node), h.applies(), true);
		Timeline<WeeklyCap> cap = f.containsKey("cap")
				? this.parser.timeline(h.code() + ".cap", f.get("cap"), Set.of("per_week", "professions"),
						v -> new WeeklyCap(this.parser.positive(this.parser.required(v, "per_week", node.line())),
								this.parser.professions(this.parser.required(v, "professions", node.line()))),
						h.applies(), false)
				: new Timeline<>(List.of());
		return new ActSupplementRule(h.code(), h.label(), h.types(), h.validity(), h.textId(), eligibility, euros, cap);
	}

	private BigDecimal positiveEuros(Map<String, YamlNode> v, YamlNode owner) {
		return this.parser.positive(this.parser.required(v, EUROS, owner.line()));
	}

	// ------------------------------------------------------------------- contract aids

	private ContractAidRule contractAid(YamlNode node) {
		Set<String> keys = new java.util.HashSet<>(Set.of("code", "label", "contract", "types", "zones", "validity",
				"values", "fte_ratio", "max_contracts"));
		keys.addAll(PaymentConditionsReader.AID_KEYS);
		Map<String, YamlNode> f = node.map(keys);
		Header h = header(node, f);
		String contract = this.parser.code(this.parser.required(f, "contract", node.line()));
		Set<Zone> zones = f.containsKey("zones") ? zones(f.get("zones")) : EnumSet.allOf(Zone.class);
		Timeline<AidSchedule> schedule = this.parser.timeline(h.code(), this.parser.required(f, "values", node.line()),
				Set.of("years", "later"), v -> schedule(v, node), h.applies(), true);
		Timeline<FteRatioCap> fteRatio = f.containsKey("fte_ratio")
				? this.parser.timeline(h.code() + ".fte_ratio", f.get("fte_ratio"), Set.of("ratio", "professions", "excess"),
						v -> new FteRatioCap(this.parser.positive(this.parser.required(v, "ratio", node.line())),
								this.parser.professions(this.parser.required(v, "professions", node.line())),
								this.parser.required(v, "excess", node.line())
									.oneOf(e -> DataCode.parse(FteRatioCap.Excess.class, e), "refused ou proportional")),
						h.applies(), false)
				: new Timeline<>(List.of());
		Timeline<ContractCountCap> maxContracts = f.containsKey("max_contracts")
				? this.parser.timeline(h.code() + ".max_contracts", f.get("max_contracts"), Set.of("value", "exempt_zones"),
						v -> new ContractCountCap(this.parser.positiveInt(this.parser.required(v, "value", node.line())),
								v.containsKey("exempt_zones") ? zones(v.get("exempt_zones")) : Set.of()),
						h.applies(), false)
				: new Timeline<>(List.of());
		return new ContractAidRule(h.code(), h.label(), contract, h.types(), zones, h.validity(), h.textId(), schedule,
				fteRatio, maxContracts, this.conditions.aid(h.code(), f, node, h.applies()));
	}

	/** {@code years: [{euros: 36000}, {euros: 27000}], later: {euros: 21000}}, each year possibly tiered. */
	private AidSchedule schedule(Map<String, YamlNode> v, YamlNode owner) {
		List<List<Tier>> years = new ArrayList<>();
		YamlNode yearsNode = this.parser.required(v, "years", owner.line());
		for (YamlNode year : yearsNode.list()) {
			years.add(yearTiers(year));
		}
		if (years.isEmpty()) {
			throw yearsNode.fail("aucune année de contrat sous years : donnez au moins le montant de l'année 1");
		}
		return new AidSchedule(years, v.containsKey("later") ? yearTiers(v.get("later")) : null);
	}

	private List<Tier> yearTiers(YamlNode year) {
		return this.parser.tiers(year.map(Set.of(EUROS, "tiers")), year, EUROS);
	}

	private static Set<Zone> zones(YamlNode node) {
		Set<Zone> zones = EnumSet.noneOf(Zone.class);
		node.list().forEach(z -> zones.add(z.oneOf(Zone::fromFileValue, "ZIP, ZAC ou HORS_ZONE")));
		if (zones.isEmpty()) {
			throw node.fail("aucune zone");
		}
		return zones;
	}

}
