package fr.cds.remuneration.bench;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.input.InputFile;

/**
 * The textbook way to aggregate the patient extract, kept only to be measured against: a
 * {@code FlatFileItemReader} maps every row to an object, a {@code JdbcBatchItemWriter} loads every
 * row into a staging table, and SQL {@code GROUP BY} computes the per-centre counts. Loaded only
 * in the benchmark's own process ({@code CDS_BENCHMARK_TEXTBOOK=true}), on its own throwaway
 * database: the production schema never holds patient rows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cds.benchmark.textbook", havingValue = "true")
public class TextbookAggregationJobConfiguration {

	public static final String JOB_NAME = "textbookAggregationJob";

	/** One mapped row of the extract, as the textbook reader produces it. */
	public record PatientRow(String idPatient, String finess, int medecinTraitant, int age, int ald, int c2s, int ame,
			int handicap, int nonVu2Ans, String regime, int contactsMedecinGeneraliste, int contactsMedecinAutre,
			int contactsInfirmier, int contactsChirurgienDentiste, int contactsSageFemme,
			int contactsMasseurKinesitherapeute, int contactsAutre) {
	}

	@Bean
	public Job textbookAggregationJob(JobRepository jobRepository, Step textbookSchemaStep, Step textbookLoadStep,
			Step textbookGroupByStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(textbookSchemaStep)
			.next(textbookLoadStep)
			.next(textbookGroupByStep)
			.build();
	}

	@Bean
	Step textbookSchemaStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("textbookSchema", jobRepository).tasklet((contribution, context) -> {
			jdbc.execute("DROP TABLE IF EXISTS TEXTBOOK_PATIENT_ROW");
			jdbc.execute("DROP TABLE IF EXISTS TEXTBOOK_AGGREGATE");
			jdbc.execute("DROP TABLE IF EXISTS TEXTBOOK_MEDECIN_TRAITANT");
			jdbc.execute("CREATE TABLE TEXTBOOK_PATIENT_ROW (ID_PATIENT VARCHAR(64), FINESS VARCHAR(9),"
					+ " MEDECIN_TRAITANT INT, AGE INT, ALD INT, C2S INT, AME INT, HANDICAP INT, NON_VU_2_ANS INT,"
					+ " REGIME VARCHAR(12), CONTACTS_PHYSICIAN INT, CONTACTS_OTHER INT)");
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step textbookLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FlatFileItemReader<PatientRow> textbookReader, JdbcBatchItemWriter<PatientRow> textbookWriter) {
		return new StepBuilder("textbookLoad", jobRepository).<PatientRow, PatientRow>chunk(10_000)
			.transactionManager(transactionManager)
			.reader(textbookReader)
			.writer(textbookWriter)
			.build();
	}

	@Bean
	@StepScope
	FlatFileItemReader<PatientRow> textbookReader(@Value("#{jobParameters['input']}") String input) {
		return new FlatFileItemReaderBuilder<PatientRow>().name("textbookReader")
			.resource(new FileSystemResource(input))
			.linesToSkip(1)
			.delimited()
			.delimiter(";")
			.names(InputFile.PATIENTS.columns().toArray(String[]::new))
			.fieldSetMapper(fields -> new PatientRow(fields.readString("id_patient"), fields.readString("finess"),
					fields.readInt("medecin_traitant"), fields.readInt("age"), fields.readInt("ald"), fields.readInt("c2s"),
					fields.readInt("ame"), fields.readInt("handicap"), fields.readInt("non_vu_2_ans"),
					fields.readString("regime"), fields.readInt("contacts_medecin_generaliste"),
					fields.readInt("contacts_medecin_autre"), fields.readInt("contacts_infirmier"),
					fields.readInt("contacts_chirurgien_dentiste"), fields.readInt("contacts_sage_femme"),
					fields.readInt("contacts_masseur_kinesitherapeute"), fields.readInt("contacts_autre")))
			.build();
	}

	@Bean
	JdbcBatchItemWriter<PatientRow> textbookWriter(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<PatientRow>().dataSource(dataSource)
			.sql("INSERT INTO TEXTBOOK_PATIENT_ROW VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.itemPreparedStatementSetter((row, ps) -> {
				ps.setString(1, row.idPatient());
				ps.setString(2, row.finess());
				ps.setInt(3, row.medecinTraitant());
				ps.setInt(4, row.age());
				ps.setInt(5, row.ald());
				ps.setInt(6, row.c2s());
				ps.setInt(7, row.ame());
				ps.setInt(8, row.handicap());
				ps.setInt(9, row.nonVu2Ans());
				ps.setString(10, row.regime());
				ps.setInt(11, row.contactsMedecinGeneraliste() + row.contactsMedecinAutre());
				ps.setInt(12, row.contactsInfirmier() + row.contactsChirurgienDentiste() + row.contactsSageFemme()
						+ row.contactsMasseurKinesitherapeute() + row.contactsAutre());
			})
			.build();
	}

	/**
	 * The same aggregates as the streaming aggregation, in SQL: the populations (médecin traitant,
	 * file active, team) and the médecin-traitant patients by age, ALD, C2S and not seen for two years.
	 */
	@Bean
	Step textbookGroupByStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbc) {
		return new StepBuilder("textbookGroupBy", jobRepository).tasklet((contribution, context) -> {
			jdbc.execute("CREATE TABLE TEXTBOOK_AGGREGATE AS SELECT FINESS, COUNT(*) AS ROWS_ACCEPTED,"
					+ " SUM(MEDECIN_TRAITANT) AS MT_PATIENTS,"
					+ " SUM(CASE WHEN MEDECIN_TRAITANT = 1 THEN C2S ELSE 0 END) AS MT_C2S,"
					+ " SUM(CASE WHEN MEDECIN_TRAITANT = 1 THEN AME ELSE 0 END) AS MT_AME,"
					+ " SUM(CASE WHEN MEDECIN_TRAITANT = 1 THEN ALD ELSE 0 END) AS MT_ALD,"
					+ " SUM(CASE WHEN MEDECIN_TRAITANT = 1 THEN HANDICAP ELSE 0 END) AS MT_HANDICAP,"
					+ " SUM(CASE WHEN CONTACTS_PHYSICIAN + CONTACTS_OTHER > 0 THEN 1 ELSE 0 END) AS FA_PATIENTS,"
					+ " SUM(CASE WHEN CONTACTS_PHYSICIAN + CONTACTS_OTHER > 0 THEN C2S ELSE 0 END) AS FA_C2S,"
					+ " SUM(CASE WHEN MEDECIN_TRAITANT = 1 AND CONTACTS_OTHER > 0 THEN 1 ELSE 0 END) AS TEAM_PATIENTS"
					+ " FROM TEXTBOOK_PATIENT_ROW GROUP BY FINESS");
			jdbc.execute("CREATE TABLE TEXTBOOK_MEDECIN_TRAITANT AS SELECT FINESS, AGE, ALD, C2S, NON_VU_2_ANS,"
					+ " COUNT(*) AS PATIENTS FROM TEXTBOOK_PATIENT_ROW WHERE MEDECIN_TRAITANT = 1"
					+ " GROUP BY FINESS, AGE, ALD, C2S, NON_VU_2_ANS");
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
