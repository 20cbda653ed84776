package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.careplan.NewObjective;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Section;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The objective form as typed; the plan's own rules check it when it is saved. */
record ObjectiveForm(@Nullable UUID outcomeId, @Nullable Section section, @Nullable @Size(max = 500) String description,
		@Nullable @Size(max = 500) String target, @Nullable @Size(max = 500) String measure, @Nullable String targetDay,
		@Nullable String targetMonth, @Nullable String targetYear, @Nullable List<String> needCodes,
		@Nullable List<String> partners, @Nullable DataCategory category, @Nullable Long version) {

	static ObjectiveForm empty() {
		return new ObjectiveForm(null, null, null, null, null, null, null, null, List.of(), List.of(),
				DataCategory.GENERAL, null);
	}

	static ObjectiveForm of(Objective o) {
		LocalDate date = o.targetDate();
		return new ObjectiveForm(o.outcomeId(), o.section(), o.description(), o.target(), o.measure(), Dates.day(date),
				Dates.month(date), Dates.year(date), o.needs().stream().map(n -> n.code()).toList(),
				o.partners().stream().map(p -> p.organisationId().toString()).toList(), o.category(), o.version());
	}

	@Nullable LocalDate targetDate() {
		return Dates.of(targetDay, targetMonth, targetYear);
	}

	boolean dateTypedButInvalid() {
		return !Dates.blank(targetDay, targetMonth, targetYear) && targetDate() == null;
	}

	NewObjective toObjective() {
		return new NewObjective(outcomeId, section, description, target, measure, targetDate(),
				needCodes == null ? List.of() : needCodes, partners == null ? Set.of()
						: partners.stream().map(ObjectiveForm::organisation).collect(Collectors.toSet()),
				category);
	}

	/**
	 * A partner id as typed; a value that is not an id names no organisation anyone is
	 * in.
	 */
	private static OrganisationId organisation(String id) {
		try {
			return OrganisationId.of(id.trim());
		}
		catch (IllegalArgumentException ex) {
			return new OrganisationId(new UUID(0, 0));
		}
	}

}
