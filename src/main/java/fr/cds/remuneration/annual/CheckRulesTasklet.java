package fr.cds.remuneration.annual;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleSetException;

/**
 * First step: loads and validates the rule set of the exercice, so that a bad rule file stops the
 * run before anything is read or computed. On a restart, refuses rules whose content changed
 * since the first execution: one run computes under one exact rule set.
 */
public class CheckRulesTasklet implements Tasklet {

	public static final String RULES_SHA256 = "rules.sha256";

	private static final Log logger = LogFactory.getLog(CheckRulesTasklet.class);

	private final RuleSetCatalog catalog;

	public CheckRulesTasklet(RuleSetCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext run = RunContext.of(contribution.getStepExecution());
		ExerciceRules rules = this.catalog.rules(run.run());
		ExecutionContext jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
		String sha256 = rules.ruleSet().sha256();
		String recorded = jobContext.containsKey(RULES_SHA256) ? jobContext.getString(RULES_SHA256) : null;
		if (recorded != null && !recorded.equals(sha256)) {
			throw new RuleSetException(rules.ruleSet().origin(), "le fichier des règles a changé depuis le début de ce run ("
					+ recorded + " → " + sha256 + ") : rétablissez-le, ou publiez la modification comme nouvelle version et retraitez");
		}
		jobContext.putString(RULES_SHA256, sha256);
		logger.info("Exercice " + rules.exercice() + " : jeu de règles " + rules.ruleSet().reference() + " ("
				+ rules.indicators().size() + " indicateurs, dernier texte " + rules.latestText().id() + ", sha256 "
				+ sha256 + ")");
		return RepeatStatus.FINISHED;
	}

}
