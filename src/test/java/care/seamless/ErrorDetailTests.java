package care.seamless;

import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.annotation.PersistenceExceptionTranslationAdvisor;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
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

	@Autowired
	ApplicationContext context;

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

	/*
	 * The failures above reach the code as Spring's DataAccessExceptions from JdbcClient
	 * itself. Spring Boot's exception translation would also wrap every @Repository bean
	 * in a proxy that hands its exceptions to the context's
	 * PersistenceExceptionTranslators: with JDBC alone there are none, so it changed
	 * nothing but cost a generated class per repository at start and an interceptor per
	 * call (ADR 134). Should a translator ever appear (JPA, say), this is where to decide
	 * again.
	 */
	@Test
	void repositoriesAreNotWrappedToTranslateExceptionsNoTranslatorWouldChange() {
		assertThat(context.getBeanNamesForType(PersistenceExceptionTranslator.class)).isEmpty();
		Map<String, Object> repositories = context.getBeansWithAnnotation(Repository.class);
		assertThat(repositories).hasSizeGreaterThan(50);
		repositories.forEach((name, bean) -> {
			if (AopUtils.isAopProxy(bean)) {
				assertThat(Arrays.asList(((Advised) bean).getAdvisors())).as(name)
					.noneMatch(PersistenceExceptionTranslationAdvisor.class::isInstance);
			}
		});
		assertThat(repositories.values()).anyMatch((bean) -> !AopUtils.isAopProxy(bean));
	}

}
