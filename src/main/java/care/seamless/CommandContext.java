package care.seamless;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the import commands share: Seamless started without its web server, and the
 * account a command's work is recorded under, so that an import is audited and checked by
 * the access policy like the same import from a page.
 */
final class CommandContext {

	private CommandContext() {
	}

	static ConfigurableApplicationContext start(List<String> springArguments) {
		return new SpringApplicationBuilder(SeamlessApplication.class).web(WebApplicationType.NONE)
			.run(arguments(springArguments));
	}

	/** What every command that starts Seamless adds to the arguments it was given. */
	static String[] arguments(List<String> springArguments) {
		List<String> args = new ArrayList<>(springArguments);
		args.add("--spring.main.banner-mode=off");
		// A command does its own work and ends: the server's jobs would only compete
		// with it and be cut off when it closes the database (ADR 109).
		args.add("--" + Scheduling.ENABLED + "=false");
		return args.toArray(String[]::new);
	}

	/**
	 * {@link #start}, creating only the beans the command asks for and what they need: no
	 * schedulers, web configuration or page controllers, which a command never uses and
	 * which cost most of the start-up. The database is still migrated first (Spring Boot
	 * makes every JDBC user wait for Flyway), and listeners still hear events (a listener
	 * is created when its first event comes), so the demo loader still runs with
	 * {@code --seamless.demo=true}.
	 */
	static ConfigurableApplicationContext startLean(List<String> springArguments) {
		return new SpringApplicationBuilder(SeamlessApplication.class).web(WebApplicationType.NONE)
			.lazyInitialization(true)
			.run(arguments(springArguments));
	}

	/** The enabled account named {@code username} as an actor, or empty. */
	static Optional<Actor> actingAs(ConfigurableApplicationContext context, String username) {
		return context.getBean(Directory.class)
			.accountForSignIn(username)
			.filter(Account::enabled)
			.map((account) -> new Actor(account.id(), account.username(), account.practitionerId(),
					account.organisationId(), account.organisationCode(), account.roles(), Purpose.DIRECT_CARE));
	}

}
