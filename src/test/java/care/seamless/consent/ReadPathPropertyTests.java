package care.seamless.consent;

import care.seamless.document.Pdfs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.seamless.SeamlessTest;
import care.seamless.consent.ReadPathWorld.BuiltPerson;
import care.seamless.consent.ReadPathWorld.Item;
import care.seamless.consent.ReadPathWorld.Kind;
import care.seamless.consent.ReadPathWorld.Plan;
import care.seamless.consent.ReadPathWorld.Reader;
import care.seamless.consent.ReadPathWorld.World;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.person.Caseload;
import care.seamless.person.SearchResults;
import care.seamless.shared.PersonId;
import com.jayway.jsonpath.JsonPath;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Property, one per read path: whatever the partnership (organisations, active and draft
 * agreements, categories), the person's choices (consent, dissent, objection, scoped to
 * an organisation or a category), grants, overrides, linked records and readers, <b>no
 * read path returns an item that {@link AccessPolicy#decide} withholds from the reader,
 * and no total or count betrays one</b>.
 * <p>
 * {@link AccessPolicy#decide} is the oracle: each item is recorded with the category and
 * the organisation the policy decides on, and carries a unique token in its text
 * ({@link ReadPathWorld}), so a property only has to look for withheld tokens in what a
 * route returns (JSON, HTML, PDF text), through MockMvc as a signed-in practitioner. How
 * jqwik gets the Spring context and why tries are plain data: see
 * {@link AccessPropertyTests}.
 * <p>
 * Where the rule for a path is a choice, the choice is the laxest reading of issue 10, so
 * a failure is a leak and not a disagreement about taste: a capacity assessment and a
 * best-interests decision are general information held by the assessor's organisation; a
 * search by name alone lists only records the reader may open.
 */
class ReadPathPropertyTests {

	static final int TRIES = 6;

	@SeamlessTest
	static class SpringContext {

	}

	static ApplicationContext context;

	@BeforeContainer
	static void springContext() {
		context = new TestContextManager(SpringContext.class).getTestContext().getApplicationContext();
	}

	/**
	 * Every property draws the same plans from the same seed, and reading changes nothing
	 * the policy decides on, so each plan is built once and shared by the properties.
	 */
	static final Map<Plan, World> WORLDS = new java.util.concurrent.ConcurrentHashMap<>();

	static World world(Plan plan) {
		return WORLDS.computeIfAbsent(plan, p -> ReadPathWorld.build(context, p));
	}

	@Provide
	Arbitrary<Plan> partnerships() {
		return ReadPathWorld.plans();
	}

	/** The record page, {@code GET /api/v1/people/{id}} and every page of its entries. */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void theRecordAndItsEntriesShowNothingWithheld(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			for (BuiltPerson person : world.people()) {
				boolean open = oracle.opens(reader, person.id());
				String where = reader + " reading " + person.familyName();
				oracle.shows(reader, read(reader, open, "/people/{id}", person.id()), "record page " + where);
				oracle.shows(reader, read(reader, open, "/api/v1/people/{id}", person.id()), "record API " + where);
				Response first = read(reader, open, "/api/v1/people/{id}/entries", person.id());
				oracle.shows(reader, first, "entries page 1 " + where);
				if (!open) {
					continue;
				}
				// A linked record lists the entries of every record in its group.
				long permitted = world.people()
					.stream()
					.filter(other -> other.equals(person) || world.linked()
						.stream()
						.anyMatch(group -> group.contains(person.id()) && group.contains(other.id())))
					.mapToLong(other -> oracle.permitted(reader, other, Kind.ENTRY))
					.sum();
				long total = ((Number) JsonPath.read(first.text(), "$.total")).longValue();
				int pages = (int) Math.ceil(Math.max(total, permitted) / (double) People.ENTRY_PAGE_SIZE);
				for (int page = 2; page <= pages; page++) {
					oracle.shows(reader, read(reader, true, "/api/v1/people/{id}/entries?page=" + page, person.id()),
							"entries page " + page + " " + where);
				}
				assertThat(total).as("entries total for " + where).isEqualTo(permitted);
				Statistics.label("entries withheld in an open record")
					.collect(permitted < person.items().stream().filter(i -> i.kind() == Kind.ENTRY).count());
			}
		}
	}

	/**
	 * The assessment list (with its counts of answers), the findings API, the episode
	 * page and the summary page: answers of a section recorded by another organisation in
	 * a category the reader may not see are neither shown nor counted.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void assessmentsShowAndCountNoWithheldAnswer(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			for (BuiltPerson person : world.people()) {
				if (person.episode() == null) {
					continue;
				}
				boolean open = oracle.opens(reader, person.id());
				String where = reader + " reading " + person.familyName();
				Response list = read(reader, open, "/api/v1/people/{id}/assessments", person.id());
				String episode = "/people/{id}/assessments/" + person.episode();
				Response findings = read(reader, open, "/api/v1" + episode + "/findings", person.id());
				oracle.shows(reader, read(reader, open, episode, person.id()), "episode page " + where);
				oracle.shows(reader, read(reader, open, episode + "/summary", person.id()), "summary page " + where);
				oracle.shows(reader, findings, "findings API " + where);
				if (!open) {
					continue;
				}
				Set<String> expected = new HashSet<>();
				int answers = 0;
				for (Item i : person.items()) {
					if (i.kind() == Kind.ANSWER && oracle.permits(reader, i)) {
						expected.add(i.section());
						answers += ReadPathWorld.answersIn(i.category());
					}
				}
				List<String> sections = JsonPath.read(findings.text(), "$.findings[*].section");
				assertThat(new HashSet<>(sections)).as("sections with findings for " + where).isEqualTo(expected);
				int reused = JsonPath.read(list.text(), "$[0].reusedAnswers");
				int asked = JsonPath.read(list.text(), "$[0].newlyAsked");
				assertThat(reused + asked).as("answers counted in the assessment list for " + where).isEqualTo(answers);
				Statistics.label("answers withheld in an open record")
					.collect(expected.size() < person.items().stream().filter(i -> i.kind() == Kind.ANSWER).count());
			}
		}
	}

	/**
	 * The eligibility API and pages, each determination, its letter page and the letter
	 * PDF's text.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void eligibilityShowsNoWithheldDetermination(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			for (BuiltPerson person : world.people()) {
				boolean open = oracle.opens(reader, person.id());
				String where = reader + " reading " + person.familyName();
				oracle.shows(reader, read(reader, open, "/api/v1/people/{id}/eligibility", person.id()),
						"eligibility API " + where);
				oracle.shows(reader, read(reader, open, "/people/{id}/eligibility", person.id()),
						"eligibility page " + where);
				for (Item d : person.items()) {
					if (d.kind() != Kind.DETERMINATION) {
						continue;
					}
					boolean visible = oracle.permits(reader, d);
					String base = "/people/{id}/eligibility/" + d.id();
					for (String path : oracle.pdfReader(person) == reader
							? List.of(base, base + "/letter", base + "/letter.pdf") : List.of(base, base + "/letter")) {
						oracle.shows(reader, read(reader, visible, path, person.id()), path + " " + where);
					}
				}
			}
		}
	}

	/**
	 * The care plan API, the plan page, and the person's copy as a page and as a PDF:
	 * objectives and actions the reader may not see are withheld.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void theCarePlanShowsNoWithheldObjectiveOrAction(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			for (BuiltPerson person : world.people()) {
				if (person.items().stream().noneMatch(i -> i.kind() == Kind.OBJECTIVE)) {
					continue;
				}
				boolean open = oracle.opens(reader, person.id());
				String where = reader + " reading " + person.familyName();
				List<String> paths = new ArrayList<>(List.of("/api/v1/people/{id}/care-plan", "/people/{id}/care-plan",
						"/people/{id}/care-plan/persons-copy"));
				if (oracle.pdfReader(person) == reader) {
					paths.add("/people/{id}/care-plan/persons-copy.pdf");
				}
				for (String path : paths) {
					oracle.shows(reader, read(reader, open, path, person.id()), path + " " + where);
				}
			}
		}
	}

	/**
	 * The action queues (page and API), including what managers see escalated: a withheld
	 * action shows neither what it is nor whom it is for.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void theActionQueuesShowNoWithheldAction(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			oracle.shows(reader, read(reader, true, "/care-plans/queue"), "queue page of " + reader);
			oracle.shows(reader, read(reader, true, "/api/v1/care-plans/queue"), "queue API of " + reader);
		}
	}

	/**
	 * The notification inbox: notices name no withheld item and point only at records the
	 * reader may open.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void noticesShowNoWithheldItem(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		awaitNotices();
		Pattern link = Pattern.compile("/people/([0-9a-f-]{36})");
		for (Reader reader : world.readers()) {
			Response inbox = read(reader, true, "/notifications");
			oracle.shows(reader, inbox, "inbox of " + reader);
			Matcher m = link.matcher(inbox.text());
			while (m.find()) {
				PersonId person = new PersonId(java.util.UUID.fromString(m.group(1)));
				assertThat(oracle.opens(reader, person)).as("inbox of " + reader + " links to " + person).isTrue();
			}
		}
	}

	/**
	 * Search by name (API and page) and the caseload: a search by name alone lists, and
	 * counts, only records the reader may open (issue 10: people outside the reader's
	 * care teams are found only by identifying criteria).
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void searchAndCaseloadListAndCountOnlyOpenRecords(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (Reader reader : world.readers()) {
			Set<PersonId> openable = new HashSet<>();
			world.people().stream().map(BuiltPerson::id).filter(p -> oracle.opens(reader, p)).forEach(openable::add);
			Response api = read(reader, true, "/api/v1/people?q=" + world.surname());
			List<String> ids = JsonPath.read(api.text(), "$.people[*].id");
			assertThat(ids.stream().map(id -> new PersonId(java.util.UUID.fromString(id))).toList())
				.as("people found by name by " + reader)
				.containsExactlyInAnyOrderElementsOf(openable);
			assertThat((Boolean) JsonPath.read(api.text(), "$.more")).as("search 'more' flag for " + reader).isFalse();
			oracle.shows(reader, api, "search API of " + reader);
			oracle.shows(reader, read(reader, true, "/people?q=" + world.surname()), "search page of " + reader);
			oracle.shows(reader, read(reader, true, "/"), "caseload page of " + reader);
			// The caseload lists a linked person once: the survivor when it may be
			// opened.
			Set<PersonId> listed = new HashSet<>(openable);
			world.linked()
				.stream()
				.filter(group -> openable.contains(group.get(0)))
				.forEach(group -> group.subList(1, group.size()).forEach(listed::remove));
			Caseload caseload = context.getBean(People.class).caseload(reader.actor(), 1);
			assertThat(caseload.people()).extracting(PersonSummary::id)
				.filteredOn(world.people().stream().map(BuiltPerson::id).toList()::contains)
				.containsExactlyInAnyOrderElementsOf(listed);
			Statistics.label("records found by name").collect(openable.size());
		}
	}

	/**
	 * The sharing page: capacity assessments and best-interests decisions recorded by an
	 * organisation the reader may not see information from are neither listed nor
	 * counted.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void theSharingPageShowsNoWithheldCapacityOrBestInterests(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		Pattern table = Pattern.compile("id=\"assessments\".*?<tbody[^>]*>(.*?)</tbody>", Pattern.DOTALL);
		for (Reader reader : world.readers()) {
			for (BuiltPerson person : world.people()) {
				boolean open = oracle.opens(reader, person.id());
				String where = reader + " reading " + person.familyName();
				Response page = read(reader, open, "/people/{id}/sharing", person.id());
				oracle.shows(reader, page, "sharing page " + where);
				if (!open) {
					continue;
				}
				Matcher rows = table.matcher(page.text());
				int shown = rows.find() ? rows.group(1).split("<tr").length - 1 : 0;
				assertThat(shown).as("capacity assessments listed on the sharing page " + where)
					.isEqualTo(oracle.permitted(reader, person, Kind.CAPACITY));
			}
		}
	}

	/**
	 * Linked records: what one record of a linked pair shows is never held back on the
	 * other by an objection, and the entries of both stay within the oracle.
	 */
	@Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.OFF)
	void linkedRecordsDoNotWidenAccessPastAnObjection(@ForAll("partnerships") Plan plan) throws Exception {
		World world = world(plan);
		Oracle oracle = new Oracle(world);
		for (List<PersonId> group : world.linked()) {
			for (Reader reader : world.readers()) {
				for (BuiltPerson person : world.people()) {
					if (!group.contains(person.id())) {
						continue;
					}
					boolean open = oracle.opens(reader, person.id());
					String where = reader + " reading linked " + person.familyName();
					StringBuilder all = new StringBuilder();
					all.append(read(reader, open, "/people/{id}", person.id()).text());
					for (int page = 1; page <= 3 && open; page++) {
						all.append(read(reader, true, "/api/v1/people/{id}/entries?page=" + page, person.id()).text());
					}
					Response shown = new Response(200, all.toString());
					oracle.shows(reader, shown, "linked record " + where);
					for (Item item : person.items()) {
						// An override is for one record: it says nothing of the other.
						if (!shown.text().contains(item.token())
								|| policy().decide(reader.actor(), item.person(), item.category(), item.source())
									.override()) {
							continue;
						}
						for (PersonId other : group) {
							AccessDecision there = policy().decide(reader.actor(), other, item.category(),
									item.source());
							assertThat(there.withheld())
								.as("item " + item + " shown to " + where + " though the linked record " + other
										+ " says " + there.reason())
								.isNotIn(WithheldReason.OBJECTION, WithheldReason.NO_AGREEMENT);
						}
					}
				}
			}
			Statistics.label("linked pairs").collect(true);
		}
	}

	// ---- the oracle and the HTTP plumbing ----

	record Response(int status, String text) {
	}

	/** Caches decisions: the policy is asked once per reader and item. */
	static final class Oracle {

		private final World world;

		private final Map<String, Boolean> decisions = new HashMap<>();

		Oracle(World world) {
			this.world = world;
		}

		boolean opens(Reader reader, PersonId person) {
			return decisions.computeIfAbsent(reader + "|" + person,
					k -> policy().decideRecord(reader.actor(), person).permitted());
		}

		boolean permits(Reader reader, Item item) {
			return decisions.computeIfAbsent(reader + "|" + item.token() + "|" + item.person(),
					k -> policy().decide(reader.actor(), item.person(), item.category(), item.source()).permitted());
		}

		/**
		 * The one reader whose PDFs are read for this person: rendering a PDF for every
		 * reader would spend the time budget, and the PDF is drawn from the same view as
		 * the page, which is read for everyone. The reader chosen may open the record and
		 * has the most items withheld from them, so the PDF is tested where it matters.
		 */
		Reader pdfReader(BuiltPerson person) {
			return world.readers()
				.stream()
				.filter(r -> opens(r, person.id()))
				.max(java.util.Comparator
					.comparingLong(r -> person.items().stream().filter(i -> !permits(r, i)).count()))
				.orElse(world.readers().get(0));
		}

		long permitted(Reader reader, BuiltPerson person, Kind kind) {
			return person.items().stream().filter(i -> i.kind() == kind && permits(reader, i)).count();
		}

		/**
		 * Fails when the response holds the token of any item the reader may not see, or
		 * the name of a person whose record the reader may not open.
		 */
		void shows(Reader reader, Response response, String where) {
			List<String> leaked = new ArrayList<>();
			for (BuiltPerson person : world.people()) {
				if (!opens(reader, person.id()) && response.text().contains(person.familyName())) {
					leaked.add("the name of " + person.familyName() + " (record closed)");
				}
				for (Item item : person.items()) {
					if (item.kind() == Kind.ANSWER && !item.token().startsWith("Qz")) {
						continue;
					}
					if (response.text().contains(item.token()) && !permits(reader, item)) {
						AccessDecision d = policy().decide(reader.actor(), item.person(), item.category(),
								item.source());
						leaked.add(item.kind() + " " + item.token() + " " + item.category() + " from " + item.source()
								+ " (" + d.withheld() + ")");
					}
				}
			}
			assertThat(leaked).as(where + " shows withheld items").isEmpty();
		}

	}

	/**
	 * GETs a path as the reader. {@code allowed} says whether the policy lets the reader
	 * open it: if not, the answer must be a refusal (403), never the page.
	 */
	static Response read(Reader reader, boolean allowed, String path, Object... vars) throws Exception {
		MockHttpServletResponse response = context.getBean(MockMvc.class)
			.perform(get(path, vars).with(user(signedIn(reader.staff().username())))
				.param("purpose", reader.actor().purpose().name()))
			.andReturn()
			.getResponse();
		int status = response.getStatus();
		String text = "application/pdf".equals(response.getContentType()) ? pdfText(response.getContentAsByteArray())
				: response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(status).as("status of " + path + " for " + reader).isIn(200, 403, 404);
		if (!allowed) {
			assertThat(status).as(path + " for " + reader + " who may not see it").isNotEqualTo(200);
		}
		else if (status != 404) {
			assertThat(status).as(path + " for " + reader + " who may see it").isEqualTo(200);
		}
		return new Response(status, text);
	}

	private static final Map<String, UserDetails> SIGNED_IN = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The reader's signed-in principal, loaded once: signing in with a password on every
	 * request would spend the time budget on hashing.
	 */
	private static UserDetails signedIn(String username) {
		return SIGNED_IN.computeIfAbsent(username,
				u -> context.getBean(UserDetailsService.class).loadUserByUsername(u));
	}

	private static String pdfText(byte[] pdf) throws Exception {
		return Pdfs.text(pdf);
	}

	/** Notices are sent after commit; waits for the event publications to complete. */
	private static void awaitNotices() throws InterruptedException {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single() > 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(50);
		}
	}

	private static AccessPolicy policy() {
		return context.getBean(AccessPolicy.class);
	}

}
