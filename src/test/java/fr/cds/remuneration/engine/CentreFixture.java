package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.centre.StaffFte;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;

/** Builds engine inputs for tests, one centre at a time. */
public final class CentreFixture {

	private static final RegionTable REGIONS = RegionTable.load();

	private final String finess;

	private final CentreType type;

	private LocalDate adhesion = LocalDate.of(2016, 1, 1);

	private LocalDate opening = LocalDate.of(2010, 1, 1);

	private LocalDate closing;

	private Zone zone = Zone.HORS_ZONE;

	private final Map<Profession, BigDecimal> staff = new EnumMap<>(Profession.class);

	private final Map<String, String> answers = new HashMap<>();

	private final Map<Population, PopulationCounts> patients = new EnumMap<>(Population.class);

	private PatientAggregate aggregate;

	private final List<Contract> contracts = new ArrayList<>();

	private CentreFixture(String finess, CentreType type) {
		this.finess = finess;
		this.type = type;
	}

	public static CentreFixture centre(String finess, CentreType type) {
		return new CentreFixture(finess, type);
	}

	public CentreFixture staff(Profession profession, String fte) {
		this.staff.put(profession, new BigDecimal(fte));
		return this;
	}

	public CentreFixture answer(String indicator, String value) {
		this.answers.put(indicator, value);
		return this;
	}

	/** The 2024 socle of médical, polyvalent and dental centres, all met. */
	public CentreFixture socle2024() {
		return answer("ACCES_HORAIRES", "oui").answer("COORDINATION", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("CRISE_PLAN", "oui");
	}

	public CentreFixture patients(Population population, long total, long c2s, long ame) {
		this.patients.put(population, new PopulationCounts(total, c2s, ame, 0, 0));
		return this;
	}

	public CentreFixture patients(Population population, PopulationCounts counts) {
		this.patients.put(population, counts);
		return this;
	}

	/** The patients as an extract gives them (with the médecin-traitant patients by kind). */
	public CentreFixture patients(PatientAggregate aggregate) {
		this.aggregate = aggregate;
		return this;
	}

	/** A contract of the centre; {@code end} may be {@code null}. */
	public CentreFixture contract(String number, String kind, String start, String end, String fte, Zone contractZone) {
		this.contracts.add(new Contract(new Finess(this.finess), number, kind, LocalDate.parse(start),
				end == null ? null : LocalDate.parse(end), new BigDecimal(fte), contractZone));
		return this;
	}

	public CentreFixture opened(LocalDate opening) {
		this.opening = opening;
		return this;
	}

	public CentreFixture adhesion(LocalDate adhesion) {
		this.adhesion = adhesion;
		return this;
	}

	public CentreFixture closed(LocalDate closing) {
		this.closing = closing;
		return this;
	}

	public CentreFixture zone(Zone zone) {
		this.zone = zone;
		return this;
	}

	public CentreInputs inputs() {
		Finess id = new Finess(this.finess);
		Centre centre = new Centre(id, "Centre " + this.finess, this.type,
				REGIONS.forDepartement(id.departement()).orElseThrow(), this.adhesion, this.opening, this.closing,
				this.zone, new StaffFte(this.staff));
		return new CentreInputs(centre, new Declaration(id, this.answers),
				this.aggregate != null ? this.aggregate : new PatientAggregate(0, this.patients, Map.of()),
				LocalDate.of(2025, 2, 14), 0, this.contracts);
	}

}
