package care.seamless.team;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SeamlessTest
class DirectoryNamesTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	DataSource dataSource;

	/**
	 * The names read of every plan and assessment summary (ADR 102): the same names as
	 * the directory's own reads, whichever ids are asked for, and planned once for all of
	 * them (a generic plan) instead of once a call for its ids.
	 */
	@Test
	void theNamesReadAnswersAsTheDirectoryAndKeepsOnePlanForEveryCallsIds() {
		OrganisationId council = fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE);
		OrganisationId trust = fixtures.organisation(OrganisationKind.NHS_COMMUNITY_TRUST);
		Fixtures.Staff worker = fixtures.practitioner(council, Profession.SOCIAL_WORKER);
		Fixtures.Staff nurse = fixtures.practitioner(trust, Profession.DISTRICT_NURSE);
		transaction.executeWithoutResult(status -> {
			PgConnection connection = connection();
			int threshold = connection.getPrepareThreshold();
			connection.setPrepareThreshold(1);
			try {
				List<Set<OrganisationId>> organisations = List.of(Set.of(council), Set.of(council, trust), Set.of(),
						Set.of(trust));
				List<Set<PractitionerId>> practitioners = List.of(Set.of(worker.practitionerId()), Set.of(),
						Set.of(worker.practitionerId(), nurse.practitionerId()), Set.of(nurse.practitionerId()));
				for (int call = 0; call < 12; call++) {
					Set<OrganisationId> asked = organisations.get(call % 4);
					Set<PractitionerId> people = practitioners.get(call % 4);
					DirectoryNames names = directory.names(asked, people);
					assertThat(names.organisations()).isEqualTo(directory.organisationNames(asked));
					assertThat(names.practitioners().keySet()).isEqualTo(people);
					people
						.forEach(id -> assertThat(names.practitioners().get(id)).isEqualTo(directory.practitioner(id)));
				}
				List<Map<String, Object>> prepared = jdbc
					.sql("select generic_plans, custom_plans from pg_prepared_statements "
							+ "where statement ~ '^\\s*select false as practitioner'")
					.query()
					.listOfRows();
				assertThat(prepared).as("one prepared text for every call's ids").hasSize(1);
				assertThat((Long) prepared.get(0).get("generic_plans")).as("the generic plan kept after five calls")
					.isGreaterThanOrEqualTo(5);
			}
			finally {
				connection.setPrepareThreshold(threshold);
			}
			status.setRollbackOnly();
		});
	}

	private PgConnection connection() {
		try {
			return DataSourceUtils.getConnection(dataSource).unwrap(PgConnection.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
