package fr.cds.remuneration.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a user who knows SQL would write instead of our extract step: DuckDB (JDBC, in-process)
 * reads the patient extract twice, once to group it by centre with the counts our extract folds
 * (rows, médecin-traitant patients and their C2S, AME, ALD, disability, file active, team), once
 * to find the (patient, centre) pairs that occur more than once. Run by the benchmark in a JVM of
 * its own: {@code DuckDbQueries <patients.csv> <threads>}. Prints one line per query with its
 * seconds, which the benchmark reads.
 */
public final class DuckDbQueries {

	static final String GROUP_BY_LINE = "duckdb group-by seconds=";

	static final String DUPLICATES_LINE = "duckdb duplicates seconds=";

	private DuckDbQueries() {
	}

	public static void main(String[] args) throws Exception {
		Path extract = Path.of(args[0]).toAbsolutePath();
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("SET threads TO " + threads);
			String source = source(extract);
			long started = System.nanoTime();
			long centres = 0;
			long rows = 0;
			long mt = 0;
			try (ResultSet result = statement.executeQuery(groupBy(source))) {
				while (result.next()) {
					centres++;
					rows += result.getLong("rows_accepted");
					mt += result.getLong("mt_patients");
				}
			}
			double groupBy = (System.nanoTime() - started) / 1e9;
			System.out.printf("%s%.3f centres=%d rows=%d mt_patients=%d%n", GROUP_BY_LINE, groupBy, centres, rows, mt);
			started = System.nanoTime();
			try (ResultSet result = statement.executeQuery(duplicates(source))) {
				result.next();
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("%s%.3f pairs=%d duplicate_rows=%d%n", DUPLICATES_LINE, seconds, result.getLong(1),
						result.getLong(2));
			}
		}
		catch (SQLException ex) {
			System.err.println("DuckDB: " + ex.getMessage());
			System.exit(1);
		}
	}

	/** The extract as DuckDB reads it: the column types given, nothing sniffed but the file's size. */
	static String source(Path extract) {
		return "read_csv('" + extract.toString().replace("'", "''") + "', delim=';', quote='\"', header=true,"
				+ " columns={'id_patient': 'VARCHAR', 'finess': 'VARCHAR', 'medecin_traitant': 'INTEGER',"
				+ " 'age': 'INTEGER', 'ald': 'INTEGER', 'c2s': 'INTEGER', 'ame': 'INTEGER', 'handicap': 'INTEGER',"
				+ " 'non_vu_2_ans': 'INTEGER', 'regime': 'VARCHAR', 'contacts_medecin_generaliste': 'INTEGER',"
				+ " 'contacts_medecin_autre': 'INTEGER', 'contacts_infirmier': 'INTEGER',"
				+ " 'contacts_chirurgien_dentiste': 'INTEGER', 'contacts_sage_femme': 'INTEGER',"
				+ " 'contacts_masseur_kinesitherapeute': 'INTEGER', 'contacts_autre': 'INTEGER'})";
	}

	/** The per-centre counts of the textbook job's GROUP BY, in DuckDB's SQL. */
	static String groupBy(String source) {
		String physician = "(contacts_medecin_generaliste + contacts_medecin_autre)";
		String other = "(contacts_infirmier + contacts_chirurgien_dentiste + contacts_sage_femme"
				+ " + contacts_masseur_kinesitherapeute + contacts_autre)";
		return "SELECT finess, COUNT(*) AS rows_accepted, SUM(medecin_traitant) AS mt_patients,"
				+ " SUM(CASE WHEN medecin_traitant = 1 THEN c2s ELSE 0 END) AS mt_c2s,"
				+ " SUM(CASE WHEN medecin_traitant = 1 THEN ame ELSE 0 END) AS mt_ame,"
				+ " SUM(CASE WHEN medecin_traitant = 1 THEN ald ELSE 0 END) AS mt_ald,"
				+ " SUM(CASE WHEN medecin_traitant = 1 THEN handicap ELSE 0 END) AS mt_handicap,"
				+ " SUM(CASE WHEN " + physician + " + " + other + " > 0 THEN 1 ELSE 0 END) AS fa_patients,"
				+ " SUM(CASE WHEN " + physician + " + " + other + " > 0 THEN c2s ELSE 0 END) AS fa_c2s,"
				+ " SUM(CASE WHEN medecin_traitant = 1 AND " + other + " > 0 THEN 1 ELSE 0 END) AS team_patients"
				+ " FROM " + source + " GROUP BY finess";
	}

	/** The (patient, centre) pairs met more than once, and the rows beyond the first of each. */
	static String duplicates(String source) {
		return "SELECT COUNT(*), COALESCE(SUM(n - 1), 0) FROM (SELECT finess, id_patient, COUNT(*) AS n FROM " + source
				+ " GROUP BY finess, id_patient HAVING COUNT(*) > 1)";
	}

}
