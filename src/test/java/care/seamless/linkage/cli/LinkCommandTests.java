package care.seamless.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LinkCommandTests {

	private static final Path DATA = Path.of("src", "test", "resources", "testdata");

	@Test
	void evaluateEndsWithTheMachineReadableSummary() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = new CommandLine(new LinkCommand());
		commandLine.setOut(new PrintWriter(out));

		int exitCode = commandLine.execute("evaluate", "--input",
				DATA.resolve("splink-persons/fake_1000.csv").toString(), "--truth-column", "cluster");

		assertThat(exitCode).isZero();
		List<String> lines = out.toString().lines().toList();
		assertThat(lines.get(lines.size() - 1))
			.matches("precision=\\d\\.\\d{4} recall=\\d\\.\\d{4} f1=\\d\\.\\d{4} pairs=\\d+ seconds=\\d+\\.\\d{2}");
	}

	@Test
	void dedupeWritesExplainedPairs(@TempDir Path directory) throws Exception {
		Path output = directory.resolve("pairs.csv");
		CommandLine commandLine = new CommandLine(new LinkCommand());
		commandLine.setOut(new PrintWriter(new StringWriter()));

		int exitCode = commandLine.execute("dedupe", "--input", DATA.resolve("febrl/dataset1.csv").toString(),
				"--output", output.toString());

		assertThat(exitCode).isZero();
		List<String> lines = Files.readAllLines(output);
		assertThat(lines.get(0))
			.startsWith("left_id,right_id,weight,probability,decision,rule,level_given_name,weight_given_name");
		assertThat(lines).hasSizeGreaterThan(400);
		assertThat(lines.get(1)).contains("MATCH");
	}

}
