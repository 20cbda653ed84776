package care.seamless.document;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.careplan.CarePlanFixtures;
import care.seamless.careplan.CarePlanFixtures.Partnership;
import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PlanDiscussions;
import care.seamless.eligibility.Eligibility;
import care.seamless.eligibility.EligibilityFixtures;
import care.seamless.eligibility.NewDetermination;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The person's documents print every script a name may be written in, with the fonts
 * embedded, and are tagged for assistive technology: language, title, headings, and body
 * text no smaller than 12 pt, and veraPDF finds no PDF/UA-1 rule broken.
 */
@SeamlessTest
class PersonsDocumentsTests {

	/** Polish, Welsh, Turkish, Vietnamese, Arabic and Chinese. */
	static final List<String> NAMES = List.of("Łukasz Wróblewski", "Siân Ŵyn", "Ağaoğlu İşçi", "Nguyễn Thị Hương",
			"محمد", "王小明");

	@Autowired
	MockMvc mvc;

	@Autowired
	CarePlanFixtures plans;

	@Autowired
	CarePlans carePlans;

	@Autowired
	PlanDiscussions discussions;

	@Autowired
	Eligibility eligibility;

	@Test
	void thePersonsCopyPrintsNamesInEveryScriptInATaggedPdf() throws Exception {
		Partnership p = plans.partnership();
		plans.planWithTwoObjectives(p);
		for (String name : NAMES) {
			carePlans.addOutcome(p.socialWorker().actor(), p.person(), "To see " + name + " every week");
		}
		discussions.saveContingency(p.socialWorker().actor(), p.person(), null, "Ring " + NAMES.get(5) + " first",
				"01632 960111");

		byte[] pdf = pdf("/people/" + p.person() + "/care-plan/persons-copy.pdf", p.socialWorker());

		String words = Pdfs.words(pdf);
		for (String name : NAMES) {
			assertThat(words).as("the name %s read back from the PDF", name).contains(name);
		}
		assertTaggedAndEmbedded(pdf, "Your care and support plan");
	}

	@Test
	void theLetterPrintsNamesInEveryScriptInATaggedPdf() throws Exception {
		Partnership p = plans.partnership();
		UUID id = eligibility.record(p.socialWorker().actor(), p.person(),
				new NewDetermination(EligibilityFixtures.eligibleAdult(),
						"Met with " + String.join(", ", NAMES) + " at home", "I want " + NAMES.get(4) + " to help me",
						null, null, 0));

		byte[] pdf = pdf("/people/" + p.person() + "/eligibility/" + id + "/letter.pdf", p.socialWorker());

		String words = Pdfs.words(pdf);
		for (String name : NAMES) {
			assertThat(words).as("the name %s read back from the PDF", name).contains(name);
		}
		assertTaggedAndEmbedded(pdf, "Your care and support: what we decided");
	}

	private byte[] pdf(String path, Fixtures.Staff staff) throws Exception {
		return mvc.perform(get(path).with(httpBasic(staff.username(), Fixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private static void assertTaggedAndEmbedded(byte[] pdf, String title) throws Exception {
		assertThat(PdfUa.failures(pdf)).as("PDF/UA-1 rules failed (veraPDF)").isEmpty();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var catalog = document.getDocumentCatalog();
			assertThat(catalog.getStructureTreeRoot()).as("structure tree root").isNotNull();
			assertThat(catalog.getMarkInfo()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).as("marked as tagged").isTrue();
			assertThat(catalog.getLanguage()).isEqualTo("en-GB");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
			assertThat(catalog.getViewerPreferences()).isNotNull();
			assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();

			List<String> types = new ArrayList<>();
			collectTypes(catalog.getStructureTreeRoot(), types);
			assertThat(types).contains("H1", "H2", "P");

			List<String> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
					fonts.add(font.getName());
				}
			}
			assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans")).anyMatch(f -> f.contains("NotoSansSC"));

			SmallestText smallest = new SmallestText();
			smallest.getText(document);
			assertThat(smallest.size).as("smallest text, in points").isGreaterThanOrEqualTo(12f);
		}
	}

	private static void collectTypes(PDStructureNode node, List<String> types) {
		for (Object kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				types.add(element.getStructureType());
				collectTypes(element, types);
			}
		}
	}

	/** Finds the smallest font size any character is printed at. */
	private static final class SmallestText extends PDFTextStripper {

		float size = Float.MAX_VALUE;

		@Override
		protected void writeString(String text, List<TextPosition> positions) throws IOException {
			for (TextPosition position : positions) {
				if (!position.getUnicode().isBlank()) {
					size = Math.min(size, position.getFontSizeInPt());
				}
			}
		}

	}

}
