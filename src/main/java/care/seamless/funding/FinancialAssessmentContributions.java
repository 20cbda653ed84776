package care.seamless.funding;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import care.seamless.shared.PersonId;

import org.springframework.stereotype.Component;

/**
 * The contribution on the budget statement is the current financial assessment's weekly
 * contribution; the statement's own read has already passed the access policy.
 */
@Component
class FinancialAssessmentContributions implements AssessedContributions {

	private final FinancialAssessments assessments;

	FinancialAssessmentContributions(FinancialAssessments assessments) {
		this.assessments = assessments;
	}

	@Override
	public Optional<BigDecimal> weeklyFor(UUID person) {
		return assessments.currentWeeklyContribution(new PersonId(person));
	}

}
