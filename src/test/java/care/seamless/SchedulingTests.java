package care.seamless;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seamless.scheduling.enabled=false}, which every command sets, leaves no
 * {@code @Scheduled} method to run even when a library switches scheduling on by itself,
 * as Spring Modulith's moments did (ADR 109). The server's side, every job scheduled, is
 * checked on the whole application in {@link TwoNodeTests}.
 */
class SchedulingTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Scheduling.class, Job.class);

	@Test
	void schedulesNothingWhenSwitchedOffEvenIfALibrarySwitchedSchedulingOn() {
		contexts.withUserConfiguration(Library.class)
			.withPropertyValues(Scheduling.ENABLED + "=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(ScheduledTaskHolder.class)).isEmpty();
			});
	}

	@Test
	void schedulesTheJobsByDefault() {
		contexts.run((context) -> {
			assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values())
				.flatMap(ScheduledTaskHolder::getScheduledTasks)
				.map((task) -> task.getTask().getRunnable().toString())
				.containsExactly(Ticker.class.getName() + ".tick");
		});
	}

	/** As Spring Modulith's moments switched scheduling on for itself. */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Library {

	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		Ticker ticker() {
			return new Ticker();
		}

	}

	static class Ticker {

		final AtomicInteger ticks = new AtomicInteger();

		@Scheduled(fixedDelay = 3_600_000)
		void tick() {
			this.ticks.incrementAndGet();
		}

	}

}
