package care.seamless.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.assessment.AnswerSource;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.EpisodeId;
import care.seamless.assessment.instrument.Stage;
import care.seamless.careplan.PlanFromAssessment;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An eligibility decision opened from an assessment starts with the outcomes its severe
 * findings bear on, each with where it came from; the decision keeps what was pre-ticked
 * and what the practitioner confirmed. The plan is offered the same needs.
 */
@SeamlessTest
class PreTickedOutcomesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Assessments assessments;

	@Autowired
	Eligibility eligibility;

	@Autowired
	PlanFromAssessment plans;

	Fixtures.Staff nurse;

	Fixtures.Staff socialWorker;

	PersonId person;

	EpisodeId episode;

	@BeforeEach
	void severeDifficultiesRecorded() {
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		socialWorker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		fixtures.agreement(Set.of(trust, council), DataCategory.GENERAL);
		person = fixtures.person(Fixtures.unique("Severe"), nurse);
		fixtures.addToCareTeam(person, socialWorker);
		episode = assessments.open(nurse.actor(), person, Stage.OVERVIEW);
		long version = assessments.section(nurse.actor(), person, episode, "sap-overview", "personal-care")
			.state()
			.version();
		// Washing severe, dressing complete, toileting only moderate, eating mild.
		assessments.saveSection(nurse.actor(), person, episode, "sap-overview", "personal-care", version,
				AnswerSource.OBSERVATION, Map.of("washing", "3", "dressing", "4", "toileting", "2", "eating", "1"));
	}

	@Test
	void severeAndCompleteDifficultiesPreTickTheirOutcomesWithTheFindingTheyCameFrom() {
		Map<String, List<String>> findings = eligibility.findings(socialWorker.actor(), person, episode);

		assertThat(findings).containsOnlyKeys("hygiene", "clothing");
		assertThat(findings.get("hygiene")).singleElement()
			.asString()
			.contains("Personal care and physical well-being")
			.contains("Washing oneself (d510)")
			.contains("Severe difficulty")
			.contains(nurseName())
			.contains("Test organisation");
		assertThat(findings.get("clothing")).singleElement().asString().contains("Complete difficulty");
	}

	@Test
	void theDecisionKeepsWhatWasPreTickedAndWhatThePractitionerConfirmed() {
		// The practitioner keeps hygiene, unticks clothing and adds nutrition.
		Facts facts = Facts.adult(true, List.of(new Unable("hygiene", UnableSense.NEEDS_ASSISTANCE),
				new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE)), true, Set.of(WellbeingArea.HEALTH));
		UUID id = eligibility.record(socialWorker.actor(), person,
				new NewDetermination(facts, "Needs help washing and with meals", null, episode.id(), null, 0));

		assertThat(eligibility.preTicked(socialWorker.actor(), person, id))
			.extracting(PreTicked::outcome, PreTicked::kept)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hygiene", true),
					org.assertj.core.groups.Tuple.tuple("clothing", false));
		assertThat(eligibility.preTicked(socialWorker.actor(), person, id))
			.allSatisfy((p) -> assertThat(p.findings()).allSatisfy((f) -> assertThat(f).contains("(d5")));
	}

	@Test
	void thePlanIsOfferedTheNeedsTheAssessmentFound() {
		assertThat(plans.needsFound(socialWorker.actor(), person)).extracting((need) -> need.code())
			.contains("d510", "d540")
			.doesNotContain("d530", "d550");
	}

	private String nurseName() {
		return assessments.section(nurse.actor(), person, episode, "sap-overview", "personal-care")
			.state()
			.authorName();
	}

}
