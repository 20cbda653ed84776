package care.seamless.referral;

import java.util.ArrayList;
import java.util.List;

import care.seamless.assessment.Assessments;
import care.seamless.assessment.Episode;
import care.seamless.assessment.SectionState;
import care.seamless.assessment.SectionStatus;
import care.seamless.careplan.CarePlans;
import care.seamless.consent.ItemKind;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Component;

/**
 * What the referrer may choose to send: the sections of the person's assessments with
 * answers and the objectives and actions of their plan, each read through the owning
 * module's API and so through the access policy (a withheld item is not offered).
 */
@Component
class SendableItems {

	private final Assessments assessments;

	private final CarePlans carePlans;

	SendableItems(Assessments assessments, CarePlans carePlans) {
		this.assessments = assessments;
		this.carePlans = carePlans;
	}

	List<SendableItem> of(Actor actor, PersonId person) {
		List<SendableItem> items = new ArrayList<>();
		for (Episode episode : assessments.episodes(actor, person)) {
			for (SectionState s : assessments.episode(actor, person, episode.id()).sections()) {
				if (!s.withheld() && s.status() != SectionStatus.NOT_STARTED) {
					items.add(new SendableItem(ItemKind.ASSESSMENT_SECTION, s.rowId(),
							s.instrument().title() + ": " + s.section().title(), s.status().code(),
							s.section().category()));
				}
			}
		}
		carePlans.plan(actor, person).ifPresent(plan -> {
			plan.objectives()
				.forEach(
						o -> items.add(new SendableItem(ItemKind.PLAN_OBJECTIVE, o.id(),
								"Plan objective ("
										+ o.section().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")",
								o.description(), o.category())));
			plan.actions()
				.forEach(a -> items.add(new SendableItem(ItemKind.PLAN_ACTION, a.id(), "Plan action due " + a.dueOn(),
						a.description(), a.category())));
		});
		return items;
	}

}
