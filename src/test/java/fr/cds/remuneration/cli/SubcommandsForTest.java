package fr.cds.remuneration.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line gets only the subcommand it names (its bean alone is created); --help, an unknown
 * word or no command get every subcommand, so that the root's help lists them and picocli can
 * suggest a close name.
 */
class SubcommandsForTest {

	@Test
	void aNamedSubcommandAloneAndEveryOneOtherwise() {
		assertThat(CdsCommand.subcommandsFor("run", "--exercice", "2024")).containsExactly(RunCommand.class);
		assertThat(CdsCommand.subcommandsFor("impact", "--help")).containsExactly(ImpactCommand.class);
		assertThat(CdsCommand.subcommandsFor()).isEqualTo(CdsCommand.SUBCOMMANDS);
		assertThat(CdsCommand.subcommandsFor("--help")).isEqualTo(CdsCommand.SUBCOMMANDS);
		assertThat(CdsCommand.subcommandsFor("rnu")).isEqualTo(CdsCommand.SUBCOMMANDS);
		assertThat(CdsCommand.subcommandsFor("--exercice", "run")).isEqualTo(CdsCommand.SUBCOMMANDS);
	}

	@Test
	void everySubcommandIsFoundByEachOfItsNames() {
		Set<String> names = new HashSet<>();
		for (Class<?> type : CdsCommand.SUBCOMMANDS) {
			Command command = type.getAnnotation(Command.class);
			assertThat(names.add(command.name())).as(command.name()).isTrue();
			assertThat(CdsCommand.subcommandsFor(command.name())).containsExactly(type);
			for (String alias : command.aliases()) {
				assertThat(names.add(alias)).as(alias).isTrue();
				assertThat(CdsCommand.subcommandsFor(alias)).isEqualTo(List.of(type));
			}
		}
	}

}
