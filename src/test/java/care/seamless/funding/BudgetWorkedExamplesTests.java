package care.seamless.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.seamless.eligibility.UnableSense;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worked examples computed by hand (docs/funding.md, "Personal budgets, direct payments
 * and approvals"): each figure below was worked out on paper before the code ran.
 */
class BudgetWorkedExamplesTests {

	private static final RasRate RATES_2026 = new RasRate(2026, 10, 6, 8, 4, new BigDecimal("2.60"), "test");

	@Test
	void indicativeBudgetIsPointsTimesTheYearsRate() {
		// Three outcomes: hygiene (a) 10, nutrition (b) 6, home safety (c) 8 = 24 points;
		// 24 x £2.60 = £62.40 a week.
		ResourceAllocation.Indicative indicative = ResourceAllocation
			.indicative(
					List.of(new ResourceAllocation.Finding("Keeping clean", UnableSense.NEEDS_ASSISTANCE),
							new ResourceAllocation.Finding("Eating and drinking well",
									UnableSense.PAIN_DISTRESS_ANXIETY),
							new ResourceAllocation.Finding("Getting around my home safely", UnableSense.ENDANGERS)),
					RATES_2026);
		assertThat(indicative.points()).isEqualTo(24);
		assertThat(indicative.weekly()).isEqualByComparingTo("62.40");
		assertThat(indicative.weekly().scale()).isEqualTo(2);
		assertThat(indicative.lines()).extracting(ResourceAllocation.Line::points).containsExactly(10, 6, 8);
	}

	@Test
	void statementSplitsTheTotalIntoThePersonTheCouncilAndTheNhs() {
		// Home care £210.00 (council) + district nursing £45.50 (NHS) = £255.50. The
		// person's assessed contribution £38.27 comes off the social care part £210.00:
		// council £171.73; 38.27 + 171.73 + 45.50 = 255.50.
		BudgetStatement statement = BudgetStatement.of(new BigDecimal("255.50"), new BigDecimal("45.50"),
				new BigDecimal("38.27"));
		assertThat(statement.contribution()).isEqualByComparingTo("38.27");
		assertThat(statement.council()).isEqualByComparingTo("171.73");
		assertThat(statement.nhs()).isEqualByComparingTo("45.50");
		assertThat(statement.personPart().add(statement.council()).add(statement.nhs())).isEqualTo(statement.total());
	}

	@Test
	void aContributionNeverExceedsTheSocialCarePartAndAnUnknownOneIsSaidToBeUnknown() {
		// A contribution of £300 on a £100 social care part is capped at £100: council
		// £0.
		BudgetStatement capped = BudgetStatement.of(new BigDecimal("150.00"), new BigDecimal("50.00"),
				new BigDecimal("300.00"));
		assertThat(capped.contribution()).isEqualByComparingTo("100.00");
		assertThat(capped.council()).isEqualByComparingTo("0.00");
		BudgetStatement unknown = BudgetStatement.of(new BigDecimal("150.00"), new BigDecimal("50.00"), null);
		assertThat(unknown.contributionKnown()).isFalse();
		assertThat(unknown.council()).isEqualByComparingTo("100.00");
	}

	@Test
	void ledgerKeepsAnExactRunningBalanceThroughAReturnAndAReclaimedSurplus() {
		// Paid £343.46 twice (4 weeks x £85.865 would not be pence, so the weekly part is
		// £85.87 and four weeks £343.48); here: 343.48 + 343.48 = 686.96; the person
		// returns £20.01 (686.95... no: 666.95); the council reclaims £100.10 surplus:
		// 566.85.
		List<DirectPaymentLedger.Entry> entries = List.of(entry(1, LedgerKind.PAYMENT, "343.48"),
				entry(2, LedgerKind.PAYMENT, "343.48"), entry(3, LedgerKind.RETURN, "20.01"),
				entry(4, LedgerKind.SURPLUS_RECLAIMED, "100.10"));
		assertThat(DirectPaymentLedger.lines(entries)).extracting(DirectPaymentLedger.Line::balance)
			.map(BigDecimal::toPlainString)
			.containsExactly("343.48", "686.96", "666.95", "566.85");
		assertThat(DirectPaymentLedger.refusal(entries, LedgerKind.SURPLUS_RECLAIMED, new BigDecimal("566.86")))
			.contains("Only £566.85 is held");
		assertThat(DirectPaymentLedger.refusal(entries, LedgerKind.RETURN, new BigDecimal("566.85"))).isNull();
	}

	@Test
	void paymentScheduleAndReviewsFollowTheAgreement() {
		// £85.87 a week paid every 4 weeks = £343.48; first payment 6 April 2026, so from
		// 1 May the next are 4 May and 1 June. Agreed 1 April 2026: first review by
		// 1 October 2026; reviewed 20 September 2026: next by 20 September 2027.
		List<PaymentSchedule.Due> due = PaymentSchedule.next(LocalDate.of(2026, 4, 6), 4, new BigDecimal("85.87"),
				LocalDate.of(2026, 5, 1), 2);
		assertThat(due).containsExactly(new PaymentSchedule.Due(LocalDate.of(2026, 5, 4), new BigDecimal("343.48")),
				new PaymentSchedule.Due(LocalDate.of(2026, 6, 1), new BigDecimal("343.48")));
		assertThat(PaymentSchedule.reviewDue(LocalDate.of(2026, 4, 1), null)).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(PaymentSchedule.reviewDue(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 20)))
			.isEqualTo(LocalDate.of(2027, 9, 20));
	}

	@Test
	void approvedBudgetWhoseCostsChangeNeedsApprovalAgain() {
		// Threshold £250: £255.50 needs approval; once approved at that fingerprint it
		// may start; raising home care from £210 to £220 makes it need approval again,
		// and lowering the total to £240 needs none.
		UUID homeCare = UUID.fromString("00000000-0000-0000-0000-000000000001");
		UUID nursing = UUID.fromString("00000000-0000-0000-0000-000000000002");
		String asked = ApprovalRules
			.fingerprint(List.of(new ApprovalRules.CostedItem(homeCare, new BigDecimal("210.00"), Payer.COUNCIL),
					new ApprovalRules.CostedItem(nursing, new BigDecimal("45.50"), Payer.NHS)));
		BigDecimal threshold = new BigDecimal("250.00");
		assertThat(ApprovalRules.state(new BigDecimal("255.50"), threshold, null, asked))
			.isEqualTo(ApprovalState.NEEDED);
		assertThat(
				ApprovalRules.state(new BigDecimal("255.50"), threshold, new ApprovalRules.Latest(null, asked), asked))
			.isEqualTo(ApprovalState.AWAITING);
		ApprovalRules.Latest approved = new ApprovalRules.Latest(ApprovalDecision.APPROVED, asked);
		assertThat(ApprovalRules.state(new BigDecimal("255.50"), threshold, approved, asked))
			.isEqualTo(ApprovalState.APPROVED);
		String changed = ApprovalRules
			.fingerprint(List.of(new ApprovalRules.CostedItem(homeCare, new BigDecimal("220.00"), Payer.COUNCIL),
					new ApprovalRules.CostedItem(nursing, new BigDecimal("45.50"), Payer.NHS)));
		assertThat(ApprovalRules.state(new BigDecimal("265.50"), threshold, approved, changed))
			.isEqualTo(ApprovalState.NEEDED);
		assertThat(ApprovalRules.state(new BigDecimal("240.00"), threshold, approved, changed))
			.isEqualTo(ApprovalState.NOT_NEEDED);
		assertThat(ApprovalRules.state(new BigDecimal("10.00"), null, null, changed)).isEqualTo(ApprovalState.NEEDED);
		assertThat(ApprovalRules.needsPanel(new BigDecimal("1000.01"), new BigDecimal("1000.00"))).isTrue();
	}

	@Test
	void needsWithoutCostedSupportAreNamed() {
		List<String> gaps = SupportCheck.gaps(
				List.of(new SupportCheck.EligibleNeed("hygiene", "Keeping clean"),
						new SupportCheck.EligibleNeed("nutrition", "Eating and drinking well"),
						new SupportCheck.EligibleNeed("community", "Getting out and using local places")),
				List.of(new SupportCheck.Item(java.util.Set.of("hygiene"), true, new BigDecimal("210.00")),
						new SupportCheck.Item(java.util.Set.of("nutrition"), true, null),
						new SupportCheck.Item(java.util.Set.of("community"), false, new BigDecimal("20.00"))));
		assertThat(gaps).containsExactly("Eating and drinking well", "Getting out and using local places");
	}

	@Test
	void typedAmountsAreCheckedToThePenny() {
		care.seamless.shared.Violations problems = new care.seamless.shared.Violations();
		assertThat(Amounts.parse("£1,250.5", "a", problems)).isEqualByComparingTo("1250.50");
		assertThat(Amounts.parse("-1", "b", problems)).isNull();
		assertThat(Amounts.parse("1.005", "c", problems)).isNull();
		assertThat(Amounts.parse("ten", "d", problems)).isNull();
		assertThat(Amounts.parse("99999999999", "e", problems)).isNull();
		assertThat(problems.list()).extracting(care.seamless.shared.Violation::message)
			.containsExactly("The amount cannot be negative",
					"Enter the amount to the nearest penny: no more than 2 decimal places",
					"Enter an amount in pounds and pence, like 125.50", "The amount is too large");
	}

	private static DirectPaymentLedger.Entry entry(int seq, LedgerKind kind, String amount) {
		return new DirectPaymentLedger.Entry(seq, kind, LocalDate.of(2026, 4, seq), new BigDecimal(amount), null);
	}

}
