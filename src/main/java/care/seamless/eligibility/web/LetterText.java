package care.seamless.eligibility.web;

import java.util.List;

/**
 * The person's letter as finished text, so that the page and the PDF say exactly the same
 * thing. {@code missing} names, for staff only, the parts of the organisation's contact
 * details nobody has recorded yet.
 */
record LetterText(String title, String date, String reference, List<String> addressBlock, String greeting,
		List<Section> sections, List<String> signature, List<String> missing) {

	record Section(String heading, List<String> paragraphs, List<String> bullets) {

		static Section of(String heading, List<String> paragraphs) {
			return new Section(heading, paragraphs, List.of());
		}

	}

}
