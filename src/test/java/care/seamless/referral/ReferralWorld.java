package care.seamless.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessGrants;
import care.seamless.consent.AccessPolicy;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PersonId;
import care.seamless.shared.Profession;
import care.seamless.shared.Role;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.team.OrganisationKind;
import care.seamless.terminology.Terminology;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds referral worlds for tests: a GP practice and a council with a direct-care
 * agreement for general information, a referrer who leads the person's care team, and a
 * receiving team with a manager and a worker. Also builds the referral services over a
 * clock the test controls, each call in its own transaction.
 */
@Component
class ReferralWorld {

	static final String REASON = "SEAM-OUT-01";

	final Fixtures fixtures;

	private final ReferralRepository repository;

	private final Directory directory;

	private final CareTeams careTeams;

	private final AccessPolicy accessPolicy;

	private final AccessGrants grants;

	private final AuditLog auditLog;

	private final Terminology terminology;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final SendableItems sendable;

	ReferralWorld(Fixtures fixtures, ReferralRepository repository, Directory directory, CareTeams careTeams,
			AccessPolicy accessPolicy, AccessGrants grants, AuditLog auditLog, Terminology terminology,
			WorkingCalendar calendar, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			SendableItems sendable) {
		this.sendable = sendable;
		this.fixtures = fixtures;
		this.repository = repository;
		this.directory = directory;
		this.careTeams = careTeams;
		this.accessPolicy = accessPolicy;
		this.grants = grants;
		this.auditLog = auditLog;
		this.terminology = terminology;
		this.calendar = calendar;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	record World(Staff gp, Staff manager, Staff worker, PersonId person) {
	}

	World create(boolean agreement) {
		var practice = fixtures.organisation(OrganisationKind.GP_PRACTICE);
		var council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		Staff gp = fixtures.practitioner(practice, Profession.GP);
		var team = directory.createTeam(fixtures.admin, council, Fixtures.unique("Adult social care "));
		Staff manager = fixtures.practitionerIn(council, team, Profession.SOCIAL_WORKER, true, Role.PRACTITIONER,
				Role.TEAM_MANAGER);
		Staff worker = fixtures.practitionerIn(council, team, Profession.SOCIAL_WORKER, false);
		if (agreement) {
			fixtures.agreement(Set.of(practice, council), DataCategory.GENERAL);
		}
		return new World(gp, manager, worker, fixtures.person(Fixtures.unique("Referred"), gp));
	}

	static NewReferral referral(World w, Urgency urgency) {
		return new NewReferral(w.person(), w.gp().teamId(), w.manager().teamId(), REASON,
				"Struggling with meals since her fall", urgency, true, "Knows and agrees to a social care assessment",
				SharingBasis.CONSENT, EnumSet.of(DataCategory.GENERAL));
	}

	/** The referral services over {@code clock}, each call in its own transaction. */
	final class Timed {

		final Referrals referrals;

		final ReferralClocks clocks;

		Timed(Clock clock) {
			this.referrals = new Referrals(repository, directory, careTeams, accessPolicy, grants, auditLog,
					terminology, calendar, events, clock, Duration.ofDays(30), sendable);
			this.clocks = new ReferralClocks(repository, directory, auditLog, events, clock, transactions);
		}

		<T> T inTransaction(Supplier<T> work) {
			return transactions.execute(status -> work.get());
		}

	}

	Timed timed(Clock clock) {
		return new Timed(clock);
	}

}
