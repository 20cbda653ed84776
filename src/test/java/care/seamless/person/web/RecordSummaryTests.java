package care.seamless.person.web;

import java.util.Set;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.CarePlans;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.person.RecordSummaries;
import care.seamless.person.RecordSummary;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The record's summary of the latest assessment, eligibility and plan says only what the
 * viewer may see: a care-team member of an organisation outside the sharing agreement is
 * told each is withheld, never its value.
 */
@SeamlessTest
class RecordSummaryTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	Eligibility eligibility;

	@Autowired
	CarePlans carePlans;

	@Autowired
	RecordSummaries summaries;

	@Autowired
	MockMvc mvc;

	Staff socialWorker;

	Staff nurse;

	PersonId person;

	@BeforeEach
	void partnership() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		// Only safeguarding is shared, so the council's general records are not the
		// trust's to see.
		fixtures.agreement(Set.of(council, trust), DataCategory.SAFEGUARDING);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		person = fixtures.person(Fixtures.unique("Summers"), socialWorker);
		fixtures.addToCareTeam(person, nurse);
	}

	@Test
	void nothingRecordedIsSaidAsNone() {
		assertThat(summaries.of(socialWorker.actor(), person)).isEqualTo(new RecordSummary(null, null, null));
	}

	@Test
	void theSummaryShowsTheLatestOfEachAndWithholdsThemFromAViewerWhoMayNotSeeThem() throws Exception {
		var episode = assessments.open(socialWorker.actor(), person, Stage.OVERVIEW);
		eligibility.record(socialWorker.actor(), person,
				EligibilityFixtures.first(EligibilityFixtures.eligibleAdult()));
		carePlans.start(socialWorker.actor(), person, null);

		RecordSummary seen = summaries.of(socialWorker.actor(), person);
		assertThat(seen.assessment()).satisfies(a -> {
			assertThat(a.withheld()).isFalse();
			assertThat(a.id()).isEqualTo(episode.id());
			assertThat(a.fields()).containsExactly("overview", "open");
		});
		assertThat(seen.eligibility().fields()).containsExactly("ADULT", "ELIGIBLE");
		assertThat(seen.plan().fields()).containsExactly("DRAFT");
		mvc.perform(get("/people/" + person).with(httpBasic(socialWorker.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("Overview assessment, open, opened"),
					containsString("eligible, decided"), containsString("/assessments/" + episode.id()))));

		RecordSummary toNurse = summaries.of(nurse.actor(), person);
		assertThat(toNurse.assessment().withheld()).isTrue();
		assertThat(toNurse.eligibility().withheld()).isTrue();
		assertThat(toNurse.plan().withheld()).isTrue();
		assertThat(toNurse.assessment().id()).isNull();
		mvc.perform(get("/people/" + person).with(httpBasic(nurse.username(), Fixtures.PASSWORD)))
			.andExpect(content().string(allOf(containsString("Withheld: you may not see this"),
					not(containsString("/assessments/" + episode.id())), not(containsString("Overview assessment")))));
	}

}
