package care.seamless.careplan.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.PlanReviews;
import care.seamless.careplan.Review;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's copy shows progress on each objective as a chart that works in print and
 * in the PDF, with words for anyone who cannot see it: alternative text naming every
 * score, and the same scores in a table. In the PDF the chart is a tagged Figure with
 * that text as its /Alt, as PDF/UA asks.
 */
@SeamlessTest
class PersonsCopyProgressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures plans;

	@Autowired
	PlanReviews reviews;

	@Test
	void progressIsAChartWithAlternativeTextAndATableOnScreenAndATaggedFigureInThePdf() throws Exception {
		Partnership p = plans.partnership();
		UUID[] objectives = plans.planWithTwoObjectives(p);
		reviews.record(p.socialWorker().actor(), p.person(), Review.Kind.SCHEDULED, LocalDate.now(), null,
				Map.of(objectives[0], 1), Map.of(objectives[0], -1));

		Document screen = Jsoup.parse(mvc
			.perform(get("/people/" + p.person() + "/care-plan/persons-copy")
				.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		Element chart = screen.selectFirst(".copy-progress img");
		assertThat(chart).as("a progress chart").isNotNull();
		assertThat(chart.attr("src")).startsWith("data:image/png;base64,");
		assertThat(chart.attr("alt")).startsWith("Bar chart of progress on ")
			.contains("you said more than expected and your worker said less than expected");
		assertThat(screen.select(".copy-progress table td").eachText()).contains("more than expected",
				"less than expected");

		byte[] pdf = mvc
			.perform(get("/people/" + p.person() + "/care-plan/persons-copy.pdf")
				.with(httpBasic(p.socialWorker().username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDStructureElement> figures = new ArrayList<>();
			collect(document.getDocumentCatalog().getStructureTreeRoot(), "Figure", figures);
			assertThat(figures).as("Figures in the structure tree").hasSize(1);
			assertThat(figures.get(0).getAlternateDescription()).isEqualTo(chart.attr("alt"));
		}
	}

	private static void collect(PDStructureNode node, String type, List<PDStructureElement> found) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				if (type.equals(element.getStructureType())) {
					found.add(element);
				}
				collect(element, type, found);
			}
		}
	}

}
