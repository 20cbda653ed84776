package care.seamless.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs axe-core's WCAG 2.2 A and AA rules over the page open in a browser, for the
 * accessibility tests of staff and person-facing pages alike.
 */
final class Axe {

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static final AxeRunOptions RUN = new AxeRunOptions();

	static {
		AxeRunOnlyOptions only = new AxeRunOnlyOptions();
		only.setType("tag");
		only.setValues(WCAG);
		RUN.setRunOnly(only);
		RUN.setResultTypes(List.of("violations"));
	}

	private Axe() {
	}

	/** The violations on the open page, one line each, naming the page. */
	static List<String> check(Browser browser, String page) {
		// axe-core in one pass in the page itself ("legacy" mode): the default mode runs
		// each frame apart, then opens a new tab, injects axe-core again there and merges
		// the parts, which is for pages with cross-origin frames, and ours have none
		// (asserted, so this stays true). Every element is still checked against every
		// rule; only the nodes that pass are not all listed back. Together these took
		// about 40% off each check.
		assertThat(browser.driver().findElements(By.tagName("iframe"))).as(page + " has no frames").isEmpty();
		Results results = new AxeBuilder().withOptions(RUN)
			.setLegacyMode(true)
			.setTimeout(120)
			.analyze(browser.driver());
		// analyze() reports its own failure (a time-out, say: hence the generous one) as
		// results with no violations, which would pass unseen.
		assertThat(results.isErrored()).as("axe-core failed on " + page + ": " + results.getErrorMessage()).isFalse();
		assertThat(results.getPasses()).as("axe-core's rules ran on " + page).isNotEmpty();
		List<String> problems = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			problems.add(page + ": " + rule.getId() + " (" + rule.getHelp() + ") at "
					+ rule.getNodes()
						.stream()
						.map((node) -> String.valueOf(node.getTarget()))
						.collect(Collectors.joining(", ")));
		}
		return problems;
	}

}
