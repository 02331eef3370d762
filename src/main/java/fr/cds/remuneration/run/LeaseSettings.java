package fr.cds.remuneration.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exercice lease's timings ({@code cds.lease.*}, environment {@code CDS_LEASE_TTL} and
 * {@code CDS_LEASE_HEARTBEAT}): a lease not renewed for {@code ttl} may be taken over by another
 * launch; its holder renews it every {@code heartbeat} (zero: no heartbeat thread, for tests that
 * move the lease themselves).
 */
@ConfigurationProperties("cds.lease")
public record LeaseSettings(Duration ttl, Duration heartbeat) {

	public LeaseSettings {
		ttl = ttl == null ? Duration.ofMinutes(2) : ttl;
		heartbeat = heartbeat == null ? ttl.dividedBy(4) : heartbeat;
		if (ttl.isZero() || ttl.isNegative() || heartbeat.isNegative() || heartbeat.compareTo(ttl) >= 0) {
			throw new IllegalArgumentException("cds.lease.ttl (" + ttl + ") doit être positif et plus long que"
					+ " cds.lease.heartbeat (" + heartbeat + ")");
		}
	}

}
