package care.seamless.door.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.PlanSignatures;
import care.seamless.careplan.Section;
import care.seamless.consent.AccessPolicy;
import care.seamless.door.IssuedInvitation;
import care.seamless.door.PersonAccounts;
import care.seamless.notification.Notice;
import care.seamless.notification.Notifications;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The person's own words over HTTP: About me, messages with the care team, feedback with
 * "you said, we did", the download of the record, and the care team told of a changed
 * sharing choice; each with bad and hostile input (all problems at once, nothing
 * half-saved) and refusals (another person's record, a carer writing what only the person
 * may, a practitioner outside the care team).
 */
@SeamlessTest
class PersonsOwnWordsTests {

	private static final String PASSWORD = "apple-kettle-window";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PersonAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Notifications notifications;

	@Autowired
	care.seamless.person.People people;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanSignatures signatures;

	@Autowired
	care.seamless.consent.AccessGrants accessGrants;

	record World(Fixtures.Staff lead, Fixtures.Staff member, Fixtures.Staff outsider, Fixtures.Staff manager,
			PersonId person, PersonSignedIn self, PersonSignedIn carer, PersonId other, PersonSignedIn otherSelf) {
	}

	private World world() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff member = fixtures.practitioner(council, Profession.OCCUPATIONAL_THERAPIST);
		Fixtures.Staff outsider = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff manager = fixtures.practitionerIn(council, lead.teamId(), Profession.SOCIAL_WORKER, true,
				Role.PRACTITIONER, Role.TEAM_MANAGER);
		PersonId person = fixtures.person(Fixtures.unique("Words"), lead);
		fixtures.addToCareTeam(person, member);
		PersonId other = fixtures.person(Fixtures.unique("Otherwords"), lead);
		return new World(lead, member, outsider, manager, person, join(lead, person, "SELF"),
				join(lead, person, "CARER"), other, join(lead, other, "SELF"));
	}

	private PersonSignedIn join(Fixtures.Staff lead, PersonId person, String kind) throws Exception {
		return join(lead, person, kind, true);
	}

	private PersonSignedIn join(Fixtures.Staff lead, PersonId person, String kind, boolean speaksFor) throws Exception {
		IssuedInvitation issued = (IssuedInvitation) mvc
			.perform(post("/people/{id}/invitations", person).with(user(staff(lead)))
				.with(csrf())
				.param("kind", kind)
				.param("inviteeName", kind.equals("SELF") ? "Ada Words" : "Bea Carer")
				.param("lpaReference", kind.startsWith("ATTORNEY") ? "7000-1234-5678" : "")
				.param("speaksFor", speaksFor ? "yes" : "")
				.param("categories", "GENERAL"))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("issued");
		String username = Fixtures.unique("words");
		mvc.perform(post("/me/start").with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100." + (10 + ADDRESSES.incrementAndGet() % 200));
			return r;
		})
			.param("code", issued.code())
			.param("username", username)
			.param("password", PASSWORD)
			.param("confirm", PASSWORD));
		return new PersonSignedIn(accounts.forSignIn(username).orElseThrow());
	}

	private UserDetails staff(Fixtures.Staff staff) {
		return users.loadUserByUsername(staff.username());
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Object who, Map<String, String> form)
			throws Exception {
		MockHttpServletRequestBuilder built = request
			.with(user(who instanceof PersonSignedIn p ? p : (UserDetails) who))
			.with(csrf());
		form.forEach((name, value) -> built.param(name, value));
		return mvc.perform(built).andReturn().getResponse();
	}

	private long audited(String action, PersonId person, String outcome) {
		return jdbc.sql("select count(*) from audit.entry where action = :a and person_id = :p and outcome = :o")
			.param("a", action)
			.param("p", person.id())
			.param("o", outcome)
			.query(Long.class)
			.single();
	}

	/**
	 * The person's own view of an objective, read back on their page in their words: an
	 * agreement with words shows them (they were kept but shown only for a disagreement),
	 * and a view staff withdrew reads as not said (it read as a disagreement, with the
	 * withdrawal's reason as the person's words).
	 */
	@Test
	void thePersonsViewOfAnObjectiveIsShownBackInTheirWords() throws Exception {
		World w = world();
		carePlans.start(w.lead().actor(), w.person(), null);
		UUID objective = carePlans.addObjective(w.lead().actor(), w.person(), CarePlanFixtures
			.objective("Get out to the shops again", Section.SOCIAL_CARE, Set.of(w.lead().organisationId())));
		String page = "/me/people/" + w.person();
		assertThat(send(get(page), w.self(), Map.of()).getContentAsString()).contains("You have not said yet.");

		assertThat(send(post(page + "/objectives/" + objective), w.self(),
				Map.of("view", "AGREES", "words", "Zoë wants to walk to the shops with her daughter"))
			.getStatus()).isEqualTo(302);
		assertThat(send(get(page), w.self(), Map.of()).getContentAsString())
			.contains("You agree with this. You said: Zoë wants to walk to the shops with her daughter");

		signatures.recordPersonsView(w.lead().actor(), w.person(), objective, PersonsView.View.WITHDRAWN, null,
				"Recorded against the wrong objective");
		assertThat(send(get(page), w.self(), Map.of()).getContentAsString()).contains("You have not said yet.")
			.doesNotContain("null")
			.doesNotContain("You do not agree");
	}

	@Test
	void aboutMeIsThePersonsToWriteTheCareTeamsToReadAndNeverHalfSaved() throws Exception {
		World w = world();
		String aboutMe = "/me/people/" + w.person() + "/about-me";
		// Every problem at once, and nothing saved.
		MockHttpServletResponse bad = send(post(aboutMe), w.self(), Map.of("addressedAs", "A".repeat(201),
				"whatMatters", "x".repeat(2001), "support", "My dog", "version", "0"));
		assertThat(bad.getStatus()).isEqualTo(200);
		assertThat(bad.getContentAsString()).contains("Use 200 letters or fewer").contains("Use 2000 letters or fewer");
		// A NUL byte is refused at the door of the application with a page that says so.
		MockHttpServletResponse nul = send(post(aboutMe), w.self(), Map.of("addressedAs", "Ada\0", "version", "0"));
		assertThat(nul.getStatus()).isEqualTo(400);
		assertThat(nul.getContentAsString()).contains("could not be read");
		assertThat(jdbc.sql("select count(*) from door.about_me where person_id = :p")
			.param("p", w.person().id())
			.query(Long.class)
			.single()).isZero();

		assertThat(
				send(post(aboutMe), w.self(),
						Map.of("addressedAs", "Ada", "whatMatters", "My garden and my dog, Biscuit", "communication",
								"Large print, please", "version", "0"))
					.getRedirectedUrl())
			.isEqualTo(aboutMe + "?saved");
		assertThat(audited("change-about-me", w.person(), "PERMITTED")).isEqualTo(1);

		// A second tab still holding version 0 does not overwrite the newer words.
		MockHttpServletResponse stale = send(post(aboutMe), w.self(),
				Map.of("addressedAs", "Mrs Words", "version", "0"));
		assertThat(stale.getContentAsString()).contains("Someone saved this page after you opened it");
		assertThat(jdbc.sql("select addressed_as from door.about_me where person_id = :p")
			.param("p", w.person().id())
			.query(String.class)
			.single()).isEqualTo("Ada");

		// The carer reads it, but only the person changes it; nobody reaches another
		// person's.
		MockHttpServletResponse carerReads = send(get(aboutMe), w.carer(), Map.of());
		assertThat(carerReads.getContentAsString()).contains("My garden and my dog, Biscuit")
			.doesNotContain("about-me-form");
		assertThat(send(post(aboutMe), w.carer(), Map.of("addressedAs", "Carer's idea", "version", "1")).getStatus())
			.isEqualTo(403);
		MockHttpServletResponse otherReads = send(get(aboutMe), w.otherSelf(), Map.of());
		assertThat(otherReads.getStatus()).isEqualTo(403);
		// Refused at their own door in plain words, with none of the staff page's offers.
		assertThat(otherReads.getContentAsString()).contains("Your account cannot see this part of the record now")
			.contains("href=\"/me\"")
			.doesNotContain("emergency access")
			.doesNotContain("care-team/join");
		assertThat(send(post(aboutMe), w.otherSelf(), Map.of("addressedAs", "Intruder", "version", "1")).getStatus())
			.isEqualTo(403);
		assertThat(jdbc.sql("select version from door.about_me where person_id = :p")
			.param("p", w.person().id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// The care team sees the person's own words on the record.
		assertThat(
				send(get("/people/{id}/from-the-person", w.person()), staff(w.member()), Map.of()).getContentAsString())
			.contains("Large print, please");
	}

	@Test
	void aMessageReachesTheLeadAReplyReachesTheSenderAndNobodyOutsideTheCareTeamReadsIt() throws Exception {
		World w = world();
		String messages = "/me/people/" + w.person() + "/messages";
		MockHttpServletResponse empty = send(post(messages), w.carer(), Map.of("words", "  "));
		assertThat(empty.getContentAsString()).contains("Type your message.");
		assertThat(send(post(messages), w.carer(), Map.of("words", "x".repeat(4001))).getContentAsString())
			.contains("Use 4000 letters or fewer");
		assertThat(send(post(messages), w.carer(), Map.of("words", "Can the visits be after ten?")).getRedirectedUrl())
			.isEqualTo(messages + "?sent");
		UUID thread = jdbc.sql("select id from door.message_thread where person_id = :p")
			.param("p", w.person().id())
			.query(UUID.class)
			.single();
		await().untilAsserted(() -> assertThat(notifications.inbox(w.lead().actor()))
			.extracting(Notice::kind, Notice::link)
			.contains(
					org.assertj.core.groups.Tuple.tuple("door.message", "/people/" + w.person() + "/from-the-person")));

		// Only the care team reads it on the staff side.
		String staffPage = "/people/" + w.person() + "/from-the-person";
		assertThat(send(get(staffPage), staff(w.member()), Map.of()).getContentAsString())
			.contains("Can the visits be after ten?");
		assertThat(send(get(staffPage), staff(w.outsider()), Map.of()).getStatus()).isEqualTo(403);
		assertThat(send(post(staffPage + "/messages/" + thread), staff(w.outsider()), Map.of("words", "Hello"))
			.getStatus()).isEqualTo(403);
		assertThat(send(post(staffPage + "/messages/" + UUID.randomUUID()), staff(w.member()), Map.of("words", "Hello"))
			.getStatus()).isEqualTo(404);
		assertThat(
				send(post(staffPage + "/messages/" + thread), staff(w.member()), Map.of("words", "Yes, from Monday."))
					.getRedirectedUrl())
			.startsWith(staffPage + "?saved");
		assertThat(audited("reply-to-message", w.person(), "PERMITTED")).isEqualTo(1);

		// The carer who started it and the person are told at their door, nobody else.
		await().untilAsserted(() -> assertThat(send(get("/me"), w.carer(), Map.of()).getContentAsString())
			.contains("Your care team has written back."));
		assertThat(send(get("/me"), w.self(), Map.of()).getContentAsString())
			.contains("Your care team has written back.");
		assertThat(send(get("/me"), w.otherSelf(), Map.of()).getContentAsString())
			.doesNotContain("Your care team has written back.");
		UUID notice = jdbc
			.sql("select id from notification.person_side_notice where account_id = :a and kind = 'door.reply'")
			.param("a", w.carer().accountId().id())
			.query(UUID.class)
			.single();
		// Another account's notice is not found; the carer's opens the conversation.
		assertThat(send(post("/me/notices/" + notice + "/open"), w.self(), Map.of()).getStatus()).isEqualTo(404);
		assertThat(send(post("/me/notices/" + notice + "/open"), w.carer(), Map.of()).getRedirectedUrl())
			.isEqualTo(messages + "#conversation-" + thread);
		assertThat(send(get("/me/notices"), staff(w.member()), Map.of()).getStatus()).isIn(302, 403);
		// The carer who wrote sees the reply; so does the person; another person sees
		// nothing and cannot write into the conversation.
		assertThat(send(get(messages), w.carer(), Map.of()).getContentAsString()).contains("Yes, from Monday.");
		assertThat(send(get(messages), w.self(), Map.of()).getContentAsString()).contains("Yes, from Monday.");
		assertThat(send(get(messages), w.otherSelf(), Map.of()).getStatus()).isEqualTo(403);
		assertThat(send(post("/me/people/" + w.other() + "/messages/" + thread), w.otherSelf(),
				Map.of("words", "Sneaking in"))
			.getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from door.message where words = 'Sneaking in'").query(Long.class).single())
			.isZero();
		// A conversation the person started is not shown to their carer.
		send(post(messages), w.self(), Map.of("words", "Just between me and my team"));
		assertThat(send(get(messages), w.carer(), Map.of()).getContentAsString())
			.doesNotContain("Just between me and my team");
	}

	@Test
	void someoneThePersonHasNotLetSpeakForThemReadsButSendsNothingEvenByPostingDirectly() throws Exception {
		World w = world();
		PersonSignedIn quiet = join(w.lead(), w.person(), "CARER", false);
		PersonSignedIn attorney = join(w.lead(), w.person(), "ATTORNEY_PROPERTY_FINANCE", false);
		for (PersonSignedIn reader : new PersonSignedIn[] { quiet, attorney }) {
			for (String page : new String[] { "messages", "feedback" }) {
				String url = "/me/people/" + w.person() + "/" + page;
				String shown = send(get(url), reader, Map.of()).getContentAsString();
				assertThat(shown).contains("The person has not said that you may speak for them")
					.doesNotContain("id=\"new-message\"")
					.doesNotContain("id=\"feedback-form\"");
			}
			MockHttpServletResponse message = send(post("/me/people/" + w.person() + "/messages"), reader,
					Map.of("words", "Let me in"));
			assertThat(message.getStatus()).isEqualTo(200);
			assertThat(message.getContentAsString()).contains("We did not send this");
			MockHttpServletResponse feedback = send(post("/me/people/" + w.person() + "/feedback"), reader,
					Map.of("listened", "1", "explained", "1", "agreePlan", "1", "easy", "1", "comment", "Quietly"));
			assertThat(feedback.getContentAsString()).contains("nothing was sent or kept");
		}
		// Into the person's own conversation, and with another person's id: refused.
		send(post("/me/people/" + w.person() + "/messages"), w.self(), Map.of("words", "Mine"));
		UUID thread = jdbc.sql("select id from door.message_thread where person_id = :p")
			.param("p", w.person().id())
			.query(UUID.class)
			.single();
		assertThat(send(post("/me/people/" + w.person() + "/messages/" + thread), quiet, Map.of("words", "Let me in"))
			.getContentAsString()).contains("We did not send this");
		assertThat(send(post("/me/people/" + w.other() + "/messages"), quiet, Map.of("words", "Let me in")).getStatus())
			.isIn(403, 404);
		assertThat(send(post("/me/people/" + w.other() + "/feedback"), quiet,
				Map.of("listened", "1", "explained", "1", "agreePlan", "1", "easy", "1"))
			.getStatus()).isIn(403, 404);
		assertThat(jdbc.sql("select count(*) from door.message where words = 'Let me in'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from door.feedback where person_id in (:p, :o)")
			.param("p", w.person().id())
			.param("o", w.other().id())
			.query(Long.class)
			.single()).isZero();
		assertThat(audited("give-feedback", w.person(), "DENIED")).isEqualTo(2);
		// The carer the person allowed still speaks.
		assertThat(send(post("/me/people/" + w.person() + "/messages"), w.carer(), Map.of("words", "Allowed"))
			.getRedirectedUrl()).endsWith("?sent");
	}

	/**
	 * A manager of another team who is in the care team reads what the person sent as a
	 * member (they were refused as if only oversight counted), and is not offered who has
	 * looked at the record, which oversight alone opens.
	 */
	@Test
	void aManagerInTheCareTeamReadsWhatThePersonSentAndIsOfferedOnlyWhatTheyMayOpen() throws Exception {
		World w = world();
		Fixtures.Staff ward = fixtures.practitioner(w.lead().organisationId(), Profession.NURSE, Role.PRACTITIONER,
				Role.TEAM_MANAGER);
		fixtures.addToCareTeam(w.person(), ward);
		assertThat(send(get("/people/" + w.person() + "/from-the-person"), staff(ward), Map.of()).getStatus())
			.isEqualTo(200);
		assertThat(send(get("/people/" + w.person()), staff(ward), Map.of()).getContentAsString())
			.contains("from-the-person-link")
			.doesNotContain("/access-history");
		assertThat(send(get("/people/" + w.person() + "/access-history"), staff(ward), Map.of()).getStatus())
			.isEqualTo(403);
		fixtures.addToCareTeam(w.person(), w.manager());
		assertThat(send(get("/people/" + w.person()), staff(w.manager()), Map.of()).getContentAsString())
			.contains("/people/" + w.person() + "/access-history");
	}

	@Test
	void feedbackIsAnsweredWithWhatWeDidAndSeenByWhoeverGaveIt() throws Exception {
		World w = world();
		String feedback = "/me/people/" + w.person() + "/feedback";
		MockHttpServletResponse bad = send(post(feedback), w.self(),
				Map.of("listened", "9", "explained", "x", "agreePlan", "3", "comment", "y".repeat(2001)));
		assertThat(bad.getContentAsString()).contains("Choose an answer.").contains("Use 2000 letters or fewer");
		assertThat(bad.getContentAsString().split("Choose an answer.", -1)).hasSizeGreaterThan(3);
		assertThat(jdbc.sql("select count(*) from door.feedback where person_id = :p")
			.param("p", w.person().id())
			.query(Long.class)
			.single()).isZero();
		assertThat(send(post(feedback), w.self(), Map.of("listened", "4", "explained", "2", "agreePlan", "3", "easy",
				"3", "comment", "Nobody told me about day centres"))
			.getRedirectedUrl()).isEqualTo(feedback + "?sent");
		UUID id = jdbc.sql("select id from door.feedback where person_id = :p")
			.param("p", w.person().id())
			.query(UUID.class)
			.single();
		String weDid = "/people/" + w.person() + "/from-the-person/feedback/" + id;
		// A practitioner who is not a manager may not answer it; a manager who
		// oversees the care does, once per version.
		assertThat(send(post(weDid), staff(w.member()), Map.of("version", "0", "weDid", "x")).getStatus())
			.isEqualTo(403);
		assertThat(send(post(weDid), staff(w.manager()), Map.of("version", "0", "weDid", " ")).getContentAsString())
			.contains("Say what you did.");
		assertThat(send(post(weDid), staff(w.manager()),
				Map.of("version", "0", "weDid", "We now give everyone a list of day centres"))
			.getRedirectedUrl()).startsWith("/people/" + w.person() + "/from-the-person?saved");
		assertThat(send(post(weDid), staff(w.manager()), Map.of("version", "0", "weDid", "Overwritten"))
			.getContentAsString()).contains("Someone saved this after you opened it");
		assertThat(send(get(feedback), w.self(), Map.of()).getContentAsString())
			.contains("We now give everyone a list of day centres");
		// ... and on their home page, the first page they see.
		assertThat(send(get("/me"), w.self(), Map.of()).getContentAsString())
			.contains("We now give everyone a list of day centres");
		assertThat(send(get("/me"), w.otherSelf(), Map.of()).getContentAsString())
			.doesNotContain("We now give everyone a list of day centres");
		// The carer did not give it, so does not see it; another person is refused.
		assertThat(send(get(feedback), w.carer(), Map.of()).getContentAsString())
			.doesNotContain("Nobody told me about day centres");
		assertThat(send(get(feedback), w.otherSelf(), Map.of()).getStatus()).isEqualTo(403);
	}

	@Test
	void theRecordDownloadsAsPdfAndJsonThroughTheSamePolicyAndIsAudited() throws Exception {
		World w = world();
		send(post("/me/people/" + w.person() + "/about-me"), w.self(),
				Map.of("whatMatters", "Seeing my grandchildren", "version", "0"));
		MockHttpServletResponse json = send(get("/me/people/" + w.person() + "/copy.json"), w.self(), Map.of());
		assertThat(json.getStatus()).isEqualTo(200);
		assertThat(json.getHeader("Content-Disposition")).contains("attachment");
		assertThat(json.getContentAsString()).contains("Seeing my grandchildren").contains("\"whoLooked\"");
		MockHttpServletResponse pdf = send(get("/me/people/" + w.person() + "/copy.pdf"), w.self(), Map.of());
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(audited("print-own-record", w.person(), "PERMITTED")).isEqualTo(2);
		// A carer's copy has no list of who looked; another person gets nothing.
		String carers = send(get("/me/people/" + w.person() + "/copy.json"), w.carer(), Map.of()).getContentAsString();
		assertThat(carers).contains("\"whoLooked\":[]").contains("\"sharingChoices\":[]");
		assertThat(send(get("/me/people/" + w.person() + "/copy.json"), w.otherSelf(), Map.of()).getStatus())
			.isEqualTo(403);
		assertThat(send(get("/me/people/" + w.person() + "/copy.pdf"), w.otherSelf(), Map.of()).getStatus())
			.isEqualTo(403);
	}

	@Test
	void aChangedSharingChoiceTellsTheWholeCareTeam() throws Exception {
		World w = world();
		assertThat(send(post("/me/people/" + w.person() + "/sharing"), w.self(), Map.of("kind", "OBJECTION"))
			.getRedirectedUrl()).isEqualTo("/me/people/" + w.person() + "/sharing?saved");
		for (Fixtures.Staff member : java.util.List.of(w.lead(), w.member())) {
			await().untilAsserted(() -> assertThat(notifications.inbox(member.actor())).extracting(Notice::kind)
				.contains("door.sharing_changed"));
		}
		assertThat(notifications.inbox(w.outsider().actor())).extracting(Notice::kind)
			.doesNotContain("door.sharing_changed");
		// A carer may not change the person's choices, and nobody is told of a refusal.
		assertThat(
				send(post("/me/people/" + w.person() + "/sharing"), w.carer(), Map.of("kind", "CONSENT")).getStatus())
			.isEqualTo(403);
	}

	@Test
	void thePersonChoosesWhatTheirCarerSeesAndNobodyElseCan() throws Exception {
		World w = world();
		care.seamless.shared.Actor carer = w.carer().actor();
		assertThat(accessPolicy.decide(carer, w.person(), DataCategory.MENTAL_HEALTH, null).permitted()).isFalse();
		String page = send(get("/me/people/" + w.person() + "/sharing"), w.self(), Map.of()).getContentAsString();
		java.util.regex.Matcher form = java.util.regex.Pattern
			.compile(
					"/me/people/" + w.person() + "/carers/([0-9a-f-]{36})\"[\\s\\S]*?name=\"version\" value=\"(\\d+)\"")
			.matcher(page);
		assertThat(form.find()).as(page).isTrue();
		String path = "/me/people/" + w.person() + "/carers/" + form.group(1);
		String version = form.group(2);

		// A tampered choice or version changes nothing and says so on the page.
		for (Map<String, String> bad : List.of(Map.of("version", version, "category", "NOPE"),
				Map.of("version", version, "category", "THIRD_PARTY"), Map.of("version", "x", "category", "HIV"))) {
			MockHttpServletResponse refused = send(post(path), w.self(), bad);
			assertThat(refused.getStatus()).isEqualTo(200);
			assertThat(refused.getContentAsString()).contains("We could not read your choice");
		}
		// Only the person chooses: not the carer, not another person with the id.
		assertThat(send(post(path), w.carer(), Map.of("version", version, "category", "MENTAL_HEALTH")).getStatus())
			.isEqualTo(403);
		assertThat(send(post("/me/people/" + w.other() + "/carers/" + form.group(1)), w.otherSelf(),
				Map.of("version", version, "category", "MENTAL_HEALTH"))
			.getContentAsString()).contains("This person is not one of your carers");
		assertThat(accessPolicy.decide(carer, w.person(), DataCategory.MENTAL_HEALTH, null).permitted()).isFalse();

		assertThat(
				send(post(path), w.self(), Map.of("version", version, "category", "MENTAL_HEALTH")).getRedirectedUrl())
			.isEqualTo("/me/people/" + w.person() + "/sharing?carerSaved#carers");
		assertThat(accessPolicy.decide(carer, w.person(), DataCategory.MENTAL_HEALTH, null).permitted()).isTrue();
		assertThat(accessPolicy.decide(carer, w.person(), DataCategory.FINANCES, null).permitted()).isFalse();
	}

	@Test
	void theCareTeamMarksAnEntryNotShownFromTheRecordPage() throws Exception {
		World w = world();
		UUID entry = people.addEntry(w.lead().actor(), w.person(), care.seamless.shared.DataCategory.GENERAL, "Visit",
				"Talked about the garden");
		people.addEntry(w.lead().actor(), w.person(), care.seamless.shared.DataCategory.GENERAL, "Shopping",
				"Went to the market");
		assertThat(send(get("/me/people/" + w.person() + "/copy.json"), w.self(), Map.of()).getContentAsString())
			.contains("Talked about the garden", "Went to the market");
		String record = send(get("/people/{id}", w.person()), staff(w.lead()), Map.of()).getContentAsString();
		assertThat(record).contains("Do not show this to the person")
			.contains("/people/" + w.person() + "/entries/" + entry + "/not-shown");
		assertThat(send(get("/people/{id}/entries", w.person()), staff(w.lead()), Map.of()).getContentAsString())
			.contains("/people/" + w.person() + "/entries/" + entry + "/not-shown");
		// A team given part of the record (as a referral gives it) reads the entries but
		// is not in the care team, so is not offered a change the care team makes.
		accessGrants.grant(fixtures.admin, w.person(), w.outsider().teamId(),
				Set.of(care.seamless.shared.DataCategory.GENERAL), java.time.Instant.now().plusSeconds(3600),
				"referral");
		MockHttpServletResponse overseer = send(get("/people/{id}/entries", w.person()), staff(w.outsider()), Map.of());
		assertThat(overseer.getStatus()).isEqualTo(200);
		assertThat(overseer.getContentAsString()).contains("Talked about the garden").doesNotContain("/not-shown");
		assertThat(
				send(post("/people/{p}/entries/{e}/not-shown", w.person(), entry), staff(w.lead()),
						Map.of("category", "GENERAL", "source", w.lead().organisationId().toString(), "reason",
								"ABOUT_SOMEONE_ELSE"))
					.getRedirectedUrl())
			.isEqualTo("/people/" + w.person() + "?saved");
		assertThat(jdbc.sql("select reason from consent.not_shown where item_id = :e and ended_at is null")
			.param("e", entry)
			.query(String.class)
			.single()).isEqualTo("ABOUT_SOMEONE_ELSE");
		// The person's own copy of their record leaves it out, and says nothing of it.
		String copy = send(get("/me/people/" + w.person() + "/copy.json"), w.self(), Map.of()).getContentAsString();
		assertThat(copy).contains("Went to the market").doesNotContain("Talked about the garden");
		assertThat(people.entries(w.lead().actor(), w.person(), 1).entries()).extracting(e -> e.title())
			.as("the care team still reads it")
			.contains("Visit", "Shopping");
	}

}
