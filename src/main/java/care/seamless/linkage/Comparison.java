package care.seamless.linkage;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The fields the model compares, each with its ordered levels (best first; the last is
 * "else"). Levels with a term frequency source get their exact-agreement weight adjusted
 * by how common the agreed value is.
 */
public enum Comparison {

	GIVEN_NAME(List.of("exact", "swapped", "jaro-winkler>=0.92", "phonetic-or-nickname",
			"jaro-winkler>=0.80-or-initial", "same-letters", "else"), Prepared::given) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.givenName(a.given(), b.given(), a.family(), b.family(), a.givenSound(), b.givenSound());
		}
	},
	FAMILY_NAME(
			List.of("exact", "swapped", "jaro-winkler>=0.92", "phonetic", "jaro-winkler>=0.80", "same-letters", "else"),
			Prepared::family) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.name(a.family(), b.family(), a.given(), b.given(), a.familySound(), b.familySound());
		}
	},
	DATE_OF_BIRTH(List.of("exact", "day-month-transposed", "one-digit-off", "year-only", "year-digit-off-day-close",
			"within-a-year", "within-ten-years", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.dateOfBirth(a.dob(), b.dob());
		}
	},
	POSTCODE(List.of("exact", "sector", "one-character-off", "district", "else"), Prepared::postcode) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.postcode(a, b);
		}
	},
	ADDRESS(List.of("exact", "most-tokens", "some-tokens", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.address(a, b);
		}
	},
	LOCALITY(List.of("exact", "jaro-winkler>=0.92", "jaro-winkler>=0.80", "else"), Prepared::locality) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.fuzzy(a.locality(), b.locality());
		}
	},
	EMAIL(List.of("exact", "same-local-part", "jaro-winkler>=0.88", "same-domain", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.email(a, b);
		}
	},
	PHONE(List.of("exact", "one-digit-off", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.digits(a.phone(), b.phone());
		}
	},
	SEX(List.of("exact", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.exact(a.sex(), b.sex());
		}
	},
	IDENTIFIER(List.of("exact", "one-digit-off", "else"), null) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.digits(a.identifier(), b.identifier());
		}
	},
	BIRTH_PLACE(List.of("exact", "jaro-winkler>=0.92", "jaro-winkler>=0.80", "else"), Prepared::birthPlace) {
		@Override
		int level(Prepared a, Prepared b) {
			return Levels.fuzzy(a.birthPlace(), b.birthPlace());
		}
	};

	private final List<String> levels;

	private final @Nullable Function<Prepared, String> termFrequencySource;

	Comparison(List<String> levels, @Nullable Function<Prepared, String> termFrequencySource) {
		this.levels = levels;
		this.termFrequencySource = termFrequencySource;
	}

	/** The index of the first level that applies, or {@link Levels#MISSING}. */
	abstract int level(Prepared a, Prepared b);

	public List<String> levels() {
		return levels;
	}

	boolean hasTermFrequencies() {
		return termFrequencySource != null;
	}

	String termFrequencyValue(Prepared record) {
		return termFrequencySource == null ? "" : termFrequencySource.apply(record);
	}

	static int[] levels(Prepared a, Prepared b) {
		Comparison[] all = values();
		int[] levels = new int[all.length];
		for (int i = 0; i < all.length; i++) {
			levels[i] = all[i].level(a, b);
		}
		return levels;
	}

}
