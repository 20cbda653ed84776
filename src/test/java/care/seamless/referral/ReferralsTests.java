package care.seamless.referral;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.seamless.SeamlessTest;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.referral.ReferralWorld.World;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeams;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SeamlessTest
class ReferralsTests {

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	CareTeams careTeams;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Choices choices;

	@Autowired
	JdbcClient jdbc;

	@Test
	void followsALifecycleWhereEveryStepIsTimedAuditedAndTheOwnerJoinsTheCareTeam() {
		World w = worlds.create(true);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();
		ReferralView sent = referrals.view(w.gp().actor(), id);
		assertThat(sent.status()).isEqualTo(ReferralStatus.SENT);
		assertThat(sent.holder()).isEqualTo(w.manager().teamId());
		assertThat(sent.acknowledgeDue()).isAfter(sent.sentAt());
		assertThat(sent.acceptDue()).isAfter(sent.acknowledgeDue());

		referrals.acknowledge(w.worker().actor(), id, sent.version());
		referrals.accept(w.worker().actor(), id, sent.version() + 1, w.worker().practitionerId());

		ReferralView accepted = referrals.view(w.gp().actor(), id);
		assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
		assertThat(accepted.ownerName()).isNotBlank();
		assertThat(accepted.acknowledgedAt()).isNotNull();
		assertThat(accepted.decidedAt()).isNotNull();
		assertThat(accepted.history()).extracting(ReferralView.History::step)
			.containsExactly(ReferralStep.CREATE, ReferralStep.SEND, ReferralStep.ACKNOWLEDGE, ReferralStep.ACCEPT);
		assertThat(careTeams.isCurrentMember(w.person(), w.worker().practitionerId())).isTrue();
		assertThat(auditLog.historyOf(w.person(), 200)).extracting(e -> e.action())
			.contains("referral-create", "referral-send", "referral-acknowledge", "referral-accept");

		referrals.complete(w.worker().actor(), id, accepted.version(), "Reablement arranged for six weeks");
		assertThat(referrals.view(w.gp().actor(), id).status()).isEqualTo(ReferralStatus.COMPLETED);
	}

	@Test
	void refusesEveryBadInputAtOnceAndSavesNothing() {
		World w = worlds.create(true);
		NewReferral bad = new NewReferral(w.person(), w.gp().teamId(), new TeamId(UUID.randomUUID()), null,
				"Needs help\u0000now", null, false, " ", SharingBasis.CONSENT, Set.of());
		ReferralRefused refused = catchThrowableOfType(ReferralRefused.class,
				() -> referrals.refer(w.gp().actor(), bad, true));
		assertThat(refused.problems()).extracting(ReferralRefused.Problem::field)
			.containsExactlyInAnyOrder("toTeam", "reasonCode", "reasonText", "personView", "urgency");
		assertThat(referralsOf(w)).isZero();
	}

	@Test
	void refusesAReferralToTheReferrersOwnTeam() {
		World w = worlds.create(true);
		NewReferral own = new NewReferral(w.person(), w.gp().teamId(), w.gp().teamId(), ReferralWorld.REASON, "Reason",
				Urgency.URGENT, true, "Agrees", SharingBasis.CONSENT, Set.of());
		ReferralRefused refused = catchThrowableOfType(ReferralRefused.class,
				() -> referrals.refer(w.gp().actor(), own, true));
		assertThat(refused.problems()).extracting(ReferralRefused.Problem::message)
			.containsExactly("You cannot refer to your own team");
	}

	@Test
	void refusesWhatNoAgreementCoversAndSavesNothing() {
		World w = worlds.create(false);
		ReferralRefused refused = catchThrowableOfType(ReferralRefused.class,
				() -> referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true));
		assertThat(refused.problems()).singleElement()
			.satisfies(p -> assertThat(p.message()).contains("cannot be sent").contains("agreement"));
		assertThat(referralsOf(w)).isZero();
	}

	@Test
	void refusesWhenThePersonObjectsUnlessSharedUnderSafeguarding() {
		World w = worlds.create(true);
		choices.record(w.gp().actor(), w.person(), new NewChoice(ChoiceKind.OBJECTION, w.manager().organisationId(),
				null, HowGiven.VERBAL, java.time.LocalDate.now().minusDays(1), null, null));
		ReferralRefused refused = catchThrowableOfType(ReferralRefused.class,
				() -> referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true));
		assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("request"));

		NewReferral safeguarding = new NewReferral(w.person(), w.gp().teamId(), w.manager().teamId(),
				ReferralWorld.REASON, "Signs of neglect", Urgency.URGENT, false, "Not told: it would increase the risk",
				SharingBasis.SAFEGUARDING, EnumSet.of(DataCategory.GENERAL));
		ReferralId id = referrals.refer(w.gp().actor(), safeguarding, true).id();
		assertThat(auditLog.historyOf(w.person(), 50)).filteredOn(e -> e.action().equals("referral-create"))
			.singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("safeguarding"));
		assertThat(referrals.view(w.gp().actor(), id).basis()).isEqualTo(SharingBasis.SAFEGUARDING);
	}

	@Test
	void refusesStepsTheStateDoesNotAllow() {
		World w = worlds.create(true);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true).id();
		long version = referrals.view(w.gp().actor(), id).version();
		referrals.withdraw(w.gp().actor(), id, version, "Admitted to hospital");
		assertThatThrownBy(() -> referrals.accept(w.worker().actor(), id, version + 1, w.worker().practitionerId()))
			.isInstanceOf(StepNotAllowed.class)
			.hasMessageContaining("withdrawn");
		assertThatThrownBy(() -> referrals.acknowledge(w.gp().actor(), id, version + 1))
			.isInstanceOf(StepNotAllowed.class);
	}

	@Test
	void refusesADeclineWithoutAReasonAndAnAcceptanceWithoutAnOwnerFromTheTeam() {
		World w = worlds.create(true);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true).id();
		long version = referrals.view(w.gp().actor(), id).version();
		ReferralRefused decline = catchThrowableOfType(ReferralRefused.class,
				() -> referrals.decline(w.worker().actor(), id, version, null, ""));
		assertThat(decline.problems()).extracting(ReferralRefused.Problem::field)
			.containsExactly("declineReason", "signposting");
		assertThatThrownBy(() -> referrals.accept(w.worker().actor(), id, version, w.gp().practitionerId()))
			.isInstanceOf(ReferralRefused.class);
		assertThat(referrals.view(w.gp().actor(), id).status()).isEqualTo(ReferralStatus.SENT);
	}

	@Test
	void acceptsOnceWhenTwoPeopleAcceptAtTheSameMoment() throws Exception {
		World w = worlds.create(true);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true).id();
		long version = referrals.view(w.gp().actor(), id).version();
		CountDownLatch start = new CountDownLatch(1);
		Callable<Boolean> accept = () -> {
			start.await();
			try {
				referrals.accept(w.worker().actor(), id, version, w.worker().practitionerId());
				return true;
			}
			catch (ConcurrentEditException ex) {
				return false;
			}
		};
		Callable<Boolean> otherAccept = () -> {
			start.await();
			try {
				referrals.accept(w.manager().actor(), id, version, w.manager().practitionerId());
				return true;
			}
			catch (ConcurrentEditException ex) {
				return false;
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			results.add(pool.submit(accept));
			results.add(pool.submit(otherAccept));
			start.countDown();
			List<Boolean> outcomes = new ArrayList<>();
			for (Future<Boolean> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		ReferralView after = referrals.view(w.gp().actor(), id);
		assertThat(after.history()).filteredOn(h -> h.step() == ReferralStep.ACCEPT).hasSize(1);
		assertThat(after.version()).isEqualTo(version + 1);
	}

	@Test
	void warnsOfAnOpenReferralOfTheSamePersonToTheSameTeam() {
		World w = worlds.create(true);
		ReferralId first = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();
		Referrals.Referred second = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true);
		assertThat(second.duplicateOf()).contains(first);
	}

	private long referralsOf(World w) {
		return jdbc.sql("select count(*) from referral.referral where person_id = :p")
			.param("p", w.person().id())
			.query(Long.class)
			.single();
	}

}
