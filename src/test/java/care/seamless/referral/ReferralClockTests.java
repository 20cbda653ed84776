package care.seamless.referral;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import care.seamless.SeamlessTest;
import care.seamless.notification.Notifications;
import care.seamless.referral.ReferralWorld.World;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response clocks under a clock the test moves: targets in working time, bank
 * holidays skipped, a breach recorded and told to the holding team's managers once, and a
 * redirection that carries the clock on.
 */
@SeamlessTest
class ReferralClockTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	private static Instant london(String local) {
		return LocalDateTime.parse(local).atZone(LONDON).toInstant();
	}

	@Test
	void anUrgentReferralBreachesAfterFourWorkingHoursAndTheManagerIsToldOnce() throws InterruptedException {
		World w = worlds.create(true);
		MutableClock clock = new MutableClock(london("2026-03-11T10:00"));
		ReferralWorld.Timed timed = worlds.timed(clock);
		ReferralId id = timed
			.inTransaction(() -> timed.referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true))
			.id();
		ReferralView sent = referrals.view(w.gp().actor(), id);
		assertThat(sent.acknowledgeDue()).isEqualTo(london("2026-03-11T14:00"));
		assertThat(sent.acceptDue()).isEqualTo(london("2026-03-12T10:00"));

		clock.set(london("2026-03-11T13:59"));
		timed.inTransaction(timed.clocks::recordBreaches);
		assertThat(breaches(id)).isZero();

		clock.set(london("2026-03-11T14:00"));
		timed.inTransaction(timed.clocks::recordBreaches);
		timed.inTransaction(timed.clocks::recordBreaches);
		assertThat(breaches(id)).isEqualTo(1);
		assertThat(referrals.view(w.gp().actor(), id).acknowledgeBreached()).isTrue();
		assertThat(referrals.incoming(w.worker().actor(), Referrals.open())).filteredOn(s -> s.id().equals(id))
			.singleElement()
			.satisfies(s -> assertThat(s.breached()).isTrue());
		assertThat(referrals.outgoing(w.gp().actor(), Referrals.open())).filteredOn(s -> s.id().equals(id))
			.singleElement()
			.satisfies(s -> assertThat(s.breached()).isTrue());
		assertThat(waitForNotices(w, id, 1)).isEqualTo(1);
		// A later run records no second breach, so no second notice is published.
		timed.inTransaction(timed.clocks::recordBreaches);
		assertThat(breaches(id)).isEqualTo(1);
	}

	@Test
	void theScheduledRunOpensItsOwnTransaction() {
		// The scheduler calls the clocks with no transaction around them; the breach and
		// its audit entry must still be written (they once failed on every scheduled
		// run).
		World w = worlds.create(true);
		MutableClock clock = new MutableClock(london("2026-03-11T10:00"));
		ReferralWorld.Timed timed = worlds.timed(clock);
		ReferralId id = timed
			.inTransaction(() -> timed.referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true))
			.id();
		clock.set(london("2026-03-11T14:00"));
		assertThat(timed.clocks.recordBreaches()).isPositive();
		assertThat(breaches(id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'referral-breach' and record_id = :id")
			.param("id", id.id().toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aBacklogOfBreachesIsRecordedInShortTransactions() {
		World w = worlds.create(true);
		MutableClock clock = new MutableClock(london("2026-03-11T10:00"));
		ReferralWorld.Timed timed = worlds.timed(clock);
		List<ReferralId> sent = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sent.add(timed
				.inTransaction(
						() -> timed.referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true))
				.id());
		}
		// Past both targets: two breaches each, six in all, found two at a time.
		clock.set(london("2026-03-13T10:00"));
		timed.clocks.recordBreaches(2);
		List<Object> ids = sent.stream().map(id -> (Object) id.id()).toList();
		assertThat(jdbc.sql("select count(*) from referral.breach where referral_id in (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single()).isEqualTo(6);
		// Each transaction recorded at most two of them.
		assertThat(jdbc.sql("select count(distinct xmin::text) from referral.breach where referral_id in (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from audit.entry where action = 'referral-breach' and record_id in (:ids)")
			.param("ids", sent.stream().map(id -> (Object) id.id().toString()).toList())
			.query(Integer.class)
			.single()).isEqualTo(6);
	}

	@Test
	void bankHolidaysDoNotCountTowardsTheTarget() {
		World w = worlds.create(true);
		MutableClock clock = new MutableClock(london("2026-04-02T11:00"));
		ReferralWorld.Timed timed = worlds.timed(clock);
		ReferralId id = timed
			.inTransaction(
					() -> timed.referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true))
			.id();
		// Good Friday and Easter Monday 2026 are skipped: five working days end on the
		// Monday after.
		assertThat(referrals.view(w.gp().actor(), id).acknowledgeDue()).isEqualTo(london("2026-04-13T11:00"));
		clock.set(london("2026-04-10T16:59"));
		timed.inTransaction(timed.clocks::recordBreaches);
		assertThat(breaches(id)).isZero();
	}

	@Test
	void aRedirectionCarriesTheClockOnToTheNewTeam() {
		World w = worlds.create(true);
		World other = worlds.create(true);
		worlds.fixtures.agreement(java.util.Set.of(w.gp().organisationId(), other.manager().organisationId()),
				care.seamless.shared.DataCategory.GENERAL);
		MutableClock clock = new MutableClock(london("2026-03-11T10:00"));
		ReferralWorld.Timed timed = worlds.timed(clock);
		ReferralId id = timed
			.inTransaction(() -> timed.referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.URGENT), true))
			.id();
		clock.advance(Duration.ofHours(2));
		long version = referrals.view(w.gp().actor(), id).version();
		timed.inTransaction(() -> {
			timed.referrals.redirect(w.worker().actor(), id, version, other.manager().teamId(),
					"Lives in the neighbouring council's area");
			return null;
		});
		ReferralView redirected = referrals.view(w.gp().actor(), id);
		assertThat(redirected.holder()).isEqualTo(other.manager().teamId());
		assertThat(redirected.acknowledgeDue()).isEqualTo(london("2026-03-11T14:00"));

		clock.set(london("2026-03-11T14:30"));
		timed.inTransaction(timed.clocks::recordBreaches);
		assertThat(jdbc.sql("select team_id from referral.breach where referral_id = :id")
			.param("id", id.id())
			.query(java.util.UUID.class)
			.list()).containsExactly(other.manager().teamId().id());
	}

	private int breaches(ReferralId id) {
		return jdbc.sql("select count(*) from referral.breach where referral_id = :id")
			.param("id", id.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Breach notices are written after the commit by a listener: polls with a deadline
	 * until at least {@code expected} arrive, then returns how many there are.
	 */
	private long waitForNotices(World w, ReferralId id, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		long count = 0;
		while (System.nanoTime() < deadline) {
			count = notifications.inbox(w.manager().actor())
				.stream()
				.filter(n -> n.link().equals("/referrals/" + id.id()) && n.kind().startsWith("referral.breach"))
				.count();
			if (count >= expected) {
				return count;
			}
			Thread.sleep(50);
		}
		return count;
	}

}
