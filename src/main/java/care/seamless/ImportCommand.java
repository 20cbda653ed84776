package care.seamless;

import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import care.seamless.linkage.ImportProblem;
import care.seamless.linkage.ImportRejected;
import care.seamless.linkage.ImportReport;
import care.seamless.linkage.ImportedFiles;
import care.seamless.linkage.PeopleImport;
import care.seamless.linkage.RecordReader;
import care.seamless.linkage.Role;
import care.seamless.shared.Actor;
import care.seamless.shared.Phases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import FILE --as USERNAME}: the people import of the web page, for files too big
 * to upload. Same rules, same audit, same single transaction: a file is imported whole or
 * not at all, so a run that is killed half way can simply be run again.
 */
@Command(name = "import", subcommands = FhirImportCommand.class,
		description = "Register the people in a CSV file (all or nothing) as an administrator's account. Stop Seamless first, or use the import page.")
final class ImportCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
	Path file;

	@Option(names = "--as", description = "The administrator account the import is recorded under.")
	String username;

	@Option(names = "--columns", description = "Column roles, e.g. given_name=Forename,family_name=Surname.")
	String columns;

	@Option(names = "--again",
			description = "Import a file this organisation has imported before (everyone in it is registered again).")
	boolean again;

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		// Optional here only so that `import fhir ...` parses; a CSV import needs both.
		if (file == null || username == null) {
			spec.commandLine()
				.getErr()
				.println("Give a FILE and --as USERNAME (or: import fhir PATH... --as USERNAME)");
			return 2;
		}
		if (!Files.isRegularFile(file)) {
			spec.commandLine().getErr().println("No such file: " + file);
			return 2;
		}
		Map<Role, String> roles = RecordReader.parseColumns(columns);
		try (ConfigurableApplicationContext context = CommandContext.startLean(springArguments)) {
			Actor actor = CommandContext.actingAs(context, username).orElse(null);
			if (actor == null) {
				spec.commandLine().getErr().println("No enabled account named " + username);
				return 2;
			}
			ImportedFiles importedFiles = context.getBean(ImportedFiles.class);
			String digest;
			try (InputStream contents = Files.newInputStream(file)) {
				digest = ImportedFiles.digest(contents);
			}
			Optional<ImportedFiles.Earlier> earlier = importedFiles.latest(actor, digest);
			if (earlier.isPresent() && !again) {
				importedBefore(earlier.get());
				return 1;
			}
			try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				long started = System.nanoTime();
				Phases phases = new Phases();
				ImportReport report = importedFiles.importing(actor, digest, again ? digest : null,
						() -> context.getBean(PeopleImport.class).importCsv(actor, csv, roles, phases));
				// The audit entries are written when the import's transaction commits.
				phases.end("audit written and committed");
				double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
				Map<ImportReport.Outcome, Long> outcomes = new java.util.EnumMap<>(ImportReport.Outcome.class);
				report.people().forEach(p -> outcomes.merge(p.outcome(), 1L, Long::sum));
				spec.commandLine()
					.getOut()
					.printf("Imported %d people from %s in %.1f s (%.0f persons/s): %s%n", report.people().size(), file,
							seconds, report.people().size() / seconds, outcomes);
				spec.commandLine().getOut().println("Time by step: " + phases);
				return 0;
			}
			catch (ImportedFiles.ImportedBefore ex) {
				// Imported by someone else while this one ran.
				importedBefore(ex.earlier());
				return 1;
			}
			catch (ImportRejected ex) {
				for (ImportProblem problem : ex.problems()) {
					spec.commandLine()
						.getErr()
						.println(problem.describe(context)
								+ (problem.field() == null ? "" : " (" + problem.field() + ")"));
				}
				spec.commandLine().getErr().println("Nothing was imported.");
				return 1;
			}
		}
	}

	private void importedBefore(ImportedFiles.Earlier earlier) {
		spec.commandLine()
			.getErr()
			.printf("Your organisation imported this file on %s (%s, %d people). Importing it again registers everyone"
					+ " in it again. Nothing was imported; to import it again, run the same command with --again.%n",
					DateTimeFormatter.ISO_INSTANT.format(earlier.importedAt().truncatedTo(ChronoUnit.SECONDS)),
					earlier.importedBy(), earlier.people());
	}

}
