package care.seamless.careplan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.shared.DataCategory;
import org.jspecify.annotations.Nullable;

/**
 * A specific, measurable objective: what will change (target), how we will know
 * (measure), by when, the assessed needs it addresses, the partners who contribute and
 * whether each has signed up, the person's view, and the views of their carers (each
 * marked as the carer's, never standing in for the person's).
 */
public record Objective(UUID id, @Nullable UUID outcomeId, Section section, String description, String target,
		String measure, LocalDate targetDate, List<Need> needs, DataCategory category, String recordedByOrganisation,
		List<PartnerSignUp> partners, @Nullable PersonsView personsView, List<CarersView> carersViews, long version) {

	public boolean signedByAllPartners() {
		return partners.stream().allMatch(PartnerSignUp::signed);
	}

	public boolean agreedByPerson() {
		return personsView != null && personsView.view() == PersonsView.View.AGREES;
	}

}
