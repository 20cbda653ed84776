package care.seamless.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The next request of one client for its workload, in turn over its practitioner's
 * targets, or made up (new people) from a counter so that no two requests of a run, nor
 * of two runs, register the same person.
 */
final class Requests {

	private static final String[] GIVEN = { "Ada", "Bea", "Cerys", "Dev", "Ella", "Finn", "Gwen", "Hari", "Ivy", "Jan",
			"Kofi", "Lily", "Mei", "Noah", "Omar", "Priya", "Rhys", "Sana", "Tom", "Zofia" };

	private static final String[] SYLLABLES = { "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe",
			"qui", "ro", "su", "ta", "ve", "wi", "xo", "yu" };

	private final Workload workload;

	private final BenchClient client;

	private final Targets targets;

	private final long run;

	private final int clientNumber;

	private final SplittableRandom random;

	private long next;

	Requests(Workload workload, BenchClient client, Targets targets, long run, int clientNumber) {
		this.workload = workload;
		this.client = client;
		this.targets = targets;
		this.run = run;
		this.clientNumber = clientNumber;
		this.random = new SplittableRandom(run * 31 + clientNumber);
		// Clients of the same practitioner start at different people.
		this.next = clientNumber;
	}

	BenchClient.Call next() {
		long n = next++;
		return switch (workload) {
			case VIEW, ASSESSMENT, PLAN -> client.callJson(path(n));
			case SEARCH -> {
				Targets.Person person = person(n);
				yield client.callJson(
						"/api/v1/people?q=" + BenchClient.encode(person.familyName() + " " + person.dateOfBirth()));
			}
			case WORKLIST -> client.call("/worklist/items");
			case CREATE -> client.formCall("/people", registration(madeUp(n), false));
			case MATCH -> client.formCall("/people", registration(person(n), false));
			case FHIR_READ -> client.fhirCall(path(n));
			case FHIR_SEARCH -> {
				Targets.Person person = person(n);
				yield client.fhirCall("/fhir/Patient?family=" + BenchClient.encode(person.familyName()) + "&birthdate="
						+ person.dateOfBirth());
			}
			case FHIR_CREATE -> client.fhirPostCall("/fhir/Patient", patient(madeUp(n)));
			case FHIR_BUNDLE -> client.fhirPostCall("/fhir", bundle(n));
			case IMPORT -> throw new IllegalStateException("The import is not an HTTP workload");
		};
	}

	private String path(long n) {
		return targets.paths().get((int) (n % targets.paths().size()));
	}

	private Targets.Person person(long n) {
		return targets.people().get((int) (n % targets.people().size()));
	}

	/**
	 * A person nobody else is: a family name spelt from the run, the client and the
	 * counter (so unique), a date of birth spread over 80 years, no NHS number.
	 */
	Targets.Person madeUp(long n) {
		String family = capitalised(spelt(run) + spelt(clientNumber * 1_000_000_000L + n));
		String given = GIVEN[random.nextInt(GIVEN.length)];
		LocalDate born = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(80 * 365));
		return new Targets.Person("", given, family, born.toString(), random.nextBoolean() ? "FEMALE" : "MALE", "");
	}

	private Map<String, String> registration(Targets.Person person, boolean confirmedNew) {
		LocalDate born = LocalDate.parse(person.dateOfBirth());
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", client.csrf());
		fields.put("givenName", person.givenName());
		fields.put("familyName", person.familyName());
		fields.put("dobDay", Integer.toString(born.getDayOfMonth()));
		fields.put("dobMonth", Integer.toString(born.getMonthValue()));
		fields.put("dobYear", Integer.toString(born.getYear()));
		fields.put("sex", person.sex().isEmpty() ? "UNKNOWN" : person.sex());
		fields.put("postcode", person.postcode());
		fields.put("confirmedNew", Boolean.toString(confirmedNew));
		return fields;
	}

	private String patient(Targets.Person person) {
		return String.format(Locale.ROOT,
				"{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"official\",\"family\":\"%s\",\"given\":[\"%s\"]}],"
						+ "\"gender\":\"%s\",\"birthDate\":\"%s\"}",
				person.familyName(), person.givenName(), person.sex().toLowerCase(Locale.ROOT), person.dateOfBirth());
	}

	private String bundle(long n) {
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			entries.append(i == 0 ? "" : ",")
				.append("{\"fullUrl\":\"urn:uuid:")
				.append(UUID.randomUUID())
				.append("\",\"resource\":")
				.append(patient(madeUp(n * 20 + i)))
				.append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
		}
		return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
	}

	/** A number spelt in syllables, so made-up names read as names and never repeat. */
	static String spelt(long number) {
		StringBuilder name = new StringBuilder();
		long rest = Math.abs(number);
		do {
			name.append(SYLLABLES[(int) (rest % SYLLABLES.length)]);
			rest /= SYLLABLES.length;
		}
		while (rest > 0);
		return name.toString();
	}

	private static String capitalised(String name) {
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
