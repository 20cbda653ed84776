package care.seamless.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.referral.DeclineReason;
import care.seamless.referral.NewReferral;
import care.seamless.referral.ReferralId;
import care.seamless.referral.ReferralRefused;
import care.seamless.referral.Referrals;
import care.seamless.referral.SharingBasis;
import care.seamless.referral.Urgency;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;
import care.seamless.team.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Three referrals in different states, written through the referral module's API so the
 * access policy and the audit log hold for them: the GP practice to adult social care
 * (sent), a social worker to the community mental health team (acknowledged), and a
 * district nurse to housing (declined with signposting).
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoReferrals {

	private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

	private final Directory directory;

	private final People people;

	private final Referrals referrals;

	DemoReferrals(Directory directory, People people, Referrals referrals) {
		this.directory = directory;
		this.people = people;
		this.referrals = referrals;
	}

	@EventListener
	void on(DemoLoaded loaded) {
		refer("dr.khan", "Older people's team", Urgency.ROUTINE, "SEAM-OUT-01",
				"Struggling to prepare meals since her fall; her daughter is worried.");
		refer("sam.jones", "Older adults community mental health team", Urgency.URGENT, "SEAM-OUT-12",
				"Low mood and not eating; says she sees no point in going on.")
			.ifPresent(id -> answer("lucy.brown", id, false));
		refer("nina.patel", "Tenancy support", Urgency.ROUTINE, "SEAM-OUT-10",
				"Damp in the bedroom is making his breathing worse.")
			.ifPresent(id -> answer("kate.murphy", id, true));
	}

	private Optional<ReferralId> refer(String username, String toTeam, Urgency urgency, String reason, String text) {
		Actor referrer = actor(username);
		List<PersonSummary> caseload = people.caseload(referrer, 1).people();
		List<Team> mine = referrals.teamsOf(referrer);
		Optional<Team> to = directory.teams().stream().filter(t -> t.name().equals(toTeam)).findFirst();
		if (caseload.isEmpty() || mine.isEmpty() || to.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(
					referrals
						.refer(referrer,
								new NewReferral(caseload.get(0).id(), mine.get(0).id(), to.get().id(), reason, text,
										urgency, true, "Knows and agrees to the referral.", SharingBasis.CONSENT,
										EnumSet.of(DataCategory.GENERAL)),
								true)
						.id());
		}
		catch (ReferralRefused ex) {
			// The demo partnership's agreements decide; a refused referral is left out.
			log.info("Demo referral from {} not sent: {}", username, ex.getMessage());
			return Optional.empty();
		}
	}

	private void answer(String username, ReferralId id, boolean decline) {
		Actor actor = actor(username);
		long version = referrals.view(actor, id).version();
		if (decline) {
			referrals.decline(actor, id, version, DeclineReason.WRONG_SERVICE,
					"The landlord's repairs team deals with damp: Riverside Homes, 0300 123 4567.");
		}
		else {
			referrals.acknowledge(actor, id, version);
		}
	}

	private Actor actor(String username) {
		Account account = directory.accountForSignIn(username).orElseThrow();
		return new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
	}

}
