package care.seamless;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops the embedded PostgreSQL that a killed application left running on its
 * data folder ({@code kill -9} or an out-of-memory kill gives the JVM no chance to stop
 * it). The server is only stopped when three things hold: {@code postmaster.pid} names
 * this folder, that process is a running {@code postgres}, and no live application holds
 * the embedded library's lock on the folder (so a second copy of Seamless can never stop
 * the first one's database).
 */
final class StaleServer {

	private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

	private static final String LIBRARY_LOCK = "epg-lock";

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private StaleServer() {
	}

	static void stopIfOrphaned(Path pgData) throws IOException {
		Optional<ProcessHandle> server = serverOf(pgData);
		if (server.isEmpty()) {
			return;
		}
		if (heldByLiveApplication(pgData)) {
			throw new IllegalStateException(
					"The data folder " + pgData + " is in use by another running Seamless; stop that one first");
		}
		log.warn("Stopping the database server (process {}) left running by an earlier run that did not shut down",
				server.get().pid());
		stop(server.get());
	}

	static Optional<ProcessHandle> serverOf(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).trim().matches("\\d{1,10}")) {
			return Optional.empty();
		}
		if (!samePath(Path.of(lines.get(1).trim()), pgData)) {
			return Optional.empty();
		}
		// PostgreSQL itself ignores a pid file whose process is gone, or reused by
		// another program.
		return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(StaleServer::isPostgres).orElse(false));
	}

	/** The port the server in {@code pgData} listens on, from its pid file. */
	static int port(Path pgData) throws IOException {
		return Integer.parseInt(Files.readAllLines(pgData.resolve("postmaster.pid")).get(3).trim());
	}

	private static boolean isPostgres(String command) {
		return Path.of(command).getFileName().toString().equals("postgres");
	}

	private static boolean samePath(Path a, Path b) throws IOException {
		return Files.exists(a) && Files.isSameFile(a, b);
	}

	static boolean heldByLiveApplication(Path pgData) throws IOException {
		Path lockFile = pgData.resolve(LIBRARY_LOCK);
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
	}

	/**
	 * SIGINT is PostgreSQL's "fast" shutdown (what {@code pg_ctl stop -m fast} sends):
	 * open sessions are rolled back and the server writes a checkpoint, so the next start
	 * needs no crash recovery.
	 */
	private static void stop(ProcessHandle server) throws IOException {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start();
			kill.waitFor(10, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// No kill command (not Unix): SIGTERM's smart shutdown still stops it once
			// the dead application's sessions are gone.
			server.destroy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the old database server", ex);
		}
		try {
			server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new IOException("The old database server (process " + server.pid() + ") did not stop within "
					+ STOP_WAIT.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the old database server", ex);
		}
	}

}
