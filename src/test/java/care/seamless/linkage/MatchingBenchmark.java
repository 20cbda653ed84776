package care.seamless.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import care.seamless.SeamlessApplication;
import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.Actor;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online matching of one record against a million people, run by hand (not part of the
 * test suite; see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *     care.seamless.linkage.MatchingBenchmark /tmp/seamless-match-bench 1000000 2000
 * </pre>
 *
 * It starts the application (without the web server) on a throwaway embedded PostgreSQL,
 * generates the people in SQL, and times {@link Matching#check} end to end (candidate
 * query, scoring, audit entry): half the queries are existing people with a typo or a
 * transposed date, half are new people.
 */
public final class MatchingBenchmark {

	private static final String[] GIVEN = { "oliver", "george", "harry", "jack", "jacob", "noah", "charlie", "muhammad",
			"thomas", "oscar", "william", "james", "leo", "alfie", "henry", "olivia", "amelia", "isla", "ava", "emily",
			"sophia", "grace", "mia", "poppy", "ella", "lily", "evie", "isabella", "sophie", "ivy", "freya", "harper",
			"margaret", "john", "david", "peter", "susan", "mary", "elizabeth", "robert" };

	private static final String[] SYLLABLES = { "ash", "ber", "ton", "well", "smith", "son", "ham", "ley", "wood",
			"field", "brook", "ford", "hall", "mar", "kin", "dal", "ing", "win", "ter", "man", "cot", "den", "ell",
			"by" };

	private static final String[] STREETS = { "High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
			"Victoria Road", "Green Lane", "Manor Way", "The Crescent", "Kings Road", "Queens Drive", "School Lane" };

	private static final String GENERATE = """
			insert into person.person (id, nhs_number, given_name, family_name, date_of_birth, sex, address_line_1, town,
			  postcode, source_organisation_id)
			select gen_random_uuid(),
			  case when random() < 0.7 then (4000000000 + :offset + i)::text end,
			  (:given)[1 + floor(power(random(), 2) * array_length(:given, 1))::int],
			  initcap((:syllables)[1 + floor(power(random(), 1.5) * 24)::int] || (:syllables)[1 + floor(random() * 24)::int]
			    || case when random() < 0.5 then (:syllables)[1 + floor(random() * 24)::int] else '' end),
			  date '1925-01-01' + floor(random() * 32000)::int,
			  case when random() < 0.5 then 'FEMALE' else 'MALE' end,
			  (1 + floor(random() * 200)::int) || ' ' || (:streets)[1 + floor(random() * 12)::int],
			  'Riverside',
			  'RV' || (1 + floor(random() * 99)::int) || ' ' || floor(random() * 10)::int
			    || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int),
			  null
			from generate_series(1, :count) i
			""";

	private MatchingBenchmark() {
	}

	public static void main(String[] args) {
		String dataDir = args[0];
		int population = Integer.parseInt(args[1]);
		int queries = Integer.parseInt(args[2]);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SeamlessApplication.class)
			.web(WebApplicationType.NONE)
			.properties(
					Map.of("seamless.data-dir", dataDir, "seamless.demo", "false", "spring.main.banner-mode", "off"))
			.run()) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Matching matching = context.getBean(Matching.class);
			long existing = jdbc.sql("select count(*) from person.person").query(Long.class).single();
			long started = System.nanoTime();
			for (long done = existing; done < population; done += 100_000) {
				jdbc.sql(GENERATE)
					.param("offset", done)
					.param("count", Math.min(100_000, population - done))
					.param("given", GIVEN)
					.param("syllables", SYLLABLES)
					.param("streets", STREETS)
					.update();
			}
			jdbc.sql("analyze person.person").update();
			System.out.printf(Locale.ROOT, "people=%d generate-seconds=%.1f%n",
					jdbc.sql("select count(*) from person.person").query(Long.class).single(),
					(System.nanoTime() - started) / 1e9);
			List<PersonDetails> incoming = queries(jdbc, queries);
			Actor actor = Actor.system("match-benchmark");
			for (int i = 0; i < Math.min(300, incoming.size()); i++) {
				matching.check(actor, incoming.get(i));
			}
			long[] nanos = new long[incoming.size()];
			long found = 0;
			for (int i = 0; i < incoming.size(); i++) {
				long t = System.nanoTime();
				found += matching.check(actor, incoming.get(i)).size();
				nanos[i] = System.nanoTime() - t;
			}
			Arrays.sort(nanos);
			System.out.printf(Locale.ROOT,
					"queries=%d possible-matches=%d p50-ms=%.2f p95-ms=%.2f p99-ms=%.2f max-ms=%.2f%n", nanos.length,
					found, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
		}
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	// Half are existing people with one error, half people not yet registered.
	private static List<PersonDetails> queries(JdbcClient jdbc, int count) {
		SplittableRandom random = new SplittableRandom(7);
		List<PersonDetails> out = new ArrayList<>(count);
		jdbc.sql("""
				select given_name, family_name, date_of_birth, sex, address_line_1, postcode from person.person
				tablesample system (1) limit :n""").param("n", count / 2).query((rs, n) -> {
			String family = rs.getString("family_name");
			LocalDate dob = rs.getObject("date_of_birth", LocalDate.class);
			if (random.nextBoolean()) {
				int at = 1 + random.nextInt(family.length() - 2);
				family = family.substring(0, at) + family.charAt(at + 1) + family.charAt(at) + family.substring(at + 2);
			}
			else if (dob.getDayOfMonth() <= 12) {
				dob = LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue());
			}
			return details(rs.getString("given_name"), family, dob, rs.getString("address_line_1"),
					rs.getString("postcode"));
		}).list().forEach(out::add);
		while (out.size() < count) {
			out.add(details(cap(GIVEN[random.nextInt(GIVEN.length)]),
					cap(SYLLABLES[random.nextInt(24)] + SYLLABLES[random.nextInt(24)] + SYLLABLES[random.nextInt(24)]),
					LocalDate.of(1925, 1, 1).plusDays(random.nextInt(32000)),
					(1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)],
					"RV" + (1 + random.nextInt(99)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
							+ (char) ('A' + random.nextInt(26))));
		}
		return out;
	}

	private static PersonDetails details(String given, String family, LocalDate dob, String address, String postcode) {
		return new PersonDetails(null, null, given, family, null, null, dob, Sex.FEMALE, null, address, null,
				"Riverside", postcode, null, null, null, false, null);
	}

	private static String cap(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
