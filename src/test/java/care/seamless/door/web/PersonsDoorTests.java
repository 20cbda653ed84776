package care.seamless.door.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.door.IssuedInvitation;
import care.seamless.door.PersonAccount;
import care.seamless.door.PersonAccounts;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The person's door over HTTP: an invitation code makes an account once; bad codes are
 * refused with their own message and counted; a person's session reaches no staff route
 * (every mapped route is tried) and, by changing an id, no other person.
 */
@SeamlessTest
class PersonsDoorTests {

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
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record World(Fixtures.Staff lead, PersonId person, PersonId other, String otherName) {
	}

	private World world() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Fixtures.Staff lead = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		PersonId person = fixtures.person(Fixtures.unique("Door"), lead);
		String otherFamily = Fixtures.unique("Otherperson");
		PersonId other = fixtures.person(otherFamily, lead);
		return new World(lead, person, other, otherFamily);
	}

	private String invite(World world, PersonId person, String kind) throws Exception {
		MvcResult result = mvc
			.perform(post("/people/{id}/invitations", person)
				.with(user(users.loadUserByUsername(world.lead().username())))
				.with(csrf())
				.param("kind", kind)
				.param("inviteeName", "Ada Door")
				.param("lpaReference", "7000-1234-5678"))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return ((IssuedInvitation) result.getModelAndView().getModel().get("issued")).code();
	}

	private MockHttpServletResponse start(String code, String username, String address) throws Exception {
		return mvc.perform(post("/me/start").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("code", code).param("username", username).param("password", PASSWORD).param("confirm", PASSWORD))
			.andReturn()
			.getResponse();
	}

	// From an address of its own, so that the refusals count against no other test.
	private MockHttpServletResponse signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/me/sign-in").with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("username", username).param("password", password)).andReturn().getResponse();
	}

	private static String address() {
		return "203.0.113." + (10 + ADDRESSES.incrementAndGet() % 200);
	}

	@Test
	void aCodeMakesAnAccountOnceAndBadCodesAreRefusedInPlainWordsAndCounted() throws Exception {
		World world = world();
		String code = invite(world, world.person(), "SELF");
		String username = Fixtures.unique("ada");
		String address = address();
		assertThat(start(code.toLowerCase().replace("-", " "), username, address).getRedirectedUrl())
			.isEqualTo("/me/sign-in?started");
		MvcResult signedIn = mvc.perform(formLogin("/me/sign-in").user(username).password(PASSWORD)).andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/me");
		// A wrong password and a name nobody has are refused alike (the unknown name is
		// checked against a hash made on first use, not at start-up).
		String guesser = address();
		assertThat(signIn(username, "not-" + PASSWORD, guesser).getRedirectedUrl()).isEqualTo("/me/sign-in?error");
		assertThat(signIn(Fixtures.unique("nobody"), PASSWORD, guesser).getRedirectedUrl())
			.isEqualTo("/me/sign-in?error");
		// The staff sign-in does not sign a person-side account in: it says where it
		// signs in (ADR 126).
		assertThat(mvc.perform(formLogin("/login").user(username).password(PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/login?personSide");

		long deniedBefore = deniedCodeUses();
		assertThat(start(code, Fixtures.unique("again"), address).getContentAsString())
			.contains("That code has been used");
		assertThat(start("ABCD-EFGH-JKMN", Fixtures.unique("guess"), address).getContentAsString())
			.contains("We do not know that code");
		String expired = invite(world, world.person(), "CARER");
		jdbc.sql(
				"update door.invitation set expires_at = now() - interval '1 minute' where invitee_name = 'Ada Door' and used_at is null and person_id = :p")
			.param("p", world.person().id())
			.update();
		assertThat(start(expired, Fixtures.unique("late"), address).getContentAsString())
			.contains("That code is too old");
		assertThat(deniedCodeUses()).isEqualTo(deniedBefore + 3);
		assertThat(jdbc.sql("select failures from team.sign_in_throttle where key = :s")
			.param("s", "account:door-code@" + address)
			.query(Long.class)
			.optional()).contains(3L);
	}

	@Test
	void guessingCodesIsHeldLikeSignIns() throws Exception {
		String address = address();
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			bodies.add(start("ZZZZ-ZZZZ-ZZZ" + (char) ('A' + i), Fixtures.unique("guesser"), address)
				.getContentAsString());
		}
		// From the third failure each guess must wait, as for passwords.
		assertThat(bodies).anyMatch(body -> body.contains("Too many codes were tried from here"));
	}

	@Test
	void aPersonsSessionReachesNoStaffRouteAndNoOtherPerson() throws Exception {
		World world = world();
		String username = Fixtures.unique("self");
		assertThat(start(invite(world, world.person(), "SELF"), username, address()).getRedirectedUrl()).isNotNull();
		PersonSignedIn me = new PersonSignedIn(accounts.forSignIn(username).orElseThrow());
		List<String> failures = new ArrayList<>();
		int staffRoutes = 0;
		int personRoutes = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getKey().getPathPatternsCondition() == null) {
				continue;
			}
			Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					boolean personFacing = pattern.equals("/me") || pattern.startsWith("/me/");
					if (pattern.equals("/login") || pattern.equals("/error") || pattern.equals("/session-ended")
							|| pattern.equals("/me/sign-in") || pattern.equals("/me/start")) {
						continue;
					}
					String uri = pattern.replace("{personId}", world.other().toString())
						.replace("{seq}", "1")
						.replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
						.replace("/**", "/x");
					MockHttpServletResponse response = mvc
						.perform(request(HttpMethod.valueOf(method.name()), uri).with(user(me))
							.with(csrf())
							.param("version", "0")
							.param("kind", "OBJECTION")
							.param("view", "AGREES")
							.param("words", "mine"))
						.andReturn()
						.getResponse();
					int status = response.getStatus();
					if (personFacing) {
						personRoutes++;
						if (pattern.contains("{personId}") && (status != 403 && status != 404
								|| response.getContentAsString().contains(world.otherName()))) {
							failures.add(method + " " + pattern + " reached another person: " + status);
						}
					}
					else {
						staffRoutes++;
						if (status != 403 && status != 404) {
							failures.add(method + " " + pattern + " -> " + status);
						}
					}
				}
			}
		}
		assertThat(staffRoutes).isGreaterThan(100);
		assertThat(personRoutes).isGreaterThan(5);
		assertThat(failures).isEmpty();
		// Their own pages open.
		for (String page : List.of("/me", "/me/people/" + world.person(), "/me/people/" + world.person() + "/looked",
				"/me/people/" + world.person() + "/sharing")) {
			assertThat(mvc.perform(get(page).with(user(me))).andReturn().getResponse().getStatus()).as(page)
				.isEqualTo(200);
		}
	}

	@Test
	void aStaffSessionDoesNotOpenThePersonsDoorAndARevokedInvitationEndsAccess() throws Exception {
		World world = world();
		String username = Fixtures.unique("carer");
		String code = invite(world, world.person(), "CARER");
		assertThat(start(code, username, address()).getRedirectedUrl()).isNotNull();
		PersonAccount account = accounts.forSignIn(username).orElseThrow();
		PersonSignedIn carer = new PersonSignedIn(account);
		assertThat(mvc.perform(get("/me/people/{id}", world.person()).with(user(carer)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		// A carer does not see who looked at the record, nor changes sharing choices.
		assertThat(mvc.perform(get("/me/people/{id}/looked", world.person()).with(user(carer)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/me").with(user(users.loadUserByUsername(world.lead().username()))))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		UUID invitation = jdbc.sql("select id from door.invitation where account_id = :a")
			.param("a", account.id().id())
			.query(UUID.class)
			.single();
		mvc.perform(post("/people/{p}/invitations/{i}/revoke", world.person(), invitation)
			.with(user(users.loadUserByUsername(world.lead().username())))
			.with(csrf())
			.param("version", "1"));
		assertThat(mvc.perform(get("/me/people/{id}", world.person()).with(user(carer)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	private long deniedCodeUses() {
		return jdbc.sql("select count(*) from audit.entry where action = 'use-invitation-code' and outcome = 'DENIED'")
			.query(Long.class)
			.single();
	}

}
