package care.seamless.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.Facts;
import care.seamless.eligibility.FacsBand;
import care.seamless.eligibility.NewDetermination;
import care.seamless.eligibility.Unable;
import care.seamless.eligibility.UnableSense;
import care.seamless.eligibility.WellbeingArea;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Eligibility decisions for four people on Sam Jones's caseload, recorded by Sam through
 * the module's API: an eligible adult, an adult who is not eligible, a carer, and a
 * historic FACS band.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoEligibility {

	private final Eligibility eligibility;

	private final People people;

	private final Directory directory;

	DemoEligibility(Eligibility eligibility, People people, Directory directory) {
		this.eligibility = eligibility;
		this.people = people;
		this.directory = directory;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Account sam = directory.accountForSignIn("sam.jones").orElseThrow();
		Actor actor = new Actor(sam.id(), sam.username(), sam.practitionerId(), sam.organisationId(),
				sam.organisationCode(), sam.roles(), Purpose.DIRECT_CARE);
		List<PersonSummary> caseload = people.caseload(actor, 1).people();
		if (caseload.size() < 4) {
			return;
		}
		record(actor, caseload.get(0),
				Facts.adult(true,
						List.of(new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE),
								new Unable("hygiene", UnableSense.PAIN_DISTRESS_ANXIETY),
								new Unable("home-safety", UnableSense.ENDANGERS)),
						true, Set.of(WellbeingArea.HEALTH, WellbeingArea.DIGNITY, WellbeingArea.CONTROL)),
				"Since the stroke cannot prepare meals or wash without help; two falls on the stairs this year.",
				"I want to stay in my own home, with help in the mornings.");
		record(actor, caseload.get(1),
				Facts.adult(true, List.of(new Unable("community", UnableSense.TAKES_SIGNIFICANTLY_LONGER)), true,
						Set.of(WellbeingArea.PARTICIPATION)),
				"Manages personal care and the home; getting to the shops takes much longer since the knee operation. "
						+ "Information given about community transport and the Age Well café.",
				null);
		record(actor, caseload.get(2),
				Facts.carer(true, true,
						List.of(new Unable("carer-work", UnableSense.PAIN_DISTRESS_ANXIETY),
								new Unable("carer-recreation", UnableSense.NEEDS_ASSISTANCE)),
						true, Set.of(WellbeingArea.HEALTH, WellbeingArea.PARTICIPATION)),
				"Cares for her husband day and night; sleep is broken and she has given up her part-time job.",
				"I love him but I have no time for me any more.");
		record(actor, caseload.get(3),
				Facts.facs(FacsBand.SUBSTANTIAL, FacsBand.SUBSTANTIAL, LocalDate.of(2012, 9, 14)),
				"Copied from the 2012 paper assessment: substantial risk to independence from difficulty with "
						+ "personal care; the council's threshold was substantial.",
				null);
	}

	private void record(Actor actor, PersonSummary person, Facts facts, String rationale, String personView) {
		eligibility.record(actor, person.id(), new NewDetermination(facts, rationale, personView, null, null, 0));
	}

}
