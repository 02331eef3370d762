package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The payment ledger: every amount computed, ordered and paid per centre, exercice and stream.
 * An amount is written once per reference ({@code MERGE} on the reference): a restarted step that
 * records the same payment again changes nothing, and a reference reused for a different payment
 * is refused.
 */
@Repository
public class PaymentLedger {

	private static final String COLUMNS = "REFERENCE, FINESS, EXERCICE, STREAM, KIND, AMOUNT_EUR, RULESET, RUN_ID, JOB_NAME,"
			+ " ORIGIN, STATUS, COMPUTED_ON, ORDERED_ON, PAID_ON";

	private static final String ORDER = " ORDER BY EXERCICE, FINESS, STREAM, COMPUTED_ON, REFERENCE";

	/** Lines cancelled at the payer's desk were never paid: they count in nothing a centre received. */
	private static final String NOT_CANCELLED = " AND STATUS <> 'CANCELLED'";

	private static final RowMapper<LedgerEntry> ENTRY = PaymentLedger::entry;

	private final JdbcTemplate jdbc;

	public PaymentLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What {@link #record} did. */
	public enum Recorded {

		/** The amount was added to the ledger. */
		ADDED,
		/** The same payment was already recorded under this reference: nothing changed. */
		ALREADY_RECORDED

	}

	/**
	 * Records {@code entry} unless its reference is already in the ledger. A reference already
	 * recorded for another payment (centre, exercice, stream, kind or amount) is a
	 * {@link LedgerConflictException}: the ledger never holds two meanings for one reference.
	 */
	public Recorded record(LedgerEntry entry) {
		int added = this.jdbc.update("MERGE INTO PAYMENT_LEDGER L USING (VALUES (CAST(? AS VARCHAR(100)))) AS S (REFERENCE)"
				+ " ON L.REFERENCE = S.REFERENCE WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ", RECORDED_AT)"
				+ " VALUES (S.REFERENCE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
					ps.setString(1, entry.reference());
					ps.setString(2, entry.finess());
					ps.setInt(3, entry.exercice());
					ps.setString(4, entry.stream().name());
					ps.setString(5, entry.kind().name());
					ps.setBigDecimal(6, entry.amountEuros().setScale(2));
					ps.setString(7, entry.ruleSet());
					if (entry.runId() == null) {
						ps.setNull(8, Types.BIGINT);
					}
					else {
						ps.setLong(8, entry.runId());
					}
					ps.setString(9, entry.jobName());
					ps.setString(10, entry.origin());
					ps.setString(11, entry.status().name());
					ps.setDate(12, sqlDate(entry.computedOn()));
					ps.setDate(13, sqlDate(entry.orderedOn()));
					ps.setDate(14, sqlDate(entry.paidOn()));
					ps.setTimestamp(15, Timestamp.valueOf(LocalDateTime.now()));
				});
		if (added == 1) {
			return Recorded.ADDED;
		}
		LedgerEntry existing = entry(entry.reference()).orElseThrow();
		if (!existing.samePaymentAs(entry)) {
			throw new LedgerConflictException("la référence de paiement " + entry.reference() + " est déjà inscrite pour "
					+ describe(existing) + " ; refusée pour " + describe(entry));
		}
		return Recorded.ALREADY_RECORDED;
	}

	public Optional<LedgerEntry> entry(String reference) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE REFERENCE = ?", ENTRY, reference)
			.stream()
			.findFirst();
	}

	/** A centre's entries for an exercice and stream, oldest first. */
	public List<LedgerEntry> entries(int exercice, String finess, PaymentStream stream) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE EXERCICE = ? AND FINESS = ? AND STREAM = ?"
				+ ORDER, ENTRY, exercice, finess, stream.name());
	}

	/**
	 * The centres' entries for an exercice, except those {@code runId} produced itself, for several
	 * centres and every stream at once, by FINESS: each centre's entries by stream, then oldest first.
	 * One range of the centre index, from the smallest FINESS to the largest (an IN list of a
	 * hundred values made H2 compare each row of the exercice with each value), the centres outside
	 * {@code finess} left out.
	 */
	public Map<String, List<LedgerEntry>> entriesBefore(int exercice, Collection<String> finess, long runId) {
		Map<String, List<LedgerEntry>> byCentre = new HashMap<>();
		if (finess.isEmpty()) {
			return byCentre;
		}
		Set<String> wanted = new HashSet<>(finess);
		this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE EXERCICE = ? AND FINESS BETWEEN ? AND ?"
				+ " AND (RUN_ID IS NULL OR RUN_ID <> ?)" + NOT_CANCELLED + ORDER, rs -> {
					LedgerEntry entry = entry(rs, 0);
					if (wanted.contains(entry.finess())) {
						byCentre.computeIfAbsent(entry.finess(), f -> new ArrayList<>()).add(entry);
					}
				}, exercice, Collections.min(wanted), Collections.max(wanted), runId);
		return byCentre;
	}

	/** Every entry of an exercice, every stream: of every centre, or of one when {@code finess} is given. */
	public List<LedgerEntry> entries(int exercice, Optional<String> finess) {
		return finess.isPresent()
				? this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE EXERCICE = ? AND FINESS = ?" + ORDER,
						ENTRY, exercice, finess.get())
				: this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE EXERCICE = ?" + ORDER, ENTRY,
						exercice);
	}

	/** The entries a run produced, in FINESS order. */
	public List<LedgerEntry> entriesOfRun(long runId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM PAYMENT_LEDGER WHERE RUN_ID = ?" + ORDER, ENTRY, runId);
	}

	/**
	 * Run ids of the runs other than {@code runId} that recorded a balance for the exercice, on any
	 * stream: a run that balanced only some streams (its other balances were zero) has paid too.
	 */
	public List<Long> balanceRuns(int exercice, long runId) {
		return this.jdbc.queryForList("SELECT DISTINCT RUN_ID FROM PAYMENT_LEDGER WHERE EXERCICE = ?"
				+ " AND KIND = 'SOLDE' AND RUN_ID IS NOT NULL AND RUN_ID <> ? ORDER BY RUN_ID", Long.class, exercice,
				runId);
	}

	/** Whether a run of this installation accepted the centre, or the ledger already holds an amount for it. */
	/** Whether this installation knows any centre at all: from a run, or from the ledger. */
	public boolean knowsAnyCentre() {
		return this.jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM RUN_CENTRE) + (SELECT COUNT(*) FROM PAYMENT_LEDGER)",
				Long.class) > 0;
	}

	public boolean isKnownCentre(String finess) {
		return this.jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM RUN_CENTRE WHERE FINESS = ?)"
				+ " + (SELECT COUNT(*) FROM PAYMENT_LEDGER WHERE FINESS = ?)", Long.class, finess, finess) > 0;
	}

	/**
	 * Checks that {@link #advance} can move every one of {@code references}, before any moves: a
	 * command naming several references changes all of them or none. Throws what the first refused
	 * one would.
	 */
	public void checkAdvance(List<String> references, PaymentStatus status, LocalDate date, LocalDate today) {
		if (date.isAfter(today)) {
			throw new LedgerConflictException("date " + date + " dans le futur : une date de paiement ou d'ordre est"
					+ " celle d'un fait accompli ; rien n'a été modifié");
		}
		for (String reference : references) {
			refusal(reference, status, date).ifPresent(problem -> {
				throw new LedgerConflictException(problem + " ; rien n'a été modifié (aucune des " + references.size()
						+ " références)");
			});
		}
	}

	/** Why {@code reference} cannot move to {@code status} on {@code date}, if it cannot. */
	private Optional<String> refusal(String reference, PaymentStatus status, LocalDate date) {
		Optional<LedgerEntry> found = entry(reference);
		if (found.isEmpty()) {
			return Optional.of("aucun paiement de référence " + reference + " dans le registre");
		}
		LedgerEntry entry = found.get();
		if (status.compareTo(entry.status()) < 0) {
			return Optional.of("le paiement " + reference + " est déjà " + entry.status() + " : il ne revient pas à "
					+ status);
		}
		LocalDate recorded = status == PaymentStatus.PAID ? entry.paidOn() : entry.orderedOn();
		if (status == entry.status() && recorded != null && !recorded.equals(date)) {
			// the ledger is an audit trail: a recorded date is a fact; a correction is a new, reasoned entry
			return Optional.of("le paiement " + reference + " est déjà " + entry.status() + " au " + recorded
					+ " : cette date ne change pas (une correction est une nouvelle écriture motivée, par"
					+ " import-payments)");
		}
		return Optional.empty();
	}

	/**
	 * Moves an entry forward in its life: ordered on a date, then paid on a date. A status never goes
	 * back and a recorded date never changes; returns the entry as it now stands.
	 */
	public LedgerEntry advance(String reference, PaymentStatus status, LocalDate date) {
		Optional<String> refused = refusal(reference, status, date);
		if (refused.isPresent()) {
			throw new LedgerConflictException(refused.get());
		}
		LedgerEntry entry = entry(reference).orElseThrow();
		if (status == entry.status()) {
			return entry;
		}
		if (status == PaymentStatus.ORDERED) {
			this.jdbc.update("UPDATE PAYMENT_LEDGER SET STATUS = ?, ORDERED_ON = ? WHERE REFERENCE = ?", status.name(),
					sqlDate(date), reference);
		}
		else if (status == PaymentStatus.PAID) {
			this.jdbc.update("UPDATE PAYMENT_LEDGER SET STATUS = ?, ORDERED_ON = COALESCE(ORDERED_ON, ?), PAID_ON = ?"
					+ " WHERE REFERENCE = ?", status.name(), sqlDate(date), sqlDate(date), reference);
		}
		return entry(reference).orElseThrow();
	}

	/**
	 * The payer's desk approved a run: its computed lines are ordered on {@code date}. Returns how
	 * many lines moved.
	 */
	public int orderRun(long runId, LocalDate date) {
		return this.jdbc.update("UPDATE PAYMENT_LEDGER SET STATUS = 'ORDERED', ORDERED_ON = ? WHERE RUN_ID = ?"
				+ " AND STATUS = 'COMPUTED'", sqlDate(date), runId);
	}

	/** The payer's desk rejected a run: its computed lines are cancelled. Returns how many moved. */
	public int cancelRun(long runId) {
		return this.jdbc.update("UPDATE PAYMENT_LEDGER SET STATUS = 'CANCELLED' WHERE RUN_ID = ? AND STATUS = 'COMPUTED'",
				runId);
	}

	/**
	 * Runs of the exercice before {@code runId}, of {@code jobNames}, that recorded lines still
	 * computed: proposed and not yet decided.
	 */
	public List<Long> runsWithComputedLinesBefore(int exercice, long runId, List<String> jobNames) {
		String names = String.join(",", java.util.Collections.nCopies(jobNames.size(), "?"));
		List<Object> args = new java.util.ArrayList<>(List.of(exercice, runId));
		args.addAll(jobNames);
		return this.jdbc.queryForList("SELECT DISTINCT RUN_ID FROM PAYMENT_LEDGER WHERE EXERCICE = ? AND RUN_ID < ?"
				+ " AND STATUS = 'COMPUTED' AND JOB_NAME IN (" + names + ") ORDER BY RUN_ID", Long.class, args.toArray());
	}

	/** Sum of the amounts of {@code entries}. */
	public static BigDecimal net(List<LedgerEntry> entries) {
		return entries.stream().map(LedgerEntry::amountEuros).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	private static String describe(LedgerEntry entry) {
		return entry.finess() + " exercice " + entry.exercice() + " " + entry.stream() + " " + entry.kind() + " "
				+ entry.amountEuros().setScale(2).toPlainString() + " €";
	}

	private static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static LocalDate localDate(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
		long runId = rs.getLong(8);
		Long run = rs.wasNull() ? null : runId;
		return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getInt(3), PaymentStream.valueOf(rs.getString(4)),
				PaymentKind.valueOf(rs.getString(5)), rs.getBigDecimal(6), rs.getString(7), run, rs.getString(9),
				rs.getString(10), PaymentStatus.valueOf(rs.getString(11)), localDate(rs, 12), localDate(rs, 13),
				localDate(rs, 14));
	}

}
