package care.seamless;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A failed statement's message is what reaches the log, so it must not quote the row it
 * refused (a person's NHS number on a duplicate, say), while the code that turns the
 * failure into a clear answer can still see which constraint it was.
 */
@SeamlessTest
class ErrorDetailTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRefusedRowsValuesStayOutOfTheMessageButTheConstraintIsKnown() {
		String personal = "Zoë Ní Bhriain 943 476 5919";
		JdbcClient db = JdbcClient.create(dataSource);
		DataIntegrityViolationException refused = catchThrowableOfType(DataIntegrityViolationException.class,
				() -> transactions.executeWithoutResult(status -> {
					db.sql("create temporary table error_detail (v text constraint error_detail_once unique) on commit drop")
						.update();
					db.sql("insert into error_detail values (?)").param(personal).update();
					db.sql("insert into error_detail values (?)").param(personal).update();
				}));

		assertThat(refused).isNotNull();
		for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain("Zoë").doesNotContain("5919");
		}
		PSQLException postgres = (PSQLException) refused.getMostSpecificCause();
		assertThat(postgres.getServerErrorMessage().getConstraint()).isEqualTo("error_detail_once");
		assertThat(postgres.getServerErrorMessage().getDetail()).contains("Zoë");
	}

}
