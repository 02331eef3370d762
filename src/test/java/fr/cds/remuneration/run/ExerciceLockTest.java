package fr.cds.remuneration.run;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:exercice-lock" })
class ExerciceLockTest {

	@Autowired
	ExerciceLock lock;

	@Test
	void aSecondHolderIsRefusedUntilTheFirstReleases() {
		Optional<ExerciceLock.Held> first = this.lock.tryAcquire(2024);
		assertThat(first).isPresent();
		assertThat(this.lock.tryAcquire(2024)).isEmpty();
		try (ExerciceLock.Held other = this.lock.tryAcquire(2023).orElseThrow()) {
			assertThat(other).isNotNull();
		}
		first.get().close();
		try (ExerciceLock.Held again = this.lock.tryAcquire(2024).orElseThrow()) {
			assertThat(again).isNotNull();
		}
	}

}
