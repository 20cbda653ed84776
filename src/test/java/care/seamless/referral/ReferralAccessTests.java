package care.seamless.referral;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessPolicy;
import care.seamless.person.AlertKind;
import care.seamless.person.Alerts;
import care.seamless.person.DocumentKind;
import care.seamless.person.Documents;
import care.seamless.referral.ReferralWorld.World;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiving team's access as a decision table: the referral's stage × who reads ×
 * which category, each row on a fresh world through the public APIs, checked by the
 * single-item decision and by whether the incoming list names the person (the list's rule
 * in SQL).
 */
@SeamlessTest
class ReferralAccessTests {

	enum Stage {

		PENDING, DECLINED, ACCEPTED, REDIRECTED_AWAY

	}

	enum Reader {

		/** A worker in the team holding (or that held) the referral. */
		HOLDING_TEAM_WORKER,
		/** The worker named owner on acceptance. */
		OWNER,
		/** A colleague of the same council in another team. */
		OTHER_TEAM_COLLEAGUE

	}

	@Autowired
	ReferralWorld worlds;

	@Autowired
	Referrals referrals;

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	Documents documents;

	@Autowired
	Alerts alerts;

	static Stream<Arguments> rows() {
		return Stream.of(
				// While pending, the team reads what was sent (the chosen items, by name)
				// and nothing else: not even the rest of the categories sent.
				Arguments.of(Stage.PENDING, Reader.HOLDING_TEAM_WORKER, DataCategory.GENERAL, false),
				Arguments.of(Stage.PENDING, Reader.HOLDING_TEAM_WORKER, DataCategory.FINANCES, false),
				Arguments.of(Stage.PENDING, Reader.OTHER_TEAM_COLLEAGUE, DataCategory.GENERAL, false),
				// A decision ends the grant.
				Arguments.of(Stage.DECLINED, Reader.HOLDING_TEAM_WORKER, DataCategory.GENERAL, false),
				// On acceptance the owner is in the care team; the rest of the team is
				// not.
				Arguments.of(Stage.ACCEPTED, Reader.OWNER, DataCategory.GENERAL, true),
				Arguments.of(Stage.ACCEPTED, Reader.HOLDING_TEAM_WORKER, DataCategory.GENERAL, false),
				// Passed on: the first team loses access.
				Arguments.of(Stage.REDIRECTED_AWAY, Reader.HOLDING_TEAM_WORKER, DataCategory.GENERAL, false));
	}

	/**
	 * The rows above as the record's own pages read them: a document and an alert of the
	 * category the referral sent, neither of them sent, are withheld from the pending
	 * team (the record itself opens, and the incoming list names the person); once
	 * accepted, the owner reads both.
	 */
	@Test
	void aPendingTeamReadsNoDocumentOrAlertThatWasNotSent() {
		World w = worlds.create(true);
		UUID document = documents.upload(w.gp().actor(), w.person(), "Letter from the memory clinic",
				DocumentKind.LETTER, DataCategory.GENERAL, "%PDF-1.4 not sent".getBytes(StandardCharsets.US_ASCII));
		UUID alert = alerts.raise(w.gp().actor(), w.person(), AlertKind.KEY_SAFE, "Key safe code with the GP");
		Staff owner = worlds.fixtures.practitionerIn(w.manager().organisationId(), w.manager().teamId(),
				Profession.SOCIAL_WORKER, false);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();

		assertThat(accessPolicy.decideRecord(w.worker().actor(), w.person()).permitted()).isTrue();
		assertThat(documents.current(w.worker().actor(), w.person()).documents()).isEmpty();
		assertThat(alerts.current(w.worker().actor(), w.person()).alerts()).isEmpty();

		referrals.accept(w.worker().actor(), id, referrals.view(w.gp().actor(), id).version(), owner.practitionerId());
		assertThat(documents.current(owner.actor(), w.person()).documents()).extracting(d -> d.id())
			.containsExactly(document);
		assertThat(alerts.current(owner.actor(), w.person()).alerts()).extracting(a -> a.id()).containsExactly(alert);
	}

	@ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
	@MethodSource("rows")
	void receivingTeamAccess(Stage stage, Reader reader, DataCategory category, boolean visible) {
		World w = worlds.create(true);
		worlds.fixtures.agreement(java.util.Set.of(w.gp().organisationId(), w.manager().organisationId()),
				DataCategory.FINANCES);
		Staff owner = worlds.fixtures.practitionerIn(w.manager().organisationId(), w.manager().teamId(),
				Profession.SOCIAL_WORKER, false);
		Staff colleague = worlds.fixtures.practitioner(w.manager().organisationId(), Profession.SOCIAL_WORKER);
		ReferralId id = referrals.refer(w.gp().actor(), ReferralWorld.referral(w, Urgency.ROUTINE), true).id();
		long version = referrals.view(w.gp().actor(), id).version();
		switch (stage) {
			case PENDING -> {
			}
			case DECLINED -> referrals.decline(w.worker().actor(), id, version, DeclineReason.NOT_ELIGIBLE,
					"Try the voluntary sector befriending service");
			case ACCEPTED -> referrals.accept(w.worker().actor(), id, version, owner.practitionerId());
			case REDIRECTED_AWAY -> {
				World other = worlds.create(true);
				worlds.fixtures.agreement(java.util.Set.of(w.gp().organisationId(), other.manager().organisationId()),
						DataCategory.GENERAL);
				referrals.redirect(w.worker().actor(), id, version, other.manager().teamId(), "Out of area");
			}
		}
		Staff who = switch (reader) {
			case HOLDING_TEAM_WORKER -> w.worker();
			case OWNER -> owner;
			case OTHER_TEAM_COLLEAGUE -> colleague;
		};
		AccessDecision decision = accessPolicy.decide(who.actor(), w.person(), category, w.gp().organisationId());
		assertThat(decision.permitted()).isEqualTo(visible);
		if (reader == Reader.HOLDING_TEAM_WORKER && stage != Stage.REDIRECTED_AWAY) {
			assertThat(referrals.incoming(who.actor(), java.util.EnumSet.allOf(ReferralStatus.class)))
				.filteredOn(s -> s.id().equals(id))
				.singleElement()
				.satisfies(s -> assertThat(s.personName() != null).isEqualTo(stage == Stage.PENDING));
		}
	}

}
