package care.seamless.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the GOV.UK error summary of a refused form's page: its links, and whether each
 * lands on an element of the page (a radio group's link needs its first radio to carry
 * the field's id, or following it goes nowhere).
 */
public final class ErrorSummaryLinks {

	private static final Pattern LINK = Pattern.compile("href=\"#([^\"]*)\"");

	private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

	private ErrorSummaryLinks() {
	}

	/** The links in the error summary, in order, each as {@code #id}. */
	public static List<String> of(String page) {
		int start = page.indexOf("govuk-error-summary__list");
		assertThat(start).as("an error summary").isPositive();
		String list = page.substring(start, page.indexOf("</ul>", start));
		return LINK.matcher(list).results().map((match) -> "#" + match.group(1)).toList();
	}

	/**
	 * Asserts that every link in the error summary has exactly one element with its id (a
	 * second one, such as a fieldset with the first radio's id, would take the focus).
	 */
	public static void assertEveryLinkLands(String page) {
		Map<String, Long> ids = ID.matcher(page)
			.results()
			.collect(Collectors.groupingBy((match) -> match.group(1), Collectors.counting()));
		assertThat(of(page)).as("error summary links")
			.isNotEmpty()
			.allSatisfy((link) -> assertThat(ids).as("one element with the id of the link " + link)
				.containsEntry(link.substring(1), 1L));
	}

}
