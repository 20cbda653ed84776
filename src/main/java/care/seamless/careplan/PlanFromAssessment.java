package care.seamless.careplan;

import care.seamless.assessment.Answer;
import care.seamless.assessment.AssessmentSummaries;
import care.seamless.assessment.Assessments;
import care.seamless.assessment.Episode;
import care.seamless.assessment.Summary;
import care.seamless.consent.AccessDenied;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan addresses assessed needs: it starts from the person's latest assessment, with
 * what matters to them carried over in their own words, so nobody asks them again.
 */
@Service
public class PlanFromAssessment {

	private final CarePlans carePlans;

	private final Assessments assessments;

	private final AssessmentSummaries summaries;

	PlanFromAssessment(CarePlans carePlans, Assessments assessments, AssessmentSummaries summaries) {
		this.carePlans = carePlans;
		this.assessments = assessments;
		this.summaries = summaries;
	}

	/**
	 * The assessment a new plan would start from: the latest completed, else the latest.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<Episode> basis(Actor actor, PersonId person) {
		List<Episode> episodes = assessments.episodes(actor, person);
		return episodes.stream()
			.filter(Episode::completed)
			.findFirst()
			.or(() -> episodes.stream().max(Comparator.comparing(Episode::openedAt)));
	}

	/**
	 * The needs and risks the person's assessments found, newest first: what a new plan
	 * is offered to address.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<Summary.AssessedNeed> needsFound(Actor actor, PersonId person) {
		return summaries.assessedNeeds(actor, person);
	}

	/**
	 * Starts the plan from the latest assessment, with each thing that matters to the
	 * person as an outcome in their words; all or nothing.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID start(Actor actor, PersonId person) {
		Optional<Episode> basis = basis(actor, person);
		boolean existing = carePlans.plan(actor, person).isPresent();
		UUID plan = carePlans.start(actor, person, basis.map((episode) -> episode.id().id()).orElse(null));
		if (!existing) {
			for (Answer words : summaries.whatMattersToThem(actor, person)) {
				carePlans.addOutcome(actor, person, words.value());
			}
		}
		return plan;
	}

}
