package care.seamless.linkage.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import care.seamless.linkage.Decision;
import care.seamless.linkage.Truth;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code seamless link}: identity matching from the command line, without starting the
 * web application.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
		description = "Find records of the same person (Fellegi-Sunter model trained by EM on the input).",
		subcommands = { LinkCommand.Dedupe.class, LinkCommand.Join.class, EvaluateCommand.class, BenchCommand.class,
				GenerateCommand.class })
public class LinkCommand {

	/** Options for commands that write pairs. */
	static class OutputOptions {

		@Option(names = "--output", description = "Write pairs at or above the review threshold to this CSV file.")
		@Nullable Path output;

		@Option(names = "--model", description = "Use this saved model instead of training one.")
		@Nullable Path model;

		@Option(names = "--save-model", description = "Save the trained model to this properties file.")
		@Nullable Path saveModel;

	}

	abstract static class PairsCommand implements Callable<Integer> {

		@Spec
		@Nullable CommandSpec spec;

		@Mixin
		InputOptions inputs = new InputOptions();

		@Mixin
		OutputOptions outputs = new OutputOptions();

		abstract boolean joins();

		@Override
		public Integer call() throws Exception {
			if (inputs.isJoin() != joins()) {
				throw new ParameterException(spec.commandLine(),
						joins() ? "join needs --left and --right" : "dedupe needs --input");
			}
			InputOptions.Loaded loaded = inputs.load(Truth.none());
			var out = spec.commandLine().getOut();
			LinkRun.Result result = LinkRun.run(loaded.first().records(),
					loaded.second() == null ? null : loaded.second().records(), outputs.model, outputs.saveModel, out);
			long matches = result.links().stream().filter(link -> link.decision() == Decision.MATCH).count();
			out.printf("matches=%d possible-matches=%d%n", matches, result.links().size() - matches);
			if (outputs.output != null) {
				PairWriter.write(outputs.output, result);
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "dedupe", mixinStandardHelpOptions = true,
			description = "Find records of the same person within one file (--input).")
	static class Dedupe extends PairsCommand {

		@Override
		boolean joins() {
			return false;
		}

	}

	@Command(name = "join", mixinStandardHelpOptions = true,
			description = "Find records of the same person across two files (--left, --right).")
	static class Join extends PairsCommand {

		@Override
		boolean joins() {
			return true;
		}

	}

}
