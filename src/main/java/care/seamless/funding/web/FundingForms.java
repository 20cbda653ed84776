package care.seamless.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.seamless.funding.Amounts;
import care.seamless.funding.AssessmentKind;
import care.seamless.funding.CareSetting;
import care.seamless.funding.FundingRouteKind;
import care.seamless.funding.IncomeItem;
import care.seamless.funding.IncomeKind;
import care.seamless.funding.NewAssessment;
import care.seamless.funding.NewRoute;
import care.seamless.shared.CalendarDates;
import care.seamless.shared.OrganisationId;
import org.jspecify.annotations.Nullable;

/**
 * The funding pages' forms: text as typed, so an amount or a date that is not one is
 * named on its field rather than failing conversion.
 */
final class FundingForms {

	static final int INCOME_ROWS = 5;

	private FundingForms() {
	}

	record RouteForm(@Nullable String need, @Nullable String kind, @Nullable String reason, @Nullable String startsOn,
			@Nullable String endsOn, @Nullable String cost, @Nullable String partner1, @Nullable String share1,
			@Nullable String partner2, @Nullable String share2, @Nullable String partner3, @Nullable String share3,
			@Nullable String replacesVersion) {

		static RouteForm forNeed(@Nullable String need, @Nullable Long version) {
			return new RouteForm(need, null, null, null, null, null, null, null, null, null, null, null,
					version == null ? null : version.toString());
		}

		NewRoute route(Map<String, String> problems) {
			UUID objective = null;
			String needCode = null;
			if (need != null && need.contains("|")) {
				objective = uuid(need.substring(0, need.indexOf('|')));
				needCode = need.substring(need.indexOf('|') + 1);
			}
			List<NewRoute.Share> shares = new ArrayList<>();
			share(partner1, share1, shares, problems);
			share(partner2, share2, shares, problems);
			share(partner3, share3, shares, problems);
			return new NewRoute(objective, needCode, choice(FundingRouteKind.class, kind, "kind", problems), reason,
					date(startsOn, "startsOn", problems), date(endsOn, "endsOn", problems),
					Amounts.parse(cost, "cost", problems), shares, version(replacesVersion));
		}

		private static void share(@Nullable String partner, @Nullable String percent, List<NewRoute.Share> shares,
				Map<String, String> problems) {
			UUID organisation = uuid(partner);
			BigDecimal amount = Amounts.parse(percent, "shares", problems);
			if (organisation != null || amount != null) {
				shares.add(new NewRoute.Share(organisation == null ? null : new OrganisationId(organisation), amount));
			}
		}

	}

	record AssessmentForm(@Nullable String kind, @Nullable String setting, @Nullable String yearLabel,
			@Nullable String assessedOn, @Nullable String weeklyCost, @Nullable String savings,
			@Nullable String otherCapital, @Nullable String homeValue, @Nullable String homeDebt,
			@Nullable Boolean homeDisregarded, @Nullable String admittedOn, @Nullable List<String> incomeKind,
			@Nullable List<String> incomeAmount, @Nullable String housingCosts,
			@Nullable String disabilityRelatedExpenditure, @Nullable String guaranteeBand,
			@Nullable List<String> guaranteeAdditions, @Nullable String agreedContribution,
			@Nullable String replacesVersion) {

		static AssessmentForm empty(String year, @Nullable Long version) {
			return new AssessmentForm("FULL", "NON_RESIDENTIAL", year, null, null, null, null, null, null, false, null,
					null, null, null, null, null, null, null, version == null ? null : version.toString());
		}

		public String incomeKindAt(int i) {
			return incomeKind != null && i < incomeKind.size() && incomeKind.get(i) != null ? incomeKind.get(i) : "";
		}

		public String incomeAmountAt(int i) {
			return incomeAmount != null && i < incomeAmount.size() && incomeAmount.get(i) != null ? incomeAmount.get(i)
					: "";
		}

		public boolean hasAddition(String code) {
			return guaranteeAdditions != null && guaranteeAdditions.contains(code);
		}

		NewAssessment assessment(Map<String, String> problems) {
			List<IncomeItem> income = new ArrayList<>();
			for (int i = 0; i < INCOME_ROWS; i++) {
				String kindText = incomeKindAt(i);
				String amountText = incomeAmountAt(i);
				if (kindText.isBlank() && amountText.isBlank()) {
					continue;
				}
				IncomeKind incomeKind = choice(IncomeKind.class, kindText, "income" + i, problems);
				BigDecimal amount = Amounts.parse(amountText, "income" + i, problems);
				income.add(new IncomeItem(incomeKind, amount));
			}
			return new NewAssessment(choice(AssessmentKind.class, kind, "kind", problems),
					choice(CareSetting.class, setting, "setting", problems), yearLabel,
					date(assessedOn, "assessedOn", problems), Amounts.parse(weeklyCost, "weeklyCost", problems),
					Amounts.parse(savings, "savings", problems), Amounts.parse(otherCapital, "otherCapital", problems),
					Amounts.parse(homeValue, "homeValue", problems), Amounts.parse(homeDebt, "homeDebt", problems),
					homeDisregarded, date(admittedOn, "admittedOn", problems), income,
					Amounts.parse(housingCosts, "housingCosts", problems),
					Amounts.parse(disabilityRelatedExpenditure, "disabilityRelatedExpenditure", problems),
					guaranteeBand == null || guaranteeBand.isBlank() ? null : guaranteeBand,
					guaranteeAdditions == null ? Set.of() : Set.copyOf(guaranteeAdditions),
					Amounts.parse(agreedContribution, "agreedContribution", problems), version(replacesVersion));
		}

	}

	static @Nullable LocalDate date(@Nullable String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Optional<LocalDate> date = CalendarDates.parse(text.strip());
		if (date.isEmpty()) {
			problems.putIfAbsent(field, "Enter a real date, like 20/06/2025");
			return null;
		}
		return date.get();
	}

	static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
			Map<String, String> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		problems.putIfAbsent(field, "Choose one of the options");
		return null;
	}

	static @Nullable UUID uuid(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static @Nullable Long version(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

}
