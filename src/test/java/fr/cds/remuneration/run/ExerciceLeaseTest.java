package fr.cds.remuneration.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exercice lease on H2, each process's clock injected and moved by hand (no clock races): a live
 * lease refuses a second holder; an expired one is taken over with a new fencing token; the old
 * holder then can neither renew, nor release, nor write payments under it.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:exercice-lease" })
class ExerciceLeaseTest {

	static final LeaseSettings TEN_MINUTES = new LeaseSettings(Duration.ofMinutes(10), Duration.ZERO);

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	static final class HandClock extends Clock {

		Instant now = Instant.parse("2025-03-01T09:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void aLiveLeaseRefusesAnExpiredOneIsTakenOverAndTheOldHolderIsFenced() {
		HandClock firstClock = new HandClock();
		HandClock secondClock = new HandClock();
		ExerciceLease first = new ExerciceLease(this.dataSource, firstClock, TEN_MINUTES);
		ExerciceLease second = new ExerciceLease(this.dataSource, secondClock, TEN_MINUTES);

		ExerciceLease.Lease held = first.take(2030).lease().orElseThrow();
		ExerciceLease.Holder recorded = first.holder(2030).orElseThrow();
		assertThat(recorded.pid()).isEqualTo(ProcessHandle.current().pid());
		assertThat(recorded.operator()).isEqualTo(RunOperator.current());
		assertThat(recorded.expiresAt()).isEqualTo(Instant.parse("2025-03-01T09:10:00Z"));

		// 9 min 59 s later: still alive, refused, the holder named
		secondClock.now = Instant.parse("2025-03-01T09:09:59Z");
		ExerciceLease.Taken refused = second.take(2030);
		assertThat(refused.lease()).isEmpty();
		assertThat(refused.holder().orElseThrow().holderId()).isEqualTo(held.holderId());

		// the holder beats at 09:05: its lease now runs to 09:15, and 09:12 is still refused
		firstClock.now = Instant.parse("2025-03-01T09:05:00Z");
		assertThat(first.beat(held)).isTrue();
		secondClock.now = Instant.parse("2025-03-01T09:12:00Z");
		assertThat(second.take(2030).lease()).isEmpty();

		// 09:15: it expired without a beat; taken over with the next token
		secondClock.now = Instant.parse("2025-03-01T09:15:00Z");
		ExerciceLease.Lease tookOver = second.take(2030).lease().orElseThrow();
		assertThat(tookOver.token()).isEqualTo(held.token() + 1);
		assertThat(tookOver.tookOver().orElseThrow().holderId()).isEqualTo(held.holderId());

		// the old holder: no beat, no payment, and its release leaves the new holder in place
		assertThat(first.beat(held)).isFalse();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		jdbc.update("CREATE TABLE IF NOT EXISTS LEASE_TEST_PAYMENT (AMOUNT INT)");
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			first.fence(2030);
			jdbc.update("INSERT INTO LEASE_TEST_PAYMENT VALUES (1)");
		})).isInstanceOf(LeaseLostException.class).hasMessageContaining("n'a plus le bail de l'exercice 2030")
			.hasMessageContaining("pid " + ProcessHandle.current().pid());
		first.release(held);
		assertThat(second.holder(2030).orElseThrow().holderId()).isEqualTo(tookOver.holderId());

		// the new holder pays; then gives the lease back, and a third launch takes it at once
		transaction.executeWithoutResult(status -> {
			second.fence(2030);
			jdbc.update("INSERT INTO LEASE_TEST_PAYMENT VALUES (2)");
		});
		assertThat(jdbc.queryForList("SELECT AMOUNT FROM LEASE_TEST_PAYMENT", Integer.class)).containsExactly(2);
		second.release(tookOver);
		assertThat(first.take(2030).lease().orElseThrow().token()).isEqualTo(tookOver.token() + 1);
	}

	/**
	 * A payment transaction keeps the lease row locked from its fence to its commit: the heartbeat is
	 * told so (it would only wait on our own lock and report the database unreachable), and the
	 * commit renews the lease, so a balance that lasted 8 of the lease's 10 minutes does not leave a
	 * lease that expires 2 minutes after its payments.
	 */
	@Test
	void aFencingTransactionRenewsTheLeaseAtItsCommitAndTellsTheHeartbeatItHoldsTheRow() {
		HandClock clock = new HandClock();
		ExerciceLease leases = new ExerciceLease(this.dataSource, clock, TEN_MINUTES);
		ExerciceLease.Lease held = leases.take(2032).lease().orElseThrow();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		assertThat(leases.lockedByThisProcess(2032)).isFalse();
		transaction.executeWithoutResult(status -> {
			leases.fence(2032);
			assertThat(leases.lockedByThisProcess(2032)).isTrue();
			clock.now = Instant.parse("2025-03-01T09:08:00Z");
		});
		assertThat(leases.lockedByThisProcess(2032)).isFalse();
		assertThat(leases.holder(2032).orElseThrow().expiresAt()).isEqualTo(Instant.parse("2025-03-01T09:18:00Z"));
		HandClock otherClock = new HandClock();
		otherClock.now = Instant.parse("2025-03-01T09:12:00Z");
		assertThat(new ExerciceLease(this.dataSource, otherClock, TEN_MINUTES).take(2032).lease())
			.as("renewed at the commit, 09:08: alive until 09:18")
			.isEmpty();

		// a transaction that rolls back releases the row too
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			leases.fence(2032);
			throw new IllegalStateException("payment failed");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(leases.lockedByThisProcess(2032)).isFalse();
		leases.release(held);
	}

	@Test
	void aLeaseSurvivesTheLossOfEveryConnectionItWasTakenOn() {
		HandClock clock = new HandClock();
		ExerciceLease leases = new ExerciceLease(this.dataSource, clock, TEN_MINUTES);
		ExerciceLease.Lease held = leases.take(2031).lease().orElseThrow();
		// nothing of the lease lives in a connection: a second instance (another pool, another process)
		// sees it held, and the holder renews it from whatever connection it gets next
		ExerciceLease other = new ExerciceLease(this.dataSource, clock, TEN_MINUTES);
		assertThat(other.take(2031).lease()).isEmpty();
		assertThat(other.held()).containsKey(2031);
		clock.now = clock.now.plus(Duration.ofMinutes(9));
		assertThat(leases.beat(held)).isTrue();
		clock.now = clock.now.plus(Duration.ofMinutes(9));
		assertThat(other.take(2031).lease()).as("renewed at 09:09, alive until 09:19").isEmpty();
		leases.release(held);
		assertThat(other.held()).doesNotContainKey(2031);
	}

	@Test
	void aHolderWhoseProcessIsGoneFromThisHostIsTakenOverAtOnceALiveOneIsNot() throws Exception {
		HandClock clock = new HandClock();
		ExerciceLease leases = new ExerciceLease(this.dataSource, clock, TEN_MINUTES);
		ExerciceLease.Lease held = leases.take(2032).lease().orElseThrow();
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		// as a process of this host killed with kill -9 leaves it: alive for 10 more minutes, pid gone
		jdbc.update("UPDATE EXERCICE_LEASE SET PID = ? WHERE EXERCICE = 2032", ended.pid());
		ExerciceLease.Lease tookOver = leases.take(2032).lease().orElseThrow();
		assertThat(tookOver.token()).isEqualTo(held.token() + 1);
		// a live process of this host (this one) keeps it
		assertThat(leases.take(2032).lease()).isEmpty();
		// a holder on another host is judged by its expiry alone
		jdbc.update("UPDATE EXERCICE_LEASE SET HOST = 'autre-hote', PID = ? WHERE EXERCICE = 2032", ended.pid());
		assertThat(leases.take(2032).lease()).isEmpty();
	}

}
