package care.seamless.person;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One person on a caseload: who they are, the viewer's part in their care, the last
 * contact the viewer may see, the next review of their plan, and where their assessment
 * and plan stand.
 */
public record CaseloadRow(PersonSummary person, CaseloadQuery.Role role, @Nullable Instant lastContact,
		@Nullable LocalDate nextReview, boolean reviewOverdue, CaseloadQuery.AssessmentState assessment,
		CaseloadQuery.PlanState plan) {
}
