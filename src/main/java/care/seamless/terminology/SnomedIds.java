package care.seamless.terminology;

/**
 * Checks that a SNOMED CT identifier is well formed: digits only, a concept partition and
 * a valid Verhoeff check digit. This cannot prove the id means what the row says, but it
 * catches the typing slips and invented numbers that would otherwise travel silently into
 * FHIR exports.
 */
final class SnomedIds {

	private static final int[][] MULTIPLY = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
			{ 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
			{ 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
			{ 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };

	private static final int[][] PERMUTE = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
			{ 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
			{ 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };

	private SnomedIds() {
	}

	static boolean isConceptId(String id) {
		if (!id.matches("[1-9]\\d{5,17}")) {
			return false;
		}
		// The partition identifier (second and third digits from the right) is 00 or 10
		// for concepts.
		String partition = id.substring(id.length() - 3, id.length() - 1);
		return (partition.equals("00") || partition.equals("10")) && verhoeffValid(id);
	}

	private static boolean verhoeffValid(String digits) {
		int check = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			check = MULTIPLY[check][PERMUTE[i % 8][digit]];
		}
		return check == 0;
	}

}
