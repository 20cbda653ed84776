package care.seamless;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import care.seamless.population.PeopleCsv;
import care.seamless.population.Population;
import care.seamless.population.PopulationRefused;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code generate --people N --seed S --password P}: a synthetic population in an empty
 * database, for benchmarks and trials; or, with {@code --csv FILE}, the same people in a
 * file for {@code import}, leaving the database alone. Stop Seamless first.
 */
@Command(name = "generate", description = "Fill an EMPTY database with a synthetic population "
		+ "(or, with --csv, write its people to a file). The same seed gives the same population.")
final class GenerateCommand implements Callable<Integer> {

	@Option(names = "--people", required = true, description = "How many people.")
	long people;

	@Option(names = "--seed", defaultValue = "1", description = "The seed (default 1).")
	long seed;

	@Option(names = "--password", description = "The password of every generated account.")
	String password;

	@Option(names = "--staff", description = "How many practitioners (staff1..staffK); default one per 500 people.")
	Integer staff;

	@Option(names = "--csv", description = "Write the people to this CSV file instead of the database.")
	Path csv;

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (people < 1 || people > 50_000_000 || (staff != null && (staff < 1 || staff > 100_000))) {
			spec.commandLine().getErr().println("--people must be 1 to 50,000,000 and --staff 1 to 100,000");
			return 2;
		}
		return csv != null ? writeCsv() : generate();
	}

	private int writeCsv() throws Exception {
		long started = System.nanoTime();
		try (ProgressBar bar = new ProgressBarBuilder().setTaskName("People").setInitialMax(people).build();
				Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			new PeopleCsv().write(out, people, seed, bar::stepBy);
		}
		spec.commandLine().getOut().printf("Wrote %,d people to %s in %s%n", people, csv, took(started));
		return 0;
	}

	private int generate() {
		if (password == null || password.isBlank()) {
			spec.commandLine().getErr().println("Give --password: every generated account signs in with it");
			return 2;
		}
		Population.Settings settings = new Population.Settings(people, seed, password,
				staff == null ? Population.Settings.defaultStaff(people) : staff);
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = CommandContext.start(springArguments)) {
			Population.Summary summary;
			long loading = System.nanoTime();
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Population")
				.setInitialMax((long) Population.PASSES * people)
				.build()) {
				summary = context.getBean(Population.class).generate(settings, bar::stepBy);
			}
			catch (PopulationRefused ex) {
				spec.commandLine().getErr().println(ex.getMessage() + ". Nothing was generated.");
				return 1;
			}
			var out = spec.commandLine().getOut();
			out.printf("Generated a population from seed %d in %s (%s with start-up):%n", seed, took(loading),
					took(started));
			for (Map.Entry<String, Long> row : summary.rows().entrySet()) {
				out.printf("  %-24s %,12d%n", row.getKey(), row.getValue());
			}
			long vacuuming = System.nanoTime();
			boolean written = vacuum(context.getBean(DataSource.class));
			out.printf(written ? "Vacuumed and written to disk in %s.%n" : "Vacuumed in %s.%n", took(vacuuming));
			out.printf(
					"Accounts staff1..staff%d (practitioners) and %s (administrator) sign in with the password given.%n",
					summary.staff(), summary.administrator());
			out.printf("staff=%d%n", summary.staff());
			return 0;
		}
	}

	/**
	 * A page loaded in one transaction is not yet marked visible to everyone: the first
	 * reads of each page would look up its transaction and write the page again, and
	 * PostgreSQL's autovacuum would spend the first minutes of every server on the same
	 * work, so figures measured just after a load would be measuring that. One vacuum,
	 * outside the load's transaction (which vacuum cannot run in), settles it at once.
	 * <p>
	 * The vacuum leaves most of the database's pages changed in memory; a checkpoint then
	 * writes them here, where the time is shown, rather than at the stop: with gigabytes
	 * to write, the stop outlasted the embedded server's five-second wait and the command
	 * ended on an error (seen on a busy machine at 100,000 people). A database user
	 * without the right to a checkpoint (an external server) leaves it to PostgreSQL's
	 * own; returns whether this one ran.
	 */
	private static boolean vacuum(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("vacuum");
			try {
				statement.execute("checkpoint");
				return true;
			}
			catch (SQLException ex) {
				if (!"42501".equals(ex.getSQLState())) {
					throw ex;
				}
				return false;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("vacuum after the load failed: " + ex.getMessage(), ex);
		}
	}

	private static String took(long started) {
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		return took.toMinutesPart() + " min " + took.toSecondsPart() + " s";
	}

}
