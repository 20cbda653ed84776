package care.seamless.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import care.seamless.SeamlessTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conflict rule on its own: the SQL function {@code consent.effective_choice}. Each
 * row inserts a person's choices directly (dates relative to the database's today) and
 * asks for the effective choice of viewer organisation V and category MENTAL_HEALTH.
 * Organisation scopes: {@code "V"} the viewer's, {@code "X"} another, null all.
 */
@SeamlessTest
class EffectiveChoiceTests {

	/**
	 * One stored choice; days are relative to today, {@code order} the recording order.
	 */
	record Stored(String kind, @Nullable String org, @Nullable String category, int from, @Nullable Integer expires,
			boolean withdrawn) {

		static Stored of(String kind, int from) {
			return new Stored(kind, null, null, from, null, false);
		}

		Stored toOrg(String o) {
			return new Stored(kind, o, category, from, expires, withdrawn);
		}

		Stored inCategory(String c) {
			return new Stored(kind, org, c, from, expires, withdrawn);
		}

		Stored expiresIn(int days) {
			return new Stored(kind, org, category, from, days, withdrawn);
		}

		Stored asWithdrawn() {
			return new Stored(kind, org, category, from, expires, true);
		}

	}

	record Case(String name, List<Stored> choices, @Nullable String expected) {

		@java.lang.Override
		public String toString() {
			return name;
		}

	}

	static Stream<Arguments> cases() {
		return Stream
			.<Case>of(new Case("no choices: nothing (implied consent for direct care)", List.of(), null),
					new Case("one consent", List.of(Stored.of("CONSENT", -3)), "CONSENT"),
					new Case("one objection", List.of(Stored.of("OBJECTION", -3)), "OBJECTION"),
					new Case("objection and consent on the same date: objection wins",
							List.of(Stored.of("OBJECTION", -3), Stored.of("CONSENT", -3)), "OBJECTION"),
					new Case("consent recorded first, objection later, same date: objection wins",
							List.of(Stored.of("CONSENT", -3), Stored.of("OBJECTION", -3)), "OBJECTION"),
					new Case("dissent and consent on the same date: dissent wins",
							List.of(Stored.of("CONSENT", -3), Stored.of("DISSENT", -3)), "DISSENT"),
					new Case("later consent after an earlier objection: consent wins",
							List.of(Stored.of("OBJECTION", -10), Stored.of("CONSENT", -3)), "CONSENT"),
					new Case("later objection after an earlier consent: objection wins",
							List.of(Stored.of("CONSENT", -10), Stored.of("OBJECTION", -3)), "OBJECTION"),
					new Case("later consent recorded before the earlier-dated objection: the date decides",
							List.of(Stored.of("CONSENT", -3), Stored.of("OBJECTION", -10)), "CONSENT"),
					new Case("withdrawn objection is ignored",
							List.of(Stored.of("CONSENT", -10), Stored.of("OBJECTION", -3).asWithdrawn()), "CONSENT"),
					new Case("withdrawn consent leaves nothing", List.of(Stored.of("CONSENT", -3).asWithdrawn()), null),
					new Case(
							"consent expired yesterday is ignored", List.of(Stored.of("CONSENT", -10).expiresIn(-1)),
							null),
					new Case("consent expiring today is ignored", List.of(Stored.of("CONSENT", -10).expiresIn(0)),
							null),
					new Case("consent expiring tomorrow applies", List.of(Stored.of("CONSENT", -10).expiresIn(1)),
							"CONSENT"),
					new Case("expired later objection gives way to the older consent",
							List.of(Stored.of("CONSENT", -10), Stored.of("OBJECTION", -5).expiresIn(-1)), "CONSENT"),
					new Case("future-dated consent is not in force", List.of(Stored.of("CONSENT", 1)), null),
					new Case("consent dated today is in force", List.of(Stored.of("CONSENT", 0)), "CONSENT"),
					new Case("future-dated objection does not yet displace consent",
							List.of(Stored.of("CONSENT", -10), Stored.of("OBJECTION", 2)), "CONSENT"),
					new Case("consent scoped to the viewer's organisation applies",
							List.of(Stored.of("CONSENT", -3).toOrg("V")), "CONSENT"),
					new Case("consent scoped to another organisation is ignored",
							List.of(Stored.of("CONSENT", -3).toOrg("X")), null),
					new Case("objection to another organisation does not displace general consent",
							List.of(Stored.of("CONSENT", -10), Stored.of("OBJECTION", -3).toOrg("X")), "CONSENT"),
					new Case("consent scoped to the category applies",
							List.of(Stored.of("CONSENT", -3).inCategory("MENTAL_HEALTH")), "CONSENT"),
					new Case("consent scoped to another category is ignored",
							List.of(Stored.of("CONSENT", -3).inCategory("HIV")), null),
					new Case("newer general objection beats an older specific consent",
							List.of(Stored.of("CONSENT", -10).toOrg("V").inCategory("MENTAL_HEALTH"),
									Stored.of("OBJECTION", -3)),
							"OBJECTION"),
					new Case("newer specific consent beats an older general objection",
							List.of(Stored.of("OBJECTION", -10),
									Stored.of("CONSENT", -3).toOrg("V").inCategory("MENTAL_HEALTH")),
							"CONSENT"))
			.map(Arguments::of);
	}

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void resolvesConflictsByDateThenObjectionFirst(Case c) {
		UUID person = UUID.randomUUID();
		UUID viewerOrg = UUID.randomUUID();
		UUID otherOrg = UUID.randomUUID();
		LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
		Instant recorded = Instant.parse("2026-01-01T09:00:00Z");
		for (Stored s : c.choices()) {
			recorded = recorded.plusSeconds(60);
			UUID org = s.org() == null ? null : s.org().equals("V") ? viewerOrg : otherOrg;
			jdbc.sql(
					"""
							insert into consent.choice (id, person_id, kind, organisation_id, category, how_given, effective_from,
							       expires_on, recorded_by, recorded_at, withdrawn_at, withdrawn_by)
							values (:id, :person, :kind, :org, :category, 'VERBAL', :from, :expires, 'table-test', :recorded,
							        :withdrawnAt, :withdrawnBy)
							""")
				.param("id", UUID.randomUUID())
				.param("person", person)
				.param("kind", s.kind())
				.param("org", org)
				.param("category", s.category())
				.param("from", today.plusDays(s.from()))
				.param("expires", s.expires() == null ? null : today.plusDays(s.expires()))
				.param("recorded", OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC))
				.param("withdrawnAt", s.withdrawn() ? OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC) : null)
				.param("withdrawnBy", s.withdrawn() ? "table-test" : null)
				.update();
		}

		String effective = jdbc.sql("select consent.effective_choice(:person, :viewer, 'MENTAL_HEALTH')")
			.param("person", person)
			.param("viewer", viewerOrg)
			.query(String.class)
			.list()
			.get(0);

		assertThat(effective).isEqualTo(c.expected());
	}

}
