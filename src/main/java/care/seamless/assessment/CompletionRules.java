package care.seamless.assessment;

import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.MissingForCompletion.Reason;
import care.seamless.assessment.instrument.Section;
import care.seamless.terminology.SapDomain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What an episode still lacks before it can be completed. Once it includes the overview,
 * every overview domain must be assessed (signed) or marked not relevant with a reason,
 * and safety and mental health at least screened (signed in the overview or in the
 * contact screen): these two are never "not relevant", because a missed risk there is the
 * one that harms. Started sections must be signed at every stage.
 */
final class CompletionRules {

	static final String OVERVIEW = "sap-overview";

	static final Set<SapDomain> MUST_BE_SCREENED = Set.of(SapDomain.SAFETY, SapDomain.MENTAL_HEALTH);

	private CompletionRules() {
	}

	static List<MissingForCompletion> missing(List<SectionRow> sections, Function<SectionRow, Section> definition) {
		List<MissingForCompletion> missing = new ArrayList<>();
		for (SectionRow row : sections) {
			if ("in-progress".equals(row.status())) {
				missing.add(item(row, definition, Reason.AWAITING_SIGNATURE));
			}
		}
		boolean overview = sections.stream().anyMatch((row) -> OVERVIEW.equals(row.instrumentId()));
		if (!overview) {
			if (sections.stream().noneMatch((row) -> "signed".equals(row.status()))) {
				missing.add(new MissingForCompletion(null, null, "", Reason.NOTHING_SIGNED));
			}
			return missing;
		}
		for (SectionRow row : sections) {
			if (!OVERVIEW.equals(row.instrumentId()) || "in-progress".equals(row.status())) {
				continue;
			}
			SapDomain domain = definition.apply(row).sapDomain();
			if (MUST_BE_SCREENED.contains(domain)) {
				boolean screened = sections.stream()
					.anyMatch((other) -> "signed".equals(other.status())
							&& definition.apply(other).sapDomain() == domain);
				if (!screened) {
					missing.add(item(row, definition, Reason.NOT_SCREENED));
				}
			}
			else if (!"signed".equals(row.status()) && !"not-relevant".equals(row.status())) {
				missing.add(item(row, definition, Reason.NOT_ASSESSED));
			}
		}
		return missing;
	}

	/** Whether a section may be marked not relevant at all. */
	static boolean mayBeNotRelevant(SectionRow row, Section section) {
		return OVERVIEW.equals(row.instrumentId()) && !MUST_BE_SCREENED.contains(section.sapDomain());
	}

	private static MissingForCompletion item(SectionRow row, Function<SectionRow, Section> definition, Reason reason) {
		return new MissingForCompletion(row.instrumentId(), row.sectionId(), definition.apply(row).title(), reason);
	}

}
