package care.seamless;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The server's scheduled jobs (audit chaining, outboxes, clocks, escalations). A command
 * such as {@code generate} switches them off: on a population of a million people the
 * referral clock's run outlived the command, which then closed the database under it and
 * logged the failure.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "seamless.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class Scheduling {

}
