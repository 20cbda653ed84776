package care.seamless.shared;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonIdTests {

	@Test
	void aTimeOrderedIdIsAVersion7UuidThatSortsByTimeAndIsStillRandom() {
		Instant at = Instant.parse("2026-12-06T03:40:00.123Z");
		PersonId first = PersonId.timeOrdered(at);
		PersonId same = PersonId.timeOrdered(at);
		PersonId later = PersonId.timeOrdered(at.plusMillis(1));

		assertThat(first.id().version()).isEqualTo(7);
		assertThat(first.id().variant()).isEqualTo(2);
		assertThat(first.id().getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		assertThat(same).isNotEqualTo(first);
		assertThat(later.id().toString()).isGreaterThan(first.id().toString()).isGreaterThan(same.id().toString());
	}

}
