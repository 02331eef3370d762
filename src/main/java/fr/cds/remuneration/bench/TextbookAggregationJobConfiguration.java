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
			int handicap, String regime, int contactsMedecinGeneraliste, int contactsMedecinAutre,
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
			jdbc.execute("CREATE TABLE TEXTBOOK_PATIENT_ROW (ID_PATIENT VARCHAR(64), FINESS VARCHAR(9),"
					+ " MEDECIN_TRAITANT INT, AGE INT, ALD INT, C2S INT, AME INT, HANDICAP INT, REGIME VARCHAR(12),"
					+ " CONTACTS_PHYSICIAN INT, CONTACTS_OTHER INT)");
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
			.fieldSetMapper(fields -> new PatientRow(fields.readString(0), fields.readString(1), fields.readInt(2),
					fields.readInt(3), fields.readInt(4), fields.readInt(5), fields.readInt(6), fields.readInt(7),
					fields.readString(8), fields.readInt(9), fields.readInt(10), fields.readInt(11), fields.readInt(12),
					fields.readInt(13), fields.readInt(14), fields.readInt(15)))
			.build();
	}

	@Bean
	JdbcBatchItemWriter<PatientRow> textbookWriter(DataSource dataSource) {
		return new JdbcBatchItemWriterBuilder<PatientRow>().dataSource(dataSource)
			.sql("INSERT INTO TEXTBOOK_PATIENT_ROW VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.itemPreparedStatementSetter((row, ps) -> {
				ps.setString(1, row.idPatient());
				ps.setString(2, row.finess());
				ps.setInt(3, row.medecinTraitant());
				ps.setInt(4, row.age());
				ps.setInt(5, row.ald());
				ps.setInt(6, row.c2s());
				ps.setInt(7, row.ame());
				ps.setInt(8, row.handicap());
				ps.setString(9, row.regime());
				ps.setInt(10, row.contactsMedecinGeneraliste() + row.contactsMedecinAutre());
				ps.setInt(11, row.contactsInfirmier() + row.contactsChirurgienDentiste() + row.contactsSageFemme()
						+ row.contactsMasseurKinesitherapeute() + row.contactsAutre());
			})
			.build();
	}

	/** The same populations as the streaming aggregation, in SQL: médecin traitant, file active, team. */
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
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

}
