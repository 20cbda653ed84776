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

	@Test
	void idsMadeTogetherComeInPostgresqlsOrderAllDifferentAndRandom() {
		Instant at = Instant.parse("2026-12-06T09:30:00.456Z");
		java.util.List<PersonId> ids = PersonId.timeOrdered(at, 2_000);

		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids).allSatisfy(id -> {
			assertThat(id.id().version()).isEqualTo(7);
			assertThat(id.id().variant()).isEqualTo(2);
			assertThat(id.id().getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		});
		// PostgreSQL compares uuids byte by byte, unsigned: the same as their text.
		assertThat(ids.stream().map(id -> id.id().toString()).toList()).isSorted();
		// Random, not counted: neighbours differ in more than the last bits.
		assertThat(ids.get(1).id().getLeastSignificantBits() - ids.get(0).id().getLeastSignificantBits())
			.isNotEqualTo(1L);
	}

}
