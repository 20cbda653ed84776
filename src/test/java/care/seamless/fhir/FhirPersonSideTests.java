package care.seamless.fhir;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.door.IssuedInvitation;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's own door account at {@code /fhir} over real HTTP with Basic
 * ({@code person/} and the door name): it reads its own Patient and who saw the record
 * (AuditEvent), and nothing else; a carer reads what the door lets them (the Patient's
 * core details) but not who looked; anything outside is 403 with an OperationOutcome and
 * audited.
 */
@SeamlessTest
class FhirPersonSideTests {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Fixtures.Staff lead;

	PersonId person;

	PersonId other;

	String self;

	String carer;

	@BeforeEach
	void world() throws Exception {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		person = fixtures.person(Fixtures.unique("Doorfhir"), lead);
		other = fixtures.person(Fixtures.unique("Otherdoor"), lead);
		self = join(person, "SELF");
		carer = join(person, "CARER");
		join(other, "SELF");
	}

	@Test
	void thePersonReadsTheirOwnPatientAndWhoSawIt() {
		FhirClient me = door(self);
		FhirClient.Reply patient = me.get("/Patient/" + person.id());
		assertThat(patient.status()).as(patient.body()).isEqualTo(200);
		assertThat(patient.as(Patient.class).getIdElement().getIdPart()).isEqualTo(person.id().toString());
		assertThat(new FhirClient(port, lead.username()).get("/Patient/" + person.id()).status()).isEqualTo(200);

		FhirClient.Reply history = me.get("/AuditEvent?patient=Patient/" + person.id());
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		List<AuditEvent> events = history.as(Bundle.class)
			.getEntry()
			.stream()
			.map(e -> (AuditEvent) e.getResource())
			.toList();
		// Both FHIR reads are in the audit chain and readable: the staff member's by
		// name, the person's own as theirs.
		assertThat(events).anySatisfy(e -> {
			assertThat(e.getSubtypeFirstRep().getCode()).isEqualTo("read-fhir");
			assertThat(e.getAgentFirstRep().getWho().getDisplay()).isEqualTo(lead.username());
		});
		assertThat(events).anySatisfy(e -> {
			assertThat(e.getSubtypeFirstRep().getCode()).isEqualTo("read-fhir");
			assertThat(e.getAgentFirstRep().getWho().getDisplay()).isEqualTo(self);
		});
		// The carer's door sign-ins and looks are there without the carer's name.
		assertThat(events).noneSatisfy(e -> assertThat(e.getAgentFirstRep().getWho().getDisplay()).isEqualTo(carer));
	}

	@Test
	void anythingElseIsRefusedWithAnOperationOutcomeAndAudited() {
		FhirClient me = door(self);
		long refusedBefore = refusals(self);
		for (String path : List.of("/Patient/" + other.id(), "/AuditEvent?patient=" + other.id(),
				"/AuditEvent?patient=" + java.util.UUID.randomUUID(), "/Patient?family=Doorfhir",
				"/CarePlan?patient=" + person.id(), "/Flag?patient=" + person.id(), "/Subscription",
				"/Patient/" + person.id() + "/$everything", "/Patient/" + person.id() + "/_history/1", "/Organization",
				"/AuditEvent", "/$export")) {
			FhirClient.Reply reply = me.get(path);
			assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(403);
			assertThat(reply.code()).as(path).isEqualTo("access-denied");
		}
		// What the CapabilityStatement does not claim (a Group read or search) is not
		// supported for anyone, with the stable code.
		for (FhirClient client : List.of(me, new FhirClient(port, lead.username()))) {
			for (String path : List.of("/Group/" + lead.teamId().id(), "/Group?name=x")) {
				FhirClient.Reply reply = client.get(path);
				assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(405);
				assertThat(reply.code()).isEqualTo("not-supported");
				assertThat(reply.body()).doesNotContain(lead.teamId().id().toString());
			}
		}
		FhirClient.Reply create = me.post("/Patient", "{\"resourceType\":\"Patient\"}");
		assertThat(create.status()).as(create.body()).isEqualTo(403);
		assertThat(refusals(self)).isGreaterThanOrEqualTo(refusedBefore + 13);

		// Hostile ids: refused or not found, never a 500 or a stack trace.
		for (String path : List.of("/Patient/x%00y", "/Patient/" + "9".repeat(500), "/AuditEvent?patient=..%2F..%2Fx",
				"/AuditEvent?patient=Patient/%00", "/AuditEvent?patient=" + person.id() + "&patient=" + other.id())) {
			FhirClient.Reply reply = me.get(path);
			assertThat(reply.status()).as(path + " " + reply.body()).isBetween(400, 404);
			// A NUL in the path is refused by the servlet container itself, before FHIR.
			assertThat(reply.body()).as(path).doesNotContain("care.seamless").doesNotContain("Exception");
		}
	}

	@Test
	void aCarerReadsWhatTheDoorLetsThemButNotWhoLooked() {
		FhirClient theirs = door(carer);
		assertThat(theirs.get("/Patient/" + person.id()).status()).isEqualTo(200);
		FhirClient.Reply history = theirs.get("/AuditEvent?patient=" + person.id());
		assertThat(history.status()).as(history.body()).isEqualTo(403);
		assertThat(theirs.get("/Patient/" + other.id()).status()).isEqualTo(403);
	}

	@Test
	void anUnknownNameIsNotSignedInAndAnAccountAtTheOtherDoorIsToldWhereItSignsIn() {
		assertThat(new FhirClient(port, "person/" + Fixtures.unique("nobody")).get("/Patient/" + person.id()).code())
			.isEqualTo("unauthenticated");
		// A right password at the wrong door: refused, and not as a wrong password.
		FhirClient.Reply staff = new FhirClient(port, "person/" + lead.username()).get("/Patient/" + person.id());
		assertThat(staff.status()).as(staff.body()).isEqualTo(403);
		assertThat(staff.code()).isEqualTo("access-denied");
		assertThat(staff.body()).contains("This is a staff account").contains("without person/");
		// Without the prefix a door name is not a staff account.
		FhirClient.Reply door = new FhirClient(port, self).get("/Patient/" + person.id());
		assertThat(door.status()).as(door.body()).isEqualTo(403);
		assertThat(door.body()).contains("may not use the FHIR interface for staff").contains("with person/ in front");
	}

	/**
	 * Session 22's walk: a carer's app sending the carer's right password to the staff
	 * interfaces was counted as failing, so after 30 calls every practitioner behind the
	 * same address (a trust's or council's one outbound address) was held too. Now such
	 * calls are refused in plain words and counted nowhere; wrong passwords count as
	 * before, and a held address still holds whatever the password.
	 */
	@Test
	void aCarersRightPasswordAtTheStaffDoorsIsRefusedInPlainWordsAndHoldsNoPractitionerBehindTheSameAddress()
			throws Exception {
		String address = newAddress("100.64.0.");
		for (int i = 0; i < 35; i++) {
			MockHttpServletResponse reply = mvc
				.perform(
						get("/fhir/Patient/{id}", person).with(from(address)).with(httpBasic(carer, Fixtures.PASSWORD)))
				.andReturn()
				.getResponse();
			assertThat(reply.getStatus()).as("call %d: %s", i, reply.getContentAsString()).isEqualTo(403);
			assertThat(reply.getContentType()).startsWith("application/fhir+json");
			assertThat(reply.getContentAsString()).contains("\"code\":\"forbidden\"")
				.contains("This account is for a person or someone acting for them");
		}
		mvc.perform(get("/api/v1/people").param("q", "Nobody")
			.with(from(address))
			.with(httpBasic(carer, Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("ACCESS_DENIED"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("may not use the staff API")));
		mvc.perform(post("/login").with(csrf())
			.with(from(address))
			.param("username", carer)
			.param("password", Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?personSide"));
		assertThat(mvc.perform(get("/login").param("personSide", "")).andReturn().getResponse().getContentAsString())
			.contains("such as a carer. It cannot sign in here")
			.contains("href=\"/me/sign-in\"");
		assertThat(failures("address:" + address)).isZero();
		assertThat(failures("account:" + carer)).isZero();
		// The practitioner behind the same address is not held.
		mvc.perform(get("/api/v1/people").param("q", "Nobody")
			.with(from(address))
			.with(httpBasic(lead.username(), Fixtures.PASSWORD))).andExpect(status().isOk());

		// A wrong password counts exactly as before, for the name and the address.
		mvc.perform(get("/fhir/Patient/{id}", person).with(from(address)).with(httpBasic(carer, "wrong-password")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("unauthenticated")));
		assertThat(failures("address:" + address)).isOne();
		assertThat(failures("account:" + carer)).isOne();
		// And while the address is held, a right password is refused as any other.
		jdbc.sql("update team.sign_in_throttle set not_before = now() + interval '1 minute' where key = :key")
			.param("key", "address:" + address)
			.update();
		mvc.perform(get("/fhir/Patient/{id}", person).with(from(address)).with(httpBasic(carer, Fixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
		assertThat(failures("address:" + address)).isOne();
	}

	/** The same at the person's door for a staff account's right password. */
	@Test
	void aStaffAccountsRightPasswordAtThePersonsDoorIsRefusedInPlainWordsAndNotCounted() throws Exception {
		String address = newAddress("100.64.1.");
		mvc.perform(get("/fhir/Patient/{id}", person).with(from(address))
			.with(httpBasic("person/" + lead.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("This is a staff account")));
		mvc.perform(post("/me/sign-in").with(csrf())
			.with(from(address))
			.param("username", lead.username())
			.param("password", Fixtures.PASSWORD)).andExpect(redirectedUrl("/me/sign-in?staff"));
		assertThat(mvc.perform(get("/me/sign-in").param("staff", "")).andReturn().getResponse().getContentAsString())
			.contains("This is a staff account. It cannot sign in here")
			.contains("href=\"/login\"");
		assertThat(failures("address:" + address)).isZero();
		assertThat(failures("account:person:" + lead.username())).isZero();
		mvc.perform(post("/me/sign-in").with(csrf())
			.with(from(address))
			.param("username", lead.username())
			.param("password", "wrong-password")).andExpect(redirectedUrl("/me/sign-in?error"));
		assertThat(failures("address:" + address)).isOne();
		assertThat(failures("account:person:" + lead.username())).isOne();
	}

	// An address of its own, clear of any earlier run's counts on this database.
	private String newAddress(String prefix) {
		String address = prefix + ADDRESSES.incrementAndGet() % 250;
		jdbc.sql("delete from team.sign_in_throttle where key = :key").param("key", "address:" + address).update();
		return address;
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private int failures(String key) {
		return jdbc.sql("select failures from team.sign_in_throttle where key = :key")
			.param("key", key.toLowerCase(java.util.Locale.ROOT))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	private FhirClient door(String username) {
		return new FhirClient(port, "person/" + username);
	}

	private long refusals(String username) {
		return jdbc.sql("select count(*) from audit.entry where account = :a and outcome = 'DENIED'")
			.param("a", username)
			.query(Long.class)
			.single();
	}

	private String join(PersonId who, String kind) throws Exception {
		IssuedInvitation issued = (IssuedInvitation) mvc
			.perform(post("/people/{id}/invitations", who).with(user(users.loadUserByUsername(lead.username())))
				.with(csrf())
				.param("kind", kind)
				.param("inviteeName", kind.equals("SELF") ? "Ada Door" : "Bea Carer")
				.param("lpaReference", "")
				.param("speaksFor", "yes")
				.param("categories", "GENERAL"))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("issued");
		String username = Fixtures.unique("door");
		mvc.perform(post("/me/start").with(csrf()).with(r -> {
			r.setRemoteAddr("198.51.100." + (10 + ADDRESSES.incrementAndGet() % 200));
			return r;
		})
			.param("code", issued.code())
			.param("username", username)
			.param("password", Fixtures.PASSWORD)
			.param("confirm", Fixtures.PASSWORD));
		return username;
	}

}
