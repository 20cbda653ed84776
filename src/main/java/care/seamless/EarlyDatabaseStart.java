package care.seamless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the server's context
 * exists, before Spring reads the application's 500 configuration classes and makes its
 * beans (ADR 116). Until then PostgreSQL's start was a step on the main thread of its
 * own: the packaged binaries hashed, the postmaster started and waited for in 100 ms
 * polls, recovery if any; most of that is waiting, and now happens beside the main
 * thread's work instead of after it. The {@code embeddedPostgres} bean takes this server;
 * nothing else touches the database before it, so Flyway and every check at start still
 * run against it before anything is served.
 */
final class EarlyDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The bean this initializer leaves in the context, for the configuration to claim.
	 */
	static final String BEAN = "earlyDatabaseStart";

	private @Nullable Settings settings;

	private @Nullable CompletableFuture<EmbeddedPostgres> server;

	private boolean claimed;

	/**
	 * What the embedded server is started with, read from the environment in this one
	 * place for the early start and the bean; the bean starts its own if they differ.
	 */
	record Settings(Path dataDir, boolean durable, String sharedBuffers) {

		static Settings of(Environment environment) {
			return new Settings(Path.of(environment.getProperty("seamless.data-dir", "./data")),
					environment.getProperty("seamless.database.durable", Boolean.class, true),
					environment.getProperty("seamless.database.shared-buffers", ""));
		}

	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		// The same condition as EmbeddedPostgresConfiguration's: an external database, no
		// embedded one.
		if (!environment.getProperty("spring.datasource.url", "").isEmpty()) {
			return;
		}
		start(Settings.of(environment));
		context.getBeanFactory().registerSingleton(BEAN, this);
	}

	synchronized void start(Settings settings) {
		this.settings = settings;
		CompletableFuture<EmbeddedPostgres> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				future.complete(EmbeddedPostgresConfiguration.start(settings.dataDir(), settings.durable(),
						settings.sharedBuffers()));
			}
			catch (Throwable ex) {
				// Whatever it is, the main thread waiting for this server must see it,
				// not wait forever.
				future.completeExceptionally(ex);
			}
		}, "embedded-postgres-start");
		thread.setDaemon(true);
		thread.start();
		this.server = future;
	}

	/**
	 * The server started with these settings, waited for; null when this start was for
	 * other settings (the bean then starts its own) or was claimed already. A failed
	 * start fails here with its own exception, as the bean's own start would have.
	 */
	synchronized @Nullable EmbeddedPostgres claim(Settings wanted) throws IOException {
		if (this.server == null || this.claimed || !wanted.equals(this.settings)) {
			return null;
		}
		this.claimed = true;
		return await(this.server);
	}

	/**
	 * Stops the server when no bean took it, as when the application fails before its
	 * database bean is made: the context never closes a server it does not know of.
	 */
	synchronized void stopIfUnclaimed() {
		if (this.server == null || this.claimed) {
			return;
		}
		this.claimed = true;
		try {
			await(this.server).close();
		}
		catch (IOException | RuntimeException ex) {
			// The application is failing already; its own exception is the one to report.
		}
	}

	private static EmbeddedPostgres await(CompletableFuture<EmbeddedPostgres> server) throws IOException {
		try {
			return server.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new UncheckedIOException(new IOException(ex.getCause()));
		}
	}

}
