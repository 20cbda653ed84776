package care.seamless.document;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a PDF back for tests, the way a screen reader or a search would. */
public final class Pdfs {

	private Pdfs() {
	}

	/** Every page's text, in reading order. */
	public static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** The text with every run of white space as one space: lines wrap anywhere. */
	public static String words(byte[] pdf) throws IOException {
		return text(pdf).replaceAll("\\s+", " ");
	}

}
