package care.seamless.document;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Checks a PDF against PDF/UA-1 (ISO 14289-1) with veraPDF, the validator the PDF
 * Association maintains: the machine-checkable part of "accessible", beside what the
 * tests read back themselves.
 */
public final class PdfUa {

	static {
		VeraGreenfieldFoundryProvider.initialise();
	}

	private PdfUa() {
	}

	/** Each failed rule as "clause-test: description (where)", none when conformant. */
	public static List<String> failures(byte[] pdf) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
			ValidationResult result = validator.validate(parser);
			return result.getTestAssertions()
				.stream()
				.filter((assertion) -> assertion.getStatus() == TestAssertion.Status.FAILED)
				.map((assertion) -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
						+ ": " + assertion.getMessage() + " (" + assertion.getLocation().getContext() + ")")
				.distinct()
				.toList();
		}
	}

}
