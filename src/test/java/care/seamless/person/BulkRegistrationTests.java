package care.seamless.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditLog;
import care.seamless.shared.PersonId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file too big for one insert goes straight into the register by COPY (ADR 65), with
 * the NHS-number rules of one at a time; for a first load its secondary indexes are
 * dropped and built again in the same transaction, so none is missing afterwards.
 */
@SeamlessTest
class BulkRegistrationTests {

	private static final String INDEXES = """
			select string_agg(indexname, ',' order by indexname) from pg_indexes
			where schemaname = 'person' and tablename = 'person'""";

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	@Autowired
	BulkRegistrationRepository repository;

	@Autowired
	BulkRegistrations registrations;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aFileIsCopiedInWithTheNhsNumberRulesAndItsIndexesBuiltAgain() {
		String held = Fixtures.nextNhsNumber();
		PersonId holder = people.register(fixtures.admin,
				Fixtures.details("Ada", Fixtures.unique("Holder"), LocalDate.of(1950, 1, 2), held));
		String twice = Fixtures.nextNhsNumber();
		String family = Fixtures.unique("Copied");
		List<PersonDetails> file = new ArrayList<>();
		List<PersonId> ids = new ArrayList<>();
		for (int i = 0; i < BulkRegistrationRepository.FEW + 50; i++) {
			String nhs = switch (i) {
				case 3 -> held;
				case 7, 9 -> twice;
				default -> i % 2 == 0 ? Fixtures.nextNhsNumber() : null;
			};
			file.add(Fixtures.details("Given" + i, family, LocalDate.of(1960, 1, 1).plusDays(i), nhs));
			ids.add(PersonId.timeOrdered(Instant.now()));
		}
		String indexesBefore = jdbc.sql(INDEXES).query(String.class).single();

		transactions.executeWithoutResult(tx -> {
			// Rebuilt and the register's numbers read whole, as for a first load.
			Map<Integer, PersonId> same = repository.register(ids, file, fixtures.admin.organisationId(), true, true);

			// The held number stays with its holder; within the file the first keeps it.
			assertThat(same).containsOnly(Map.entry(3, holder), Map.entry(9, ids.get(7)));
			assertThat(jdbc.sql(INDEXES).query(String.class).single()).isEqualTo(indexesBefore);
			assertThat(jdbc.sql("select count(*) from person.person where lower(family_name) = lower(:family)")
				.param("family", family)
				.query(Long.class)
				.single()).isEqualTo(file.size());
			assertThat(numberOf(ids.get(3))).isEqualTo("none");
			assertThat(numberOf(ids.get(7))).isEqualTo(twice);
			assertThat(numberOf(ids.get(9))).isEqualTo("none");
			assertThat(numberOf(ids.get(0))).isEqualTo(file.get(0).nhsNumber());
			// The rows exist only in this transaction; leave the shared register as it
			// was.
			tx.setRollbackOnly();
		});

		assertThat(jdbc.sql(INDEXES).query(String.class).single()).isEqualTo(indexesBefore)
			.contains("person_by_family_name_and_birth");
	}

	/**
	 * The ids are given out ascending in NHS-number order (ADR 72), each still to its own
	 * person, and each person has their own audit entry of being registered, as one at a
	 * time.
	 */
	@Test
	void aBigListGetsItsIdsInNhsNumberOrderAndEveryoneTheirOwnAuditEntry() {
		String family = Fixtures.unique("Ordered");
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < BulkRegistrationRepository.FEW + 50; i++) {
			numbers.add(Fixtures.nextNhsNumber());
		}
		List<PersonDetails> file = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			// Numbers from last to first, every fifth person without one.
			String nhs = i % 5 == 4 ? null : numbers.get(numbers.size() - 1 - i);
			file.add(Fixtures.details("Given" + i, family, LocalDate.of(1970, 1, 1).plusDays(i), nhs));
		}

		List<PersonId> ids = transactions.execute(tx -> registrations.registerImported(fixtures.admin, file))
			.registered()
			.ids();

		for (int i = 0; i < file.size(); i += 7) {
			assertThat(jdbc.sql("select given_name from person.person where id = :id")
				.param("id", ids.get(i).id())
				.query(String.class)
				.single()).isEqualTo("Given" + i);
		}
		List<String> byNumber = jdbc.sql("""
				select id::text from person.person where family_name = :family
				order by nhs_number nulls last, date_of_birth""").param("family", family).query(String.class).list();
		assertThat(byNumber).isSorted().hasSize(file.size());
		List<java.util.UUID> created = jdbc.sql("""
				select person_id from audit.entry
				where action = 'create' and record_type = 'Person' and account = :account
				  and person_id in (select id from person.person where family_name = :family)""")
			.param("account", fixtures.admin.username())
			.param("family", family)
			.query(java.util.UUID.class)
			.list();
		assertThat(created).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(ids.stream().map(PersonId::id).toList());
		// One statement registered them all, so one time (ADR 79); each is still found
		// by their own access history.
		assertThat(jdbc.sql("""
				select count(distinct occurred_at) from audit.entry
				where action = 'create' and person_id in (select id from person.person where family_name = :family)""")
			.param("family", family)
			.query(Long.class)
			.single()).isEqualTo(1);
		for (int i = 0; i < ids.size(); i += 50) {
			assertThat(auditLog.historyOf(ids.get(i), 5)).extracting(AuditEntry::action, AuditEntry::account)
				.contains(org.assertj.core.groups.Tuple.tuple("create", fixtures.admin.username()));
		}
	}

	private String numberOf(PersonId id) {
		return jdbc.sql("select coalesce(nhs_number, 'none') from person.person where id = :id")
			.param("id", id.id())
			.query(String.class)
			.single();
	}

}
