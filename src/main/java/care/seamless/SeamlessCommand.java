package care.seamless;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import care.seamless.bench.BenchCommand;
import care.seamless.linkage.cli.LinkCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The jar's entry point. Serving the web application is the default; the other commands
 * run without a web server so they start quickly and can be scripted.
 */
@Command(name = "seamless", mixinStandardHelpOptions = true, versionProvider = SeamlessCommand.Version.class,
		description = "Seamless shared care record.",
		subcommands = { SeamlessCommand.Serve.class, AuditCommand.class, BackupCommand.Backup.class,
				BackupCommand.Restore.class, ImportCommand.class, LinkCommand.class, GenerateCommand.class,
				BenchCommand.class })
public class SeamlessCommand implements Callable<Integer> {

	@Unmatched
	List<String> springArguments = new ArrayList<>();

	public static void main(String[] args) {
		CommandLine commandLine = new CommandLine(new SeamlessCommand());
		int exitCode = commandLine.execute(args);
		// A running web server keeps the JVM alive; exiting here would stop it.
		if (exitCode != Serve.KEEP_RUNNING) {
			System.exit(exitCode);
		}
	}

	@Override
	public Integer call() {
		return Serve.start(springArguments);
	}

	@Command(name = "serve", description = "Start the web application (the default).")
	static class Serve implements Callable<Integer> {

		static final int KEEP_RUNNING = -1;

		@Unmatched
		List<String> springArguments = new ArrayList<>();

		@Override
		public Integer call() {
			return start(springArguments);
		}

		static int start(List<String> springArguments) {
			SeamlessApplication.run(springArguments.toArray(String[]::new));
			return KEEP_RUNNING;
		}

	}

	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = SeamlessCommand.class.getPackage().getImplementationVersion();
			return new String[] { "Seamless " + (version == null ? "development build" : version) };
		}

	}

}
