package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import care.seamless.careplan.NewObjective;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Section;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.BindingResult;

/**
 * The objective form as typed; the plan's own rules check it when it is saved. Ids and
 * choices are text (see {@link Typed}).
 */
record ObjectiveForm(@Nullable String outcomeId, @Nullable String section,
		@Nullable @Size(max = 500) String description, @Nullable @Size(max = 500) String target,
		@Nullable @Size(max = 500) String measure, @Nullable String targetDay, @Nullable String targetMonth,
		@Nullable String targetYear, @Nullable List<String> needCodes, @Nullable List<String> partners,
		@Nullable String category, @Nullable String version) {

	static ObjectiveForm empty() {
		return new ObjectiveForm(null, null, null, null, null, null, null, null, List.of(), List.of(),
				DataCategory.GENERAL.name(), null);
	}

	static ObjectiveForm of(Objective o) {
		LocalDate date = o.targetDate();
		return new ObjectiveForm(o.outcomeId() == null ? null : o.outcomeId().toString(), o.section().name(),
				o.description(), o.target(), o.measure(), Dates.day(date), Dates.month(date), Dates.year(date),
				o.needs().stream().map(n -> n.code()).toList(),
				o.partners().stream().map(p -> p.organisationId().toString()).toList(), o.category().name(),
				Long.toString(o.version()));
	}

	@Nullable LocalDate targetDate() {
		return Dates.of(targetDay, targetMonth, targetYear);
	}

	/** Names each value that is not one of the choices the form offered. */
	void check(BindingResult result) {
		if (!Dates.blank(targetDay, targetMonth, targetYear) && targetDate() == null) {
			result.rejectValue("targetDay", "invalid-date",
					"The target date must be a real date, for example 27 3 2027");
		}
		if (Typed.unreadable(outcomeId, UUID::fromString)) {
			result.rejectValue("outcomeId", "careplan.invalid.outcome");
		}
		if (Typed.unreadable(section, Section::valueOf)) {
			result.rejectValue("section", "careplan.invalid.section");
		}
		if (Typed.anyUnreadable(partners, OrganisationId::of)) {
			result.rejectValue("partners", "careplan.invalid.partners");
		}
		if (Typed.unreadable(category, DataCategory::valueOf)) {
			result.rejectValue("category", "careplan.invalid.category");
		}
		if (Typed.unreadable(version, Long::valueOf)) {
			result.reject("careplan.invalid.form");
		}
	}

	/** The version read; a new objective has none, and a change without one is stale. */
	long versionRead() {
		Long read = Typed.read(version, Long::valueOf);
		return read == null ? -1 : read;
	}

	NewObjective toObjective() {
		return new NewObjective(Typed.read(outcomeId, UUID::fromString), Typed.read(section, Section::valueOf),
				description, target, measure, targetDate(), needCodes == null ? List.of() : needCodes,
				partners == null ? java.util.Set.of()
						: partners.stream()
							.map((id) -> Typed.read(id, OrganisationId::of))
							.filter(Objects::nonNull)
							.collect(Collectors.toSet()),
				Typed.read(category, DataCategory::valueOf));
	}

}
