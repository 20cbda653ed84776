package care.seamless.linkage.web;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.linkage.MatchCandidate;
import care.seamless.linkage.MatchStatus;
import care.seamless.linkage.Matching;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.Sex;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Role;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration warns about a possible existing record; the review queue is for authorised
 * roles only.
 */
@SeamlessTest
class MatchingWebTests {

	private static final AtomicInteger YEAR = new AtomicInteger(1900);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Matching matching;

	@Autowired
	Directory directory;

	OrganisationId council;

	Fixtures.Staff worker;

	Fixtures.Staff manager;

	String family;

	int year;

	@BeforeEach
	void staff() {
		council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		manager = fixtures.practitioner(council, Profession.SOCIAL_WORKER, Role.TEAM_MANAGER);
		family = Fixtures.unique("Thistlewood");
		year = YEAR.incrementAndGet();
	}

	private PersonId existing() {
		PersonId id = people.register(worker.actor(),
				new PersonDetails(null, null, "Edna", family, null, null, LocalDate.of(year, 5, 17), Sex.FEMALE, null,
						"4 Station Road", null, "Riverside", "RV9 4TT", null, null, null, false, null));
		return id;
	}

	private MockHttpServletRequestBuilder form(Fixtures.Staff who) {
		return post("/people").with(httpBasic(who.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("givenName", "Edna")
			.param("familyName", family)
			.param("dobDay", "17")
			.param("dobMonth", "5")
			.param("dobYear", Integer.toString(year))
			.param("sex", "FEMALE")
			.param("addressLine1", "4 Station Road")
			.param("postcode", "RV9 4TT")
			.param("version", "0");
	}

	@Test
	void registrationSaysWhereThePersonMayAlreadyBeKnown() throws Exception {
		existing();
		long before = people.count();

		mvc.perform(form(worker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"known-elsewhere\"")))
			.andExpect(content().string(containsString("may already be known to "
					+ directory.organisation(council).name() + " as Edna " + family + ", born 17 May " + year)))
			.andExpect(content().string(containsString("name=\"confirmedNew\"")));
		assertThat(people.count()).isEqualTo(before);

		mvc.perform(form(worker).param("confirmedNew", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/people/*"));
		assertThat(people.count()).isEqualTo(before + 1);
		// The duplicate is now waiting for someone authorised to review it.
		assertThat(matching.queue(manager.actor())).anySatisfy(c -> {
			assertThat(c.left().familyName()).isEqualTo(family);
			assertThat(c.right().familyName()).isEqualTo(family);
		});
	}

	@Test
	void aManagerReviewsThePairWithItsWeightsAndDecides() throws Exception {
		existing();
		mvc.perform(form(worker).param("confirmedNew", "true")).andExpect(status().is3xxRedirection());
		MatchCandidate candidate = matching.queue(manager.actor())
			.stream()
			.filter(c -> c.left().familyName().equals(family))
			.findFirst()
			.orElseThrow();

		mvc.perform(get("/matching").with(httpBasic(manager.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/matching/" + candidate.id())));
		mvc.perform(get("/matching/" + candidate.id()).with(httpBasic(manager.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"weights\"")))
			.andExpect(content().string(containsString("Date of birth")))
			.andExpect(content().string(containsString("Not the same person")));

		mvc.perform(post("/matching/" + candidate.id()).with(httpBasic(manager.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", Long.toString(candidate.version()))
			.param("decision", "NOT_SAME"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/matching"));

		mvc.perform(get("/matching").with(httpBasic(manager.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(not(containsString("/matching/" + candidate.id()))));
		// Registering the same details again no longer proposes the pair decided against.
		assertThat(matching.candidate(manager.actor(), candidate.id()).status()).isEqualTo(MatchStatus.NOT_SAME);
	}

	@Test
	void practitionersCannotOpenOrDecideTheQueue() throws Exception {
		existing();
		mvc.perform(form(worker).param("confirmedNew", "true")).andExpect(status().is3xxRedirection());
		MatchCandidate candidate = matching.queue(manager.actor())
			.stream()
			.filter(c -> c.left().familyName().equals(family))
			.findFirst()
			.orElseThrow();

		mvc.perform(get("/matching").with(httpBasic(worker.username(), Fixtures.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("id=\"refused\"")));
		mvc.perform(post("/matching/" + candidate.id()).with(httpBasic(worker.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("version", Long.toString(candidate.version()))
			.param("decision", "LINKED")).andExpect(status().isForbidden());
		assertThat(matching.candidate(manager.actor(), candidate.id()).status()).isEqualTo(MatchStatus.PENDING);
	}

}
