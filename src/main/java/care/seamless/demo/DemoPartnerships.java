package care.seamless.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.seamless.partnership.NewPartnership;
import care.seamless.partnership.PartnershipDirection;
import care.seamless.partnership.PartnershipKind;
import care.seamless.partnership.PartnershipStatus;
import care.seamless.partnership.Partnerships;
import care.seamless.partnership.ReadinessItem;
import care.seamless.partnership.WorkingTogether;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.Organisation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's partnerships, written through the partnership module's API: the Better Care
 * Fund pooled between the council and the community trust (commissioner cara.bell, board
 * member ben.osei), with its readiness checklist, and a round of the Partnership
 * Assessment Tool where the two partners disagree about trust and an action owned by the
 * council's team manager.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoPartnerships {

	private final Directory directory;

	private final Partnerships partnerships;

	private final WorkingTogether workingTogether;

	DemoPartnerships(Directory directory, Partnerships partnerships, WorkingTogether workingTogether) {
		this.directory = directory;
		this.partnerships = partnerships;
		this.workingTogether = workingTogether;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		Actor commissioner = actor("cara.bell");
		OrganisationId council = organisation("RASC");
		OrganisationId community = organisation("RCH");
		LocalDate financialYear = LocalDate
			.of(LocalDate.now().getMonthValue() >= 4 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1, 4, 1);
		UUID fund = partnerships.create(commissioner, new NewPartnership("Riverside Better Care Fund",
				PartnershipKind.POOLED_FUND, PartnershipDirection.VERTICAL,
				"Fewer avoidable admissions to hospital and care homes; more people home within a day of being ready to leave.",
				"Reablement, discharge to assess, community equipment, carers' breaks.",
				"The hospital social work team and the community therapy team work as one discharge service.",
				"Riverside Health and Care Partnership Board, monthly; chaired in turn by the council and the trust.",
				council, "Head of Integrated Commissioning, Riverside Council", financialYear, null,
				financialYear.plusYears(1).minusDays(1),
				"Reviewed each year before the budget is set; either partner may end it with six months' notice.",
				PartnershipStatus.ACTIVE,
				List.of(new NewPartnership.Partner(council, "Disabled facilities grant and adult social care budget",
						"Varied by agreement of the board each quarter"),
						new NewPartnership.Partner(community, "NHS minimum contribution and community therapy staff",
								"As set by NHS England each year")),
				Set.of()));
		partnerships.recordReadiness(commissioner, fund, ReadinessItem.GOVERNANCE, ReadinessItem.State.IN_PLACE,
				"Board terms of reference agreed", -1);
		partnerships.recordReadiness(commissioner, fund, ReadinessItem.INFORMATION_SHARING,
				ReadinessItem.State.IN_PROGRESS, "Discharge information-sharing agreement being revised", -1);
		// An earlier, closed round, so the results over time have two points to join.
		UUID spring = workingTogether.openRound(actor("ben.osei"), fund, "Spring review");
		workingTogether.rate(actor("mark.evans"), spring,
				Map.of("TRUST.1", "2", "TRUST.2", "2", "ARRANGEMENTS.2", "1", "LEARN.1", "2", "CLEAR_PURPOSE.1", "2"));
		workingTogether.rate(actor("grace.okafor"), spring,
				Map.of("TRUST.1", "3", "TRUST.2", "3", "ARRANGEMENTS.2", "2", "LEARN.1", "2", "CLEAR_PURPOSE.1", "3"));
		workingTogether.closeRound(actor("ben.osei"), spring, 0);
		UUID round = workingTogether.openRound(actor("ben.osei"), fund, "Autumn review");
		workingTogether.rate(actor("mark.evans"), round,
				Map.of("TRUST.1", "2", "TRUST.2", "1", "ARRANGEMENTS.2", "2", "LEARN.1", "3", "CLEAR_PURPOSE.1", "3"));
		workingTogether.rate(actor("sam.jones"), round,
				Map.of("TRUST.1", "2", "TRUST.2", "2", "ARRANGEMENTS.2", "2", "LEARN.1", "3", "CLEAR_PURPOSE.1", "4"));
		workingTogether.rate(actor("grace.okafor"), round,
				Map.of("TRUST.1", "4", "TRUST.2", "3", "ARRANGEMENTS.2", "3", "LEARN.1", "2", "CLEAR_PURPOSE.1", "3"));
		Account owner = directory.accountForSignIn("mark.evans").orElseThrow();
		workingTogether.addAction(actor("ben.osei"), round, "TRUST",
				"Agree at the board how the council's voice is heard when the trust's contribution is larger.",
				owner.id().id().toString(), LocalDate.now().plusMonths(2).toString());
	}

	private OrganisationId organisation(String code) {
		return directory.organisations()
			.stream()
			.filter((o) -> o.code().equals(code))
			.map(Organisation::id)
			.findFirst()
			.orElseThrow();
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
