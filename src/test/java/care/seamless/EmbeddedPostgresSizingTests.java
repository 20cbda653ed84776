package care.seamless;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresSizingTests {

	private static final long GB = 1024L * 1024 * 1024;

	@Test
	void theBufferPoolIsAQuarterOfTheMachineNeverBelowPostgresqlsOwnNorAbove8Gb() {
		assertThat(EmbeddedPostgresConfiguration.sharedBuffers(24 * GB)).isEqualTo("6144MB");
		assertThat(EmbeddedPostgresConfiguration.sharedBuffers(2 * GB)).isEqualTo("512MB");
		assertThat(EmbeddedPostgresConfiguration.sharedBuffers(GB / 4)).isEqualTo("128MB");
		assertThat(EmbeddedPostgresConfiguration.sharedBuffers(256 * GB)).isEqualTo("8192MB");
	}

}
