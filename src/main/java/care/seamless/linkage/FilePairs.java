package care.seamless.linkage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import care.seamless.shared.LongList;
import org.jspecify.annotations.Nullable;

/**
 * The candidate pairs of a file imported into a register no bigger than itself, found in
 * memory by the four blocking keys of {@link ImportMatchRepository}'s query, compared as
 * that query compares them (ADR 74). Each key is one pass that groups everyone by their
 * key's text, so the work grows with the people and the pairs, not with the register
 * times the file as the query's joins did after a first load.
 */
final class FilePairs {

	/**
	 * One person's blocking columns exactly as stored (not trimmed, not cleaned: the
	 * query compares the stored text).
	 */
	record Keys(String given, String family, LocalDate dateOfBirth, @Nullable String postcode) {
	}

	/**
	 * PostgreSQL's {@code lower(text)} and {@code lower(left(text, 1))} for the names of
	 * this import, so the keys compare as the query's do.
	 */
	interface Lowering {

		String lower(String text);

		String lowerInitial(String text);

	}

	private static final int KEYS = 4;

	// Not a character PostgreSQL's text can hold, so no two different pairs of values
	// join into the same key.
	private static final char BETWEEN = '\0';

	private FilePairs() {
	}

	/**
	 * Every pair of people that share at least one blocking key, of whom at least one is
	 * in the file: the file's people are the first {@code inFile} of {@code people}, the
	 * register's follow. Each pair once, as {@code (a << 32) | b} with {@code a < b},
	 * ascending.
	 */
	static long[] find(List<Keys> people, int inFile, Lowering lowering) {
		long[][] byKey = IntStream.range(0, KEYS)
			.parallel()
			.mapToObj(key -> pairs(people, inFile, key, lowering))
			.toArray(long[][]::new);
		int total = 0;
		for (long[] pairs : byKey) {
			total += pairs.length;
		}
		long[] all = new long[total];
		int at = 0;
		for (long[] pairs : byKey) {
			System.arraycopy(pairs, 0, all, at, pairs.length);
			at += pairs.length;
		}
		Arrays.parallelSort(all);
		int unique = 0;
		for (int i = 0; i < all.length; i++) {
			if (i == 0 || all[i] != all[i - 1]) {
				all[unique++] = all[i];
			}
		}
		return Arrays.copyOf(all, unique);
	}

	/**
	 * One key's pairs. Everyone is filed under the key a person is joined by (the query's
	 * {@code o} side), then each person looks up the key they join with (its {@code n}
	 * side): the same text for three keys, the names the other way round for the swapped
	 * names. All four relations are symmetric, so a pair found from both ends is the same
	 * pair.
	 */
	private static long[] pairs(List<Keys> people, int inFile, int key, Lowering lowering) {
		String[] joinedBy = new String[people.size()];
		for (int i = 0; i < joinedBy.length; i++) {
			joinedBy[i] = key(people.get(i), key, false, lowering);
		}
		Map<String, Integer> last = new HashMap<>(people.size() * 2);
		int[] before = new int[people.size()];
		for (int i = 0; i < joinedBy.length; i++) {
			if (joinedBy[i] != null) {
				Integer previous = last.put(joinedBy[i], i);
				before[i] = previous == null ? -1 : previous;
			}
		}
		LongList found = new LongList();
		for (int i = 0; i < joinedBy.length; i++) {
			if (key != 2) {
				// Everyone filed before under the same text, each pair once.
				for (int j = joinedBy[i] == null ? -1 : before[i]; j >= 0; j = before[j]) {
					if (j < inFile) {
						found.add(((long) j << 32) | i);
					}
				}
				continue;
			}
			Integer head = last.get(key(people.get(i), key, true, lowering));
			for (int j = head == null ? -1 : head; j >= 0; j = before[j]) {
				int a = Math.min(i, j);
				// Two of the register's people are no pair of this import's.
				if (j != i && a < inFile) {
					found.add(((long) a << 32) | Math.max(i, j));
				}
			}
		}
		return found.toArray();
	}

	private static @Nullable String key(Keys person, int key, boolean swapped, Lowering lowering) {
		return switch (key) {
			case 0 -> lowering.lower(person.family()) + BETWEEN + person.dateOfBirth();
			case 1 -> lowering.lower(person.given()) + BETWEEN + person.dateOfBirth();
			case 2 -> swapped ? lowering.lower(person.given()) + BETWEEN + lowering.lower(person.family())
					: lowering.lower(person.family()) + BETWEEN + lowering.lower(person.given());
			default -> person.postcode() == null ? null
					: person.postcode().replace(" ", "") + BETWEEN + lowering.lowerInitial(person.given());
		};
	}

	/**
	 * Lowers ASCII text itself and looks any other up in {@code lowered} (PostgreSQL's
	 * answers for the names that are not ASCII): a locale whose {@code lower} is not
	 * plain for ASCII letters is refused before this is used.
	 * @param lowered for each name that is not all ASCII, its {@code lower} and its
	 * initial's
	 */
	static Lowering lowering(Map<String, String[]> lowered) {
		return new Lowering() {

			@Override
			public String lower(String text) {
				String plain = lowerAscii(text);
				return plain != null ? plain : lowered.get(text)[0];
			}

			@Override
			public String lowerInitial(String text) {
				if (text.isEmpty()) {
					return "";
				}
				int first = text.codePointAt(0);
				if (first < 128) {
					return String.valueOf((char) lowerAscii(first));
				}
				return lowered.get(text)[1];
			}
		};
	}

	/** Whether a name needs PostgreSQL to lower it. */
	static boolean notAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String lowerAscii(String text) {
		if (notAscii(text)) {
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				char[] chars = text.toCharArray();
				for (int k = i; k < chars.length; k++) {
					chars[k] = (char) lowerAscii(chars[k]);
				}
				return new String(chars);
			}
		}
		return text;
	}

	private static int lowerAscii(int c) {
		return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
	}

}
