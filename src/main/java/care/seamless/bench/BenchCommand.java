package care.seamless.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench WORKLOAD}: measures one workload against a running Seamless over HTTP, as
 * practitioners signed in through the sign-in form, after a warm-up, from per-request
 * times. An HTTP client only: it starts neither Spring nor a database, so it measures the
 * server, not itself. Its last line is the contract of docs/benchmarks.md:
 * {@code workload=W ops_per_s=X p50_ms=Y p99_ms=Z}.
 */
@Command(name = "bench",
		description = "Measure one workload against a running Seamless over HTTP (view, search, assessment, plan, worklist, create, match, fhir-read, fhir-search, fhir-create, fhir-bundle, import). The last line is: workload=W ops_per_s=X p50_ms=Y p99_ms=Z.")
public final class BenchCommand implements Callable<Integer> {

	static final int ERRORS = 1;

	static final int CANNOT_RUN = 2;

	private static final Pattern REGISTERED = Pattern.compile(".*/people/[0-9a-f]{8}-[0-9a-f-]{27}$");

	@Parameters(index = "0", paramLabel = "WORKLOAD")
	String workloadName;

	@Option(names = "--url", defaultValue = "http://localhost:8080",
			description = "The server (default ${DEFAULT-VALUE}).")
	URI url;

	@Option(names = "--clients", defaultValue = "4",
			description = "Concurrent clients, one connection each (default ${DEFAULT-VALUE}).")
	int clients;

	@Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default ${DEFAULT-VALUE}).")
	int seconds;

	@Option(names = "--warmup", defaultValue = "10",
			description = "Warm-up seconds before measuring (default ${DEFAULT-VALUE}).")
	int warmup;

	@Option(names = "--password", defaultValue = "seamless-demo",
			description = "The practitioners' password (default ${DEFAULT-VALUE}).")
	String password;

	@Option(names = "--users", split = ",", description = "Practitioners to sign in as, e.g. nina.patel,sam.jones.")
	List<String> users;

	@Option(names = "--user-count",
			description = "Sign in as staff1 … staffK, the generated population's practitioners (default: one per client).")
	Integer userCount;

	@Option(names = "--file", description = "import: the CSV file to import.")
	Path file;

	@Option(names = "--as", defaultValue = "admin",
			description = "import: the administrator account the import is recorded under (default ${DEFAULT-VALUE}).")
	String importAs;

	@Option(names = "--jar", description = "import: the Seamless jar to run (default: this one).")
	Path jar;

	@Option(names = "--import-arg",
			description = "import: an argument passed on to the import, e.g. --import-arg=--seamless.data-dir=DIR (repeat for more).")
	List<String> importArguments = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Workload workload = Workload.named(workloadName).orElse(null);
		if (workload == null) {
			err.println("Unknown workload '" + workloadName + "'. Workloads: " + Workload.labels());
			return CANNOT_RUN;
		}
		if (clients < 1 || seconds < 1 || warmup < 0) {
			err.println("--clients and --seconds must be at least 1, --warmup at least 0");
			return CANNOT_RUN;
		}
		try {
			Figures figures = workload == Workload.IMPORT ? importFile(out) : measure(workload, out);
			out.print(figures.report());
			out.println("load average: " + loadAverage());
			out.println(figures.lastLine());
			out.flush();
			return figures.failed() ? ERRORS : 0;
		}
		catch (CannotRun ex) {
			err.println(ex.getMessage());
			return CANNOT_RUN;
		}
	}

	private Figures measure(Workload workload, PrintWriter out) throws IOException, InterruptedException {
		List<String> practitioners = practitioners();
		// Each practitioner's targets are found once, by a client of their own, before
		// the clock starts.
		Map<String, Targets> targets = new LinkedHashMap<>();
		for (String username : practitioners) {
			BenchClient finder = signedIn(username);
			Targets found = Targets.find(finder, workload.needs());
			if (workload.needs() == Workload.Needs.NOTHING || !found.isEmpty()) {
				targets.put(username, found);
			}
		}
		if (targets.isEmpty()) {
			throw new CannotRun("None of " + String.join(", ", practitioners) + " has anything for '" + workload.label()
					+ "' (" + workload.needs().name().toLowerCase(Locale.ROOT).replace('_', ' ')
					+ " in their caseload): pick practitioners who have");
		}
		List<String> usable = List.copyOf(targets.keySet());
		long run = System.currentTimeMillis() / 1000;
		List<Client> all = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			String username = usable.get(i % usable.size());
			BenchClient client = signedIn(username);
			all.add(new Client(workload, client, new Requests(workload, client, targets.get(username), run, i)));
		}
		out.printf(Locale.ROOT, "bench %s against %s: %d clients, %d s after a %d s warm-up, as %s (%s)%n",
				workload.label(), url, clients, seconds, warmup, String.join(", ", usable),
				usable.stream().map(u -> Integer.toString(targets.get(u).size())).toList() + " targets");
		out.println("load average before: " + loadAverage());
		out.flush();

		long start = System.nanoTime();
		long measureFrom = start + warmup * 1_000_000_000L;
		long measureTo = measureFrom + seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(all.size());
		List<Thread> threads = new ArrayList<>();
		for (Client client : all) {
			Thread thread = new Thread(() -> {
				try {
					client.loop(measureFrom, measureTo);
				}
				finally {
					done.countDown();
				}
			}, "bench-" + threads.size());
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		done.await();
		Map<Integer, Long> errors = new HashMap<>();
		all.forEach(client -> client.errors.forEach((status, count) -> errors.merge(status, count, Long::sum)));
		String sample = all.stream().map(c -> c.firstError).filter(e -> e != null).findFirst().orElse(null);
		if (sample != null) {
			out.println("first error: " + sample);
		}
		return Figures.of(workload.label(), Latencies.sortedTogether(all.stream().map(c -> c.latencies).toList()),
				errors, seconds);
	}

	private List<String> practitioners() {
		if (users != null && !users.isEmpty()) {
			return users.stream().map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
		}
		int count = userCount == null ? clients : userCount;
		if (count < 1) {
			throw new CannotRun("--user-count must be at least 1");
		}
		return IntStream.rangeClosed(1, count).mapToObj(i -> "staff" + i).toList();
	}

	private BenchClient signedIn(String username) throws IOException, InterruptedException {
		BenchClient client = new BenchClient(url, username, password);
		try {
			client.signIn();
		}
		catch (IllegalStateException ex) {
			throw new CannotRun(ex.getMessage());
		}
		catch (IOException ex) {
			throw new CannotRun("Cannot reach " + url + ": " + ex);
		}
		return client;
	}

	/**
	 * Runs {@code seamless.jar import FILE} (the server must not be using that data
	 * folder) and reports people per second over its wall time, JVM start included; p50
	 * and p99 are that one import's time.
	 */
	private Figures importFile(PrintWriter out) throws IOException, InterruptedException {
		if (file == null || !Files.isRegularFile(file)) {
			throw new CannotRun("import needs --file CSV (an existing file), e.g. one the population generator wrote");
		}
		long people;
		try (Stream<String> lines = Files.lines(file)) {
			people = Math.max(0, lines.filter(line -> !line.isBlank()).count() - 1);
		}
		Path jarFile = jar != null ? jar
				: Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jarFile.toString(),
						"import", file.toString(), "--as", importAs));
		command.addAll(importArguments);
		out.println("bench import: " + people + " people from " + file + " with " + String.join(" ", command));
		out.println("load average before: " + loadAverage());
		out.flush();
		long start = System.nanoTime();
		int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
		long elapsed = System.nanoTime() - start;
		double wall = elapsed / 1e9;
		out.printf(Locale.ROOT, "imported %d people in %.1f s: %.0f people/s (JVM and application start included)%n",
				people, wall, people / wall);
		if (exit != 0) {
			return new Figures("import", 0, Map.of(0, 1L), wall, new long[0]);
		}
		return new Figures("import", people, Map.of(), wall, new long[] { elapsed });
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * One client's loop: requests back to back, timed, counted only inside the window.
	 */
	private static final class Client {

		private final Workload workload;

		private final BenchClient client;

		private final Requests requests;

		private final Latencies latencies = new Latencies();

		private final Map<Integer, Long> errors = new HashMap<>();

		private String firstError;

		Client(Workload workload, BenchClient client, Requests requests) {
			this.workload = workload;
			this.client = client;
			this.requests = requests;
		}

		void loop(long measureFrom, long measureTo) {
			try {
				while (System.nanoTime() < measureTo) {
					once(measureFrom, measureTo);
				}
			}
			finally {
				client.close();
			}
		}

		private void once(long measureFrom, long measureTo) {
			BenchClient.Call call = requests.next();
			boolean matching = workload.success() == Workload.Success.POSSIBLE_MATCHES;
			int status;
			String problem = null;
			long began = System.nanoTime();
			try {
				Wire.Answer answer = client.exchange(call, matching);
				status = answer.status();
				if (matching) {
					if (status == 200 && !answer.body().contains("id=\"known-elsewhere\"")) {
						problem = "the form came back without possible matches";
					}
				}
				else if (workload.success() == Workload.Success.REGISTERED) {
					String location = answer.location() == null ? "" : answer.location();
					if (status / 100 != 3 || !REGISTERED.matcher(location).matches()) {
						problem = "not registered (HTTP " + status + ", to '" + location + "')";
					}
				}
				else if (status / 100 != 2) {
					problem = "HTTP " + status;
				}
			}
			catch (IOException | RuntimeException ex) {
				status = 0;
				problem = ex.toString();
			}
			long ended = System.nanoTime();
			if (began >= measureFrom && ended <= measureTo) {
				if (problem == null) {
					latencies.add(ended - began);
				}
				else {
					errors.merge(status, 1L, Long::sum);
					if (firstError == null) {
						firstError = call.method() + " " + call.path() + ": " + problem;
					}
				}
			}
		}

	}

	/** A run that cannot start, with the reason for the person running it. */
	static final class CannotRun extends RuntimeException {

		CannotRun(String message) {
			super(message);
		}

	}

}
