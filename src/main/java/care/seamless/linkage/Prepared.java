package care.seamless.linkage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * A record normalised once, with the derived values (phonetic codes, postcode sector,
 * address tokens) that comparisons and blocking need, so that they are not recomputed for
 * every pair. The phonetic codes are worked out when first asked for: a candidate that
 * the other fields already rule out ({@link Matcher#possibleMatches}) never needs them,
 * and they were the dearest part of preparing one.
 */
final class Prepared {

	private final String id;

	private final String given;

	private final String family;

	private @Nullable String givenSound;

	private @Nullable String familySound;

	private final String dob;

	private final String postcode;

	private final String postcodeSector;

	private final String postcodeDistrict;

	private final String address;

	private final Set<String> addressTokens;

	private final String locality;

	private final String email;

	private final String emailLocalPart;

	private final String emailDomain;

	private final String phone;

	private final String sex;

	private final String identifier;

	private final String birthPlace;

	private Prepared(String id, String given, String family, String dob, String postcode, String postcodeSector,
			String postcodeDistrict, String address, Set<String> addressTokens, String locality, String email,
			String emailLocalPart, String emailDomain, String phone, String sex, String identifier, String birthPlace) {
		this.id = id;
		this.given = given;
		this.family = family;
		this.dob = dob;
		this.postcode = postcode;
		this.postcodeSector = postcodeSector;
		this.postcodeDistrict = postcodeDistrict;
		this.address = address;
		this.addressTokens = addressTokens;
		this.locality = locality;
		this.email = email;
		this.emailLocalPart = emailLocalPart;
		this.emailDomain = emailDomain;
		this.phone = phone;
		this.sex = sex;
		this.identifier = identifier;
		this.birthPlace = birthPlace;
	}

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
		return new Prepared(record.id(), given, family, keep(record.value(Role.DATE_OF_BIRTH), true), postcode,
				Levels.sector(postcode), Levels.district(postcode), address, tokens(address),
				words(record.value(Role.LOCALITY), false), email, at < 0 ? email : email.substring(0, at),
				domain(email), keep(record.value(Role.PHONE), true), sex(record.value(Role.SEX)), identifier,
				words(record.value(Role.BIRTH_PLACE), false));
	}

	String id() {
		return id;
	}

	String given() {
		return given;
	}

	String family() {
		return family;
	}

	String givenSound() {
		String sound = givenSound;
		if (sound == null) {
			sound = sound(given);
			givenSound = sound;
		}
		return sound;
	}

	String familySound() {
		String sound = familySound;
		if (sound == null) {
			sound = sound(family);
			familySound = sound;
		}
		return sound;
	}

	String dob() {
		return dob;
	}

	String postcode() {
		return postcode;
	}

	String postcodeSector() {
		return postcodeSector;
	}

	String postcodeDistrict() {
		return postcodeDistrict;
	}

	String address() {
		return address;
	}

	String locality() {
		return locality;
	}

	String email() {
		return email;
	}

	String emailLocalPart() {
		return emailLocalPart;
	}

	String emailDomain() {
		return emailDomain;
	}

	String phone() {
		return phone;
	}

	String sex() {
		return sex;
	}

	String identifier() {
		return identifier;
	}

	String birthPlace() {
		return birthPlace;
	}

	Set<String> addressTokens() {
		return addressTokens;
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
