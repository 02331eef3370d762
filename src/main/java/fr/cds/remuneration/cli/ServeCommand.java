package fr.cds.remuneration.cli;

import fr.cds.remuneration.run.ExitCode;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/**
 * {@code serve}: the web calculette for centres, until the process is stopped (Ctrl-C). The web
 * server is already running when this command runs: {@code Application.main} starts the process
 * as a web application when its first argument is {@code serve}, and only then.
 */
@Component
@Command(name = ServeCommand.NAME, mixinStandardHelpOptions = true,
		description = { "Sert la calculette web des centres, jusqu'à l'arrêt (Ctrl-C).",
				"Un centre estime sa rémunération sur une page web, avec les règles",
				"et le moteur du run de paiement. Rien n'est enregistré.",
				"Adresse et port : SERVER_ADDRESS (par défaut 127.0.0.1), SERVER_PORT (8080)." })
public class ServeCommand implements Callable<Integer> {

	/** The command's name, which {@code Application.main} looks for. */
	public static final String NAME = "serve";

	private final ApplicationContext context;

	private final CountDownLatch closed = new CountDownLatch(1);

	public ServeCommand(ApplicationContext context) {
		this.context = context;
	}

	@EventListener(ContextClosedEvent.class)
	void contextClosed() {
		this.closed.countDown();
	}

	@Override
	public Integer call() throws InterruptedException {
		if (!(this.context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
			System.err.println("serve doit être le premier argument de la ligne de commande (le processus démarre alors"
					+ " comme une application web)");
			return ExitCode.USAGE.code();
		}
		String address = this.context.getEnvironment().getProperty("server.address", "localhost");
		System.out.println("Calculette : http://" + address + ":" + web.getWebServer().getPort() + "/");
		System.out.println("Arrêt : Ctrl-C");
		this.closed.await();
		return ExitCode.OK.code();
	}

}
