package care.seamless.linkage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A record normalised once, with the derived values (phonetic codes, address tokens) that comparisons and blocking
 * need, so that they are not recomputed for every pair.
 */
record Prepared(String id, String given, String family, String givenSound, String familySound, String dob,
		String postcode, String address, Set<String> addressTokens, String locality, String email, String phone,
		String sex, String identifier) {

	private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);

	static Prepared of(Record record) {
		String given = name(record.value(Role.GIVEN_NAME));
		String family = name(record.value(Role.FAMILY_NAME));
		String address = words(String.join(" ", record.value(Role.STREET_NUMBER), record.value(Role.ADDRESS_1),
				record.value(Role.ADDRESS_2)));
		String identifier = alphanumeric(record.value(Role.NHS_NUMBER));
		if (identifier.isEmpty()) {
			identifier = alphanumeric(record.value(Role.SOC_SEC_ID));
		}
		return new Prepared(record.id(), given, family, sound(given), sound(family), digits(record.value(Role.DATE_OF_BIRTH)),
				alphanumeric(record.value(Role.POSTCODE)).toUpperCase(Locale.ROOT), address, tokens(address),
				words(record.value(Role.LOCALITY)), record.value(Role.EMAIL).toLowerCase(Locale.ROOT),
				digits(record.value(Role.PHONE)), sex(record.value(Role.SEX)), identifier);
	}

	String emailLocalPart() {
		int at = email.indexOf('@');
		return at < 0 ? email : email.substring(0, at);
	}

	static String name(String raw) {
		return words(raw.replace('-', ' ').replace("'", ""));
	}

	static String words(String raw) {
		return raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").trim().replaceAll("\\s+", " ");
	}

	static String sound(String name) {
		return name.isEmpty() ? "" : METAPHONE.get().doubleMetaphone(name.replace(" ", ""));
	}

	private static String digits(String raw) {
		return raw.replaceAll("\\D", "");
	}

	private static String alphanumeric(String raw) {
		return raw.replaceAll("[^\\p{Alnum}]", "");
	}

	private static String sex(String raw) {
		return raw.isEmpty() ? "" : raw.substring(0, 1).toLowerCase(Locale.ROOT);
	}

	private static Set<String> tokens(String words) {
		return words.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(words.split(" ")));
	}

}
