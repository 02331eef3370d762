package fr.cds.remuneration.ledger;

import fr.cds.remuneration.rules.PaymentSchedule;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The payment calendar ({@code cds.schedule.*}), checked when the application starts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSchedule.class)
public class LedgerConfiguration {

}
