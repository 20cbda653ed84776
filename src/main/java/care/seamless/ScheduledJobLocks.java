package care.seamless;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several nodes may run Seamless on one database (ADR 47). A scheduled sweep that is
 * marked {@code @SchedulerLock} runs on one node at a time: the node that takes the job's
 * row in {@code cluster.job_lock} runs it, the others skip that turn. Outboxes that
 * already claim their rows with {@code for update skip locked} need no such lock and
 * share the work instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class ScheduledJobLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		// The database's clock, not each node's, decides when a lock has run out, so
		// nodes whose clocks drift apart still agree.
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("cluster.job_lock")
			.usingDbTime()
			.build());
	}

}
