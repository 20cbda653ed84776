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
		KeyText text = new KeyText(lowering);
		for (int i = 0; i < joinedBy.length; i++) {
			joinedBy[i] = text.key(people.get(i), key, false);
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
			Integer head = last.get(text.key(people.get(i), key, true));
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

	/**
	 * A key's text, built in one reused array: the lowered names, the date and the
	 * postcode each made a String of their own before being joined, for every person and
	 * key (ADR 98). The text is the same.
	 */
	private static final class KeyText {

		private final Lowering lowering;

		private char[] chars = new char[64];

		private int length;

		KeyText(Lowering lowering) {
			this.lowering = lowering;
		}

		@Nullable String key(Keys person, int key, boolean swapped) {
			length = 0;
			switch (key) {
				case 0 -> lower(person.family()).between().date(person.dateOfBirth());
				case 1 -> lower(person.given()).between().date(person.dateOfBirth());
				case 2 -> {
					if (swapped) {
						lower(person.given()).between().lower(person.family());
					}
					else {
						lower(person.family()).between().lower(person.given());
					}
				}
				default -> {
					if (person.postcode() == null) {
						return null;
					}
					withoutSpaces(person.postcode()).between().initial(person.given());
				}
			}
			return new String(chars, 0, length);
		}

		private KeyText lower(String name) {
			if (notAscii(name)) {
				return append(lowering.lower(name));
			}
			room(name.length());
			for (int i = 0; i < name.length(); i++) {
				chars[length++] = (char) lowerAscii(name.charAt(i));
			}
			return this;
		}

		private KeyText initial(String name) {
			if (!name.isEmpty() && name.codePointAt(0) < 128) {
				room(1);
				chars[length++] = (char) lowerAscii(name.charAt(0));
				return this;
			}
			return append(lowering.lowerInitial(name));
		}

		private KeyText withoutSpaces(String text) {
			room(text.length());
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c != ' ') {
					chars[length++] = c;
				}
			}
			return this;
		}

		private KeyText between() {
			room(1);
			chars[length++] = BETWEEN;
			return this;
		}

		// As LocalDate prints it.
		private KeyText date(LocalDate date) {
			if (date.getYear() < 0 || date.getYear() > 9999) {
				return append(date.toString());
			}
			room(10);
			digits(date.getYear(), 4);
			chars[length++] = '-';
			digits(date.getMonthValue(), 2);
			chars[length++] = '-';
			digits(date.getDayOfMonth(), 2);
			return this;
		}

		private void digits(int value, int count) {
			for (int i = count - 1; i >= 0; i--) {
				chars[length + i] = (char) ('0' + value % 10);
				value /= 10;
			}
			length += count;
		}

		private KeyText append(String text) {
			room(text.length());
			text.getChars(0, text.length(), chars, length);
			length += text.length();
			return this;
		}

		private void room(int more) {
			if (length + more > chars.length) {
				chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
			}
		}

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
