package care.seamless;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import care.seamless.fhir.FhirFiles;
import care.seamless.shared.Actor;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import fhir PATH... --as USERNAME}: FHIR files and folders (Synthea bundles, HL7
 * and UK Core examples), one transaction per file. Running it again after a crash
 * finishes the job: files already imported are matched, not imported twice.
 */
@Command(name = "fhir",
		description = "Import FHIR R4 files or folders (Patients through identity matching; other resources are counted and skipped).")
final class FhirImportCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "PATH")
	List<Path> paths;

	@Option(names = "--as", required = true, description = "The administrator account the import is recorded under.")
	String username;

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		for (Path path : paths) {
			if (!Files.exists(path)) {
				spec.commandLine().getErr().println("No such file or folder: " + path);
				return 2;
			}
		}
		List<Path> files = FhirFiles.files(paths);
		try (ConfigurableApplicationContext context = CommandContext.startLean(springArguments)) {
			Actor actor = CommandContext.actingAs(context, username).orElse(null);
			if (actor == null) {
				spec.commandLine().getErr().println("No enabled account named " + username);
				return 2;
			}
			FhirFiles importer = context.getBean(FhirFiles.class);
			long started = System.nanoTime();
			FhirFiles.Summary total;
			try (ProgressBar bar = new ProgressBarBuilder().setTaskName("FHIR files")
				.setInitialMax(files.size())
				.build()) {
				total = importer.importFiles(actor, files, file -> bar.step());
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			int entries = total.byType().values().stream().mapToInt(Integer::intValue).sum();
			spec.commandLine()
				.getOut()
				.println("Imported " + files.size() + " files: " + total.line() + String.format(java.util.Locale.UK,
						" in %.1f s (%.0f entries/s)", seconds, entries / Math.max(seconds, 0.001)));
			return total.failed() == 0 ? 0 : 1;
		}
	}

}
