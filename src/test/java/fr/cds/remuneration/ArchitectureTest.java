package fr.cds.remuneration;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.batch.core.partition.PartitionHandler;

/**
 * The package structure of docs/architecture.md, checked on the compiled main classes: every
 * package sits above what it uses (no cycle, however long), and the engine stays a pure
 * computation.
 */
@AnalyzeClasses(locations = ArchitectureTest.MainClasses.class,
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotGenerated.class })
class ArchitectureTest {

	/**
	 * The classes Spring AOT generates at {@code package} ({@code X__BeanDefinitions} and the like,
	 * in the package of the bean's class whatever configuration declared it) are left out: they are
	 * not the project's structure, and are in the class directory only after a {@code package}.
	 */
	static final class NotGenerated implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("__");
		}

	}

	/**
	 * The directory (or jar) of the main classes only: scanning the whole classpath for the root
	 * package read every library jar and took minutes on a loaded machine.
	 */
	static final class MainClasses implements LocationProvider {

		@Override
		public Set<Location> get(Class<?> testClass) {
			return Set.of(Location.of(Application.class.getProtectionDomain().getCodeSource().getLocation()));
		}

	}

	/**
	 * One slice per package, sub-packages included as slices of their own: {@code (**)} captures
	 * the whole package name below the root, so {@code rules}, {@code rules.load} and
	 * {@code rules.model} are three slices and a cycle between them fails.
	 */
	@ArchTest
	static final ArchRule NO_PACKAGE_CYCLE = slices().matching("fr.cds.remuneration.(**)")
		.should()
		.beFreeOfCycles();

	/** The engine computes from values it is given: no framework, no file, no database. */
	@ArchTest
	static final ArchRule ENGINE_IS_PURE = noClasses().that()
		.resideInAPackage("fr.cds.remuneration.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml..", "java.io..",
				"java.nio..", "java.sql..", "javax.sql..", "java.net..");

	/** The peer benchmark computes from the run's results it is given: no framework, no file, no database. */
	@ArchTest
	static final ArchRule PEER_BENCHMARK_IS_PURE = noClasses().that()
		.resideInAPackage("fr.cds.remuneration.peer..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml..", "java.io..",
				"java.nio..", "java.sql..", "javax.sql..", "java.net..");

	/**
	 * Both ways of running the extract's partitions, threads of the run's process and worker
	 * processes, are chosen in one package: the annual job names only the {@link PartitionHandler}
	 * interface, never a handler.
	 */
	@ArchTest
	static final ArchRule PARTITION_HANDLERS_IN_PARTITIONING = noClasses().that()
		.resideOutsideOfPackage("fr.cds.remuneration.partitioning..")
		.should()
		.dependOnClassesThat(assignableTo(PartitionHandler.class).and(not(equivalentTo(PartitionHandler.class))));

}
