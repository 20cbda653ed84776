package care.seamless.careplan;

import java.time.LocalDate;

import care.seamless.shared.Profession;
import care.seamless.team.OrganisationContact;
import org.jspecify.annotations.Nullable;

/**
 * What the person's own copy of their plan holds beyond the plan itself: when the copy
 * was made and the plan started, who their lead professional is and how to reach them,
 * and a reference to quote. {@code contact} is the lead's organisation, or the
 * organisation that started the plan when there is no lead.
 */
public record PersonsCopy(CarePlanView plan, LocalDate madeOn, LocalDate startedOn, @Nullable Lead lead,
		OrganisationContact contact, String reference) {

	/** The person's lead professional, as the person should know them. */
	public record Lead(String name, Profession profession, @Nullable String teamName, @Nullable String email) {
	}

}
