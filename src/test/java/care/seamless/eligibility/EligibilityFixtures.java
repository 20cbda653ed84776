package care.seamless.eligibility;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Facts and form posts for eligibility tests. */
public final class EligibilityFixtures {

	private EligibilityFixtures() {
	}

	/** An adult who meets all three conditions: two outcomes, wellbeing affected. */
	public static Facts eligibleAdult() {
		return Facts.adult(true,
				List.of(new Unable("nutrition", UnableSense.NEEDS_ASSISTANCE),
						new Unable("hygiene", UnableSense.PAIN_DISTRESS_ANXIETY)),
				true, Set.of(WellbeingArea.HEALTH, WellbeingArea.DIGNITY));
	}

	/** An adult with one outcome only: condition 2 is not met. */
	public static Facts ineligibleAdult() {
		return Facts.adult(true, List.of(new Unable("community", UnableSense.TAKES_SIGNIFICANTLY_LONGER)), true,
				Set.of(WellbeingArea.PARTICIPATION));
	}

	public static NewDetermination first(Facts facts) {
		return new NewDetermination(facts, "Needs help with meals and washing after a stroke", "I want to stay at home",
				null, null, 0);
	}

	public static NewDetermination superseding(Facts facts, Determination current) {
		return new NewDetermination(facts, "Reviewed after a hospital stay", null, null, current.id(),
				current.version());
	}

	public static UUID record(Eligibility eligibility, Actor actor, PersonId person, Facts facts) {
		return eligibility.record(actor, person, first(facts));
	}

	/**
	 * The form an adult's eligibility is posted with; add or override parameters on the
	 * returned builder.
	 */
	public static MockHttpServletRequestBuilder adultForm(PersonId person, Fixtures.Staff staff,
			@Nullable String... outcomeAndSense) {
		MockHttpServletRequestBuilder post = post("/people/{id}/eligibility", person)
			.with(httpBasic(staff.username(), Fixtures.PASSWORD))
			.with(csrf())
			.param("kind", "ADULT")
			.param("needsArise", "true")
			.param("significantImpact", "true")
			.param("wellbeing", "HEALTH", "CONTROL")
			.param("rationale", "Cannot prepare meals or wash safely since the stroke")
			.param("personView", "I just want a bit of help in the mornings");
		for (int i = 0; i + 1 < outcomeAndSense.length; i += 2) {
			post.param("outcomes", outcomeAndSense[i]);
			if (outcomeAndSense[i + 1] != null) {
				post.param("senses[" + outcomeAndSense[i] + "]", outcomeAndSense[i + 1]);
			}
		}
		return post;
	}

}
