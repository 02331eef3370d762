package fr.cds.remuneration.run;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code cds.lease.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaseSettings.class)
class LeaseConfiguration {

}
