package care.seamless.population;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Seeds for each part of the population, derived from the one seed, so one part's draws
 * never shift another's: person 17 is the same person however many carers person 16 has.
 */
final class Seeds {

	private Seeds() {
	}

	static long mix(long seed, long part, long index) {
		return splitMix(splitMix(splitMix(seed) ^ part) ^ index);
	}

	private static long splitMix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** A version 4 UUID drawn from {@code random}. */
	static UUID uuid(SplittableRandom random) {
		long high = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

}
