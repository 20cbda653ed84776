package care.seamless.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Violations;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's financial assessments: each works out the weekly contribution with
 * {@link ContributionRules} from the rates of the chosen financial year, is kept with
 * every line of its working, and is never changed: a reassessment is a new one, and the
 * old one stays, marked as replaced. Financial details are {@link DataCategory#FINANCES};
 * every read asks the access policy, and the same rule is in the SQL that reads.
 */
@Service
public class FinancialAssessments {

	static final String RECORD = "FinancialAssessment";

	private final FinancialAssessmentRepository repository;

	private final ChargingRateRepository rates;

	private final AccessPolicy accessPolicy;

	private final Directory directory;

	private final Clock clock;

	FinancialAssessments(FinancialAssessmentRepository repository, ChargingRateRepository rates,
			AccessPolicy accessPolicy, Directory directory, Clock clock) {
		this.repository = repository;
		this.rates = rates;
		this.accessPolicy = accessPolicy;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The weekly contribution of the person's current assessment; empty when they have
	 * none. For other modules (a personal budget's statement) that have already checked,
	 * through the access policy, that their reader may see the person's finances: this
	 * reads no personal detail beyond the one amount and writes no audit entry itself.
	 */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> currentWeeklyContribution(PersonId person) {
		return repository.currentContribution(person);
	}

	/** The financial years that have rates, oldest first. */
	@Transactional(readOnly = true)
	public List<String> years() {
		return rates.years();
	}

	/** The rates of one year, for a form's choices; empty when the year has none. */
	@Transactional(readOnly = true)
	public Optional<ChargingRates> rates(String year) {
		return rates.year(year);
	}

	/**
	 * Whether the actor may record a financial assessment for the person: the question
	 * {@link #assess} asks, without auditing, so that pages offer it only then.
	 */
	@Transactional(readOnly = true)
	public boolean mayAssess(Actor actor, PersonId person) {
		return actor.practitionerId() != null && actor.organisationId() != null
				&& accessPolicy.allows(actor, recording(actor, person));
	}

	private static AccessRequest recording(Actor actor, PersonId person) {
		return new AccessRequest(person, "record-financial-assessment", RECORD, null, DataCategory.FINANCES,
				actor.organisationId(), AccessRequest.Who.CARE_TEAM_MEMBER, null);
	}

	/**
	 * Works out and keeps a financial assessment; every problem with the answers is named
	 * at once and nothing is saved. When the person already has an assessment, it is
	 * marked as replaced if {@code replacesVersion} is the version read, and the change
	 * is refused as a conflict otherwise.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID assess(Actor actor, PersonId person, NewAssessment answers) {
		PractitionerId self = FundingRoutes.requirePractitioner(actor);
		UUID id = UUID.randomUUID();
		accessPolicy.require(actor, recording(actor, person).about(id));
		Violations problems = new Violations();
		ChargingRates year = check(answers, problems);
		problems.refuseIfAny(FundingRule::new);
		Means means = means(answers);
		Contribution result = ContributionRules.assess(means, year);
		Optional<FinancialAssessmentRepository.Current> current = repository.current(person);
		if (current.isPresent()) {
			Long read = answers.replacesVersion();
			if (read == null || !repository.replace(current.get().id(), read, id, clock.instant())) {
				throw new ConcurrentEditException(RECORD, current.get().id());
			}
		}
		repository.insert(id, person, actor.organisationId(), means, year.yearLabel(), answers.agreedContribution(),
				result, self, clock.instant());
		return id;
	}

	/** Works out the contribution without keeping anything: what a form shows first. */
	@Transactional(readOnly = true)
	public Contribution preview(NewAssessment answers) {
		Violations problems = new Violations();
		ChargingRates year = check(answers, problems);
		problems.refuseIfAny(FundingRule::new);
		return ContributionRules.assess(means(answers), year);
	}

	/**
	 * Every assessment of the person the reader may see, newest first; one audited look.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<AssessmentView> history(Actor actor, PersonId person) {
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-financial-assessments", RECORD));
		return repository.forPerson(person, visible(actor)).stream().map(this::view).toList();
	}

	/** The person's current assessment, if the reader may see it. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public Optional<AssessmentView> current(Actor actor, PersonId person) {
		return history(actor, person).stream().filter(AssessmentView::current).findFirst();
	}

	/** One assessment, if the reader may see it; the look is audited. */
	@Transactional(noRollbackFor = AccessDenied.class)
	public AssessmentView assessment(Actor actor, UUID id) {
		PersonId person = repository.personOf(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		accessPolicy.require(actor, AccessRequest.toOpen(person, "read-financial-assessment", RECORD).about(id));
		return repository.read(id, visible(actor)).map(this::view).orElseThrow(() -> new NotFoundException(RECORD, id));
	}

	private @Nullable ChargingRates check(NewAssessment a, Violations problems) {
		if (a.kind() == null) {
			problems.add("kind", "Choose the kind of assessment");
		}
		if (a.setting() == null) {
			problems.add("setting", "Choose where the care is given");
		}
		ChargingRates year = null;
		if (a.yearLabel() == null || a.yearLabel().isBlank()) {
			problems.add("yearLabel", "Choose the financial year");
		}
		else {
			year = rates.year(a.yearLabel()).orElse(null);
			if (year == null) {
				problems.add("yearLabel", "There are no charging rates for the financial year " + safe(a.yearLabel()));
			}
		}
		if (a.assessedOn() == null) {
			problems.add("assessedOn", "Enter the date of the assessment");
		}
		else if (a.assessedOn().isAfter(LocalDate.now(clock))) {
			problems.add("assessedOn", "The date of the assessment cannot be in the future");
		}
		else if (year != null && (a.assessedOn().isBefore(year.startsOn()) || a.assessedOn().isAfter(year.endsOn()))) {
			problems.add("assessedOn", "The date of the assessment is not in the financial year " + year.yearLabel());
		}
		Amounts.check(problems, "weeklyCost", a.weeklyCost(), true, "Enter the weekly cost of the care");
		if (a.kind() == AssessmentKind.LIGHT_TOUCH) {
			Amounts.check(problems, "agreedContribution", a.agreedContribution(), true,
					"Enter the weekly amount agreed");
		}
		if (a.kind() == AssessmentKind.FULL) {
			full(a, year, problems);
		}
		return year;
	}

	private void full(NewAssessment a, @Nullable ChargingRates year, Violations problems) {
		Amounts.check(problems, "savings", a.savings(), false, "");
		Amounts.check(problems, "otherCapital", a.otherCapital(), false, "");
		Amounts.check(problems, "homeValue", a.homeValue(), false, "");
		Amounts.check(problems, "homeDebt", a.homeDebt(), false, "");
		Amounts.check(problems, "housingCosts", a.housingCosts(), false, "");
		Amounts.check(problems, "disabilityRelatedExpenditure", a.disabilityRelatedExpenditure(), false, "");
		for (int i = 0; i < a.income().size(); i++) {
			IncomeItem item = a.income().get(i);
			if (item == null || item.kind() == null) {
				problems.add("income" + i, "Choose the kind of income");
			}
			else {
				Amounts.check(problems, "income" + i, item.weeklyAmount(), true, "Enter the weekly amount");
			}
		}
		if (a.admittedOn() != null && a.assessedOn() != null && a.admittedOn().isAfter(a.assessedOn())) {
			problems.add("admittedOn", "The date of admission cannot be after the assessment");
		}
		if (a.setting() == CareSetting.NON_RESIDENTIAL && year != null) {
			ChargingRates.GuaranteeAmount band = a.guaranteeBand() == null ? null
					: year.incomeGuarantee().get(a.guaranteeBand());
			if (band == null || band.addition()) {
				problems.add("guaranteeBand", "Choose the person's age and household for the Minimum Income Guarantee");
			}
			for (String addition : a.guaranteeAdditions()) {
				ChargingRates.GuaranteeAmount amount = year.incomeGuarantee().get(addition);
				if (amount == null || !amount.addition()) {
					problems.add("guaranteeAdditions", "Choose additions from the list");
					break;
				}
			}
		}
	}

	private static Means means(NewAssessment a) {
		return new Means(a.kind(), a.setting(), a.assessedOn(), a.weeklyCost(), zero(a.savings()),
				zero(a.otherCapital()), zero(a.homeValue()), zero(a.homeDebt()),
				Boolean.TRUE.equals(a.homeDisregarded()),
				a.setting() == CareSetting.RESIDENTIAL ? a.admittedOn() : null, a.income(), zero(a.housingCosts()),
				zero(a.disabilityRelatedExpenditure()),
				a.setting() == CareSetting.NON_RESIDENTIAL ? a.guaranteeBand() : null,
				a.setting() == CareSetting.NON_RESIDENTIAL ? a.guaranteeAdditions() : java.util.Set.of(),
				a.agreedContribution());
	}

	private AssessmentView view(FinancialAssessmentRepository.Row row) {
		return new AssessmentView(row.id(), row.personId(), row.kind(), row.setting(), row.yearLabel(),
				row.assessedOn(), row.weeklyCost(), row.weeklyContribution(), row.protectedAmount(),
				repository.lines(row.id()), row.organisationName(),
				directory.practitioner(row.assessedBy()).displayName(), row.recordedAt(), row.replacedBy(),
				row.version());
	}

	private SqlCondition visible(Actor actor) {
		return accessPolicy.visibleItems(actor, "a.person_id", "'FINANCES'", "a.organisation_id");
	}

	private static BigDecimal zero(@Nullable BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/** A year label as typed, cut short and without control characters, for a message. */
	private static String safe(String label) {
		String plain = label.replaceAll("\\p{Cntrl}", "");
		return plain.length() > 12 ? plain.substring(0, 12) + "…" : plain;
	}

}
