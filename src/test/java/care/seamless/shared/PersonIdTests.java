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

	@Test
	void idsWhoseFirstRandomBitsTieStillComeInOrder() {
		Instant at = Instant.parse("2026-12-07T17:00:00.789Z");
		// Three ids: the first 64 random bits of two the same, with the sign bit set, so
		// that only an unsigned order puts them after the third.
		byte[] random = new byte[30];
		java.util.Arrays.fill(random, 0, 16, (byte) 0xf0);
		random[16] = 0x12;
		random[17] = 0x30;
		// The last ten bits, given out in the sorted order: 0x301 before 0x002.
		random[26] = 0x03;
		random[27] = 0x01;
		random[28] = 0x00;
		random[29] = 0x02;

		java.util.List<PersonId> ids = PersonId.timeOrderedFrom(at, random);

		assertThat(ids).doesNotHaveDuplicates();
		assertThat(ids.stream().map(id -> id.id().toString()).toList()).isSorted();
		assertThat(ids).allSatisfy(id -> {
			assertThat(id.id().version()).isEqualTo(7);
			assertThat(id.id().variant()).isEqualTo(2);
		});
		assertThat(ids.get(0).id().getMostSignificantBits() & 0xfff).isEqualTo(0x123L);
		assertThat(ids.get(1).id().getLeastSignificantBits() & 0x3ff).isEqualTo(0x002L);
		assertThat(ids.get(2).id().getLeastSignificantBits() & 0x3ff).isEqualTo(0x301L);
	}

}
