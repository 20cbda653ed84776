package care.seamless.notification;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import care.seamless.Fixtures;
import care.seamless.Fixtures.Staff;
import care.seamless.SeamlessTest;
import care.seamless.consent.SqlCondition;
import care.seamless.notification.NoticeEmailRepository.EmailState.Status;
import care.seamless.shared.Profession;
import care.seamless.team.OrganisationKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice tables partitioned by month (V230) and the job that creates months ahead.
 */
@SeamlessTest
class NoticePartitionsTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Notifications notifications;

	@Autowired
	NoticeRepository notices;

	@Autowired
	NoticeEmailRepository outbox;

	@Autowired
	NoticePartitions partitions;

	@Autowired
	NoticePartitionRepository partitionRepository;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aNoticeLandsInItsMonthAndTheMonthsAheadExistFromStart() {
		Staff reader = staff();
		YearMonth now = YearMonth.now(ZoneOffset.UTC);

		notifications.send(reader.practitionerId(), "careplan.objective_added", "/people");

		UUID id = notices.inbox(reader.practitionerId(), 10, SqlCondition.never()).get(0).notice().id();
		assertThat(partitionOf("notice", "id", id)).isEqualTo("notification.notice_" + suffix(now));
		for (int i = 0; i <= NoticePartitions.MONTHS_AHEAD; i++) {
			String month = suffix(now.plusMonths(i));
			assertThat(partitionRepository.partitions("notice")).contains("notice_" + month);
			assertThat(partitionRepository.partitions("email")).contains("email_" + month);
			assertThat(partitionRepository.partitions("person_side_notice")).contains("person_side_notice_" + month);
		}
	}

	@Test
	void aMonthCreatedLaterTakesItsRowsOutOfTheDefaultPartitionAndEverythingStillReadsThem() {
		Staff reader = staff();
		YearMonth month = YearMonth.of(2091, 3);
		Instant at = month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC);
		UUID id = notices.insert(reader.practitionerId(), "careplan.objective_added", "/people", at, null, null);
		outbox.enqueue(id, at, at);
		assertThat(partitionOf("notice", "id", id)).isEqualTo("notification.notice_default");
		assertThat(partitionOf("email", "notice_id", id)).isEqualTo("notification.email_default");

		assertThat(partitions.ensureAhead(month)).isTrue();

		assertThat(partitionOf("notice", "id", id)).isEqualTo("notification.notice_y2091m03");
		assertThat(partitionOf("email", "notice_id", id)).isEqualTo("notification.email_y2091m03");
		assertThat(partitionRepository.partitions("notice")).contains("notice_y2091m06");
		assertThat(notices.unread(reader.practitionerId())).isEqualTo(1);
		assertThat(notices.inbox(reader.practitionerId(), 10, SqlCondition.never())).extracting(r -> r.notice().id())
			.containsExactly(id);
		assertThat(outbox.state(id)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(Status.PENDING));
		assertThat(notices.markRead(reader.practitionerId(), id, at)).hasValue("/people");
		assertThat(notices.unread(reader.practitionerId())).isZero();
		// Every outbox row still names its notice after the move.
		assertThat(jdbc
			.sql("select count(*) from notification.email e where not exists (select 1 from "
					+ "notification.notice n where n.id = e.notice_id and n.created_at = e.notice_created_at)")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void whileAnotherNodeHoldsTheLockThisOneCreatesNothing() throws Exception {
		YearMonth month = YearMonth.of(2095, 1);
		try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
			statement.execute("select pg_advisory_lock(" + NoticePartitionRepository.LOCK_KEY + ")");
			try {
				assertThat(partitions.ensureAhead(month)).isFalse();
				assertThat(partitionRepository.partitions("notice")).doesNotContain("notice_y2095m01");
			}
			finally {
				statement.execute("select pg_advisory_unlock(" + NoticePartitionRepository.LOCK_KEY + ")");
			}
		}
		assertThat(partitions.ensureAhead(month)).isTrue();
		assertThat(partitionRepository.partitions("notice")).contains("notice_y2095m01", "notice_y2095m04");
	}

	private Staff staff() {
		return fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
	}

	private String partitionOf(String table, String idColumn, UUID id) {
		return jdbc.sql("select tableoid::regclass::text from notification." + table + " where " + idColumn + " = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	private static String suffix(YearMonth month) {
		return String.format("y%04dm%02d", month.getYear(), month.getMonthValue());
	}

}
