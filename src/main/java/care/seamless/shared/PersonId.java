package care.seamless.shared;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record PersonId(@JsonValue UUID id) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	/**
	 * An id whose first 48 bits are the time in milliseconds (a version 7 UUID, RFC 9562)
	 * and whose other 74 bits are as random as {@link #random()}'s 122: unguessable
	 * still, but ids made together sort together. A bulk registration uses them so that
	 * its rows go onto the right-hand pages of the primary key and of the audit's index
	 * by person, not onto a random page of each (ADR 62); they say when the record was
	 * made, which the record says anyway.
	 */
	public static PersonId timeOrdered(Instant at) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return timeOrdered(at, bytes);
	}

	private static PersonId timeOrdered(Instant at, byte[] bytes) {
		long millis = at.toEpochMilli();
		for (int i = 0; i < 6; i++) {
			bytes[i] = (byte) (millis >>> (40 - 8 * i));
		}
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x70);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long high = 0;
		long low = 0;
		for (int i = 0; i < 8; i++) {
			high = (high << 8) | (bytes[i] & 0xff);
			low = (low << 8) | (bytes[i + 8] & 0xff);
		}
		return new PersonId(new UUID(high, low));
	}

	/**
	 * {@code count} ids of the same millisecond, each as random as
	 * {@link #timeOrdered(Instant)}'s, in ascending order (as PostgreSQL orders uuids:
	 * bytes, unsigned). Drawn at one instant, ids are only ordered by their random bits,
	 * so a bulk registration that gave them out as drawn put every row on a random page
	 * of each index keyed by them; given out in this order they are appended (ADR 72).
	 */
	public static java.util.List<PersonId> timeOrdered(Instant at, int count) {
		// One draw for all: a million draws of 16 bytes cost more than their bytes.
		byte[] random = new byte[10 * count];
		RANDOM.nextBytes(random);
		return timeOrderedFrom(at, random);
	}

	/** Ten random bytes an id: eight ordered by one sort, then two. */
	static java.util.List<PersonId> timeOrderedFrom(Instant at, byte[] random) {
		int count = random.length / 10;
		ByteBuffer bits = ByteBuffer.wrap(random);
		// The 74 random bits of each id, ordered by their first 64 as one primitive sort
		// (signed, with the sign bit flipped, is unsigned): a boxed sort of a million ids
		// by comparator, and an array of 16 bytes for each, were most of the import's
		// "ids" step (ADR 127). The other 10 bits come after the sort, as random as
		// before it.
		long[] keys = new long[count];
		for (int i = 0; i < count; i++) {
			keys[i] = bits.getLong() ^ Long.MIN_VALUE;
		}
		Arrays.parallelSort(keys);
		long high = (at.toEpochMilli() << 16) | 0x7000L;
		PersonId[] ids = new PersonId[count];
		for (int i = 0; i < count; i++) {
			long key = keys[i] ^ Long.MIN_VALUE;
			long rest = bits.getShort() & 0x3ffL;
			ids[i] = new PersonId(
					new UUID(high | (key >>> 52), Long.MIN_VALUE | ((key & ((1L << 52) - 1)) << 10) | rest));
		}
		// Two ids whose first 64 random bits tie (about once in 30 million imports of a
		// million) are put in order here; otherwise one pass of comparisons.
		Arrays.sort(ids, ASCENDING);
		return Arrays.asList(ids);
	}

	/** The order PostgreSQL gives uuids: their 16 bytes compared unsigned. */
	public static final java.util.Comparator<PersonId> ASCENDING = (a, b) -> {
		int high = Long.compareUnsigned(a.id.getMostSignificantBits(), b.id.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.id.getLeastSignificantBits(), b.id.getLeastSignificantBits());
	};

	public static PersonId of(String value) {
		return new PersonId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
