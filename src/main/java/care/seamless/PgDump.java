package care.seamless;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * PostgreSQL's own {@code pg_dump} and {@code pg_restore}, for an operator who names a
 * client program that can serve the server. A client older than the server refuses it
 * ("server version mismatch"): Debian 12's 15 cannot dump the embedded 17, and the
 * embedded bundle has no client at all (ADR 19). So the versions are compared first, and
 * a mismatch is said in one sentence instead of pg_dump's error after the fact.
 */
final class PgDump {

	private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

	/** The first bytes of every pg_dump custom-format archive. */
	private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

	private PgDump() {
	}

	/** A client program and the PostgreSQL major version it says it is. */
	record Client(String tool, Path program, int major) {
	}

	/** Where and as whom the client connects. */
	record Target(String host, int port, String database, String user, String password) {

		Map<String, String> environment() {
			// The password goes through the environment, never the command line, which
			// any user of the machine can read.
			return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGDATABASE", database, "PGUSER", user,
					"PGPASSWORD", password);
		}

	}

	/**
	 * Asks the program for its version. Refuses, with the reason, a path that is not a
	 * program or a program that does not say it is the named PostgreSQL tool.
	 */
	static Client client(String tool, Path program) throws IOException, InterruptedException {
		if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
			throw new IllegalArgumentException(program + " is not a program that can be run (give the path of " + tool
					+ ", for example /usr/lib/postgresql/17/bin/" + tool + ")");
		}
		Result version = run(List.of(program.toString(), "--version"), Map.of(), 30);
		Matcher matcher = VERSION.matcher(version.output());
		if (version.exitCode() != 0 || !version.output().startsWith(tool) || !matcher.find()) {
			throw new IllegalArgumentException(program + " does not say it is PostgreSQL's " + tool + " (it answered \""
					+ firstLine(version.output()) + "\" to --version)");
		}
		return new Client(tool, program, Integer.parseInt(matcher.group(1)));
	}

	static int serverMajor(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("show server_version_num")) {
			result.next();
			return Integer.parseInt(result.getString(1)) / 10000;
		}
	}

	/**
	 * Why the client cannot serve a server of the given major version, or empty when it
	 * can: pg_dump and pg_restore work with servers of their own major version and older
	 * ones only.
	 */
	static Optional<String> mismatch(Client client, int serverMajor) {
		if (client.major() >= serverMajor) {
			return Optional.empty();
		}
		return Optional
			.of(client.tool() + " " + client.major() + " (" + client.program() + ") cannot work with this PostgreSQL "
					+ serverMajor + " server: " + client.tool() + " must be version " + serverMajor + " or newer.");
	}

	static boolean isArchive(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(ARCHIVE_MAGIC.length), ARCHIVE_MAGIC);
		}
	}

	/**
	 * A custom-format archive of the whole database, written as {@code FILE.partial} and
	 * renamed only when pg_dump has finished (pg_dump itself reads one consistent
	 * snapshot).
	 */
	static void dump(Client client, Target target, Path file) throws IOException, InterruptedException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		try {
			Result result = run(List.of(client.program().toString(), "--format=custom", "--no-owner", "--no-privileges",
					"--file=" + partial), target.environment(), 0);
			if (result.exitCode() != 0) {
				throw new IOException(
						client.tool() + " failed (exit " + result.exitCode() + "): " + lastLines(result.output()));
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Loads an archive into an empty database in one transaction: it stops at the first
	 * error and leaves the database as it was.
	 */
	static void restore(Client client, Target target, Path file) throws IOException, InterruptedException {
		Result result = run(List.of(client.program().toString(), "--single-transaction", "--exit-on-error",
				"--no-owner", "--no-privileges", "--dbname=" + target.database(), file.toString()),
				target.environment(), 0);
		if (result.exitCode() != 0) {
			throw new IOException(
					client.tool() + " failed (exit " + result.exitCode() + "): " + lastLines(result.output()));
		}
	}

	private record Result(int exitCode, String output) {
	}

	/** Runs a program to its end (or for at most the given seconds, 0 for no limit). */
	private static Result run(List<String> command, Map<String, String> environment, int seconds)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().close();
		// Read while it runs: a full pipe would stop the program.
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (seconds > 0 && !process.waitFor(seconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException(command.get(0) + " did not finish in " + seconds + " s");
		}
		return new Result(process.waitFor(), output);
	}

	private static String firstLine(String text) {
		String trimmed = text.strip();
		int end = trimmed.indexOf('\n');
		return end < 0 ? trimmed : trimmed.substring(0, end);
	}

	private static String lastLines(String text) {
		List<String> lines = text.strip().lines().toList();
		return String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
	}

}
