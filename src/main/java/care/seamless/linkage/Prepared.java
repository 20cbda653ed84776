package care.seamless.linkage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A record normalised once, with the derived values (phonetic codes, postcode sector,
 * address tokens) that comparisons and blocking need, so that they are not recomputed for
 * every pair.
 */
record Prepared(String id, String given, String family, String givenSound, String familySound, String dob,
		String postcode, String postcodeSector, String postcodeDistrict, String address, Set<String> addressTokens,
		String locality, String email, String emailLocalPart, String emailDomain, String phone, String sex,
		String identifier, String birthPlace) {

	// The default four-character code lumps too many surnames together for blocking a
	// large register.
	private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(() -> {
		DoubleMetaphone metaphone = new DoubleMetaphone();
		metaphone.setMaxCodeLen(6);
		return metaphone;
	});

	static Prepared of(Record record) {
		String given = words(record.value(Role.GIVEN_NAME), true);
		String family = words(record.value(Role.FAMILY_NAME), true);
		String address = words(String.join(" ", record.value(Role.STREET_NUMBER), record.value(Role.ADDRESS_1),
				record.value(Role.ADDRESS_2)), false);
		String identifier = keep(record.value(Role.NHS_NUMBER), false);
		if (identifier.isEmpty()) {
			identifier = keep(record.value(Role.SOC_SEC_ID), false);
		}
		String postcode = keep(record.value(Role.POSTCODE), false).toUpperCase(Locale.ROOT);
		String email = record.value(Role.EMAIL).toLowerCase(Locale.ROOT);
		int at = email.indexOf('@');
		return new Prepared(record.id(), given, family, sound(given), sound(family),
				keep(record.value(Role.DATE_OF_BIRTH), true), postcode, Levels.sector(postcode),
				Levels.district(postcode), address, tokens(address), words(record.value(Role.LOCALITY), false), email,
				at < 0 ? email : email.substring(0, at), domain(email), keep(record.value(Role.PHONE), true),
				sex(record.value(Role.SEX)), identifier, words(record.value(Role.BIRTH_PLACE), false));
	}

	// After the last "@", so that a slip that doubles the "@" still leaves the domain.
	private static String domain(String email) {
		int at = email.lastIndexOf('@');
		return at < 0 || at == email.length() - 1 ? "" : email.substring(at + 1);
	}

	/**
	 * Lower case letters and digits in single-space-separated words. In names,
	 * apostrophes vanish ("o'neil" is "oneil") and hyphens separate words.
	 */
	static String words(String raw, boolean name) {
		StringBuilder out = new StringBuilder(raw.length());
		boolean space = false;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				if (space && out.length() > 0) {
					out.append(' ');
				}
				space = false;
				out.append(Character.toLowerCase(c));
			}
			else if (!(name && c == '\'')) {
				space = true;
			}
		}
		return out.toString();
	}

	static String sound(String name) {
		return name.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(name.replace(" ", ""));
	}

	// Digits only (dates, phone numbers) or letters and digits (identifiers, postcodes).
	private static String keep(String raw, boolean digitsOnly) {
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (digitsOnly ? Character.isDigit(c) : Character.isLetterOrDigit(c)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String sex(String raw) {
		return raw.isEmpty() ? "" : raw.substring(0, 1).toLowerCase(Locale.ROOT);
	}

	private static Set<String> tokens(String words) {
		return words.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(words.split(" ")));
	}

}
