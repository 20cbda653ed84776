package care.seamless.eligibility.web;

import java.io.ByteArrayOutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.List;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The letter as an A4 PDF for posting or email. A large, plain sans-serif face: many
 * people who get these letters have poor sight.
 */
final class LetterPdf {

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 12);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);

	private LetterPdf() {
	}

	static byte[] render(LetterText letter) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 60, 60, 60, 60);
		PdfWriter.getInstance(document, out);
		document.addTitle(letter.title());
		document.open();
		for (String line : letter.addressBlock()) {
			document.add(new Paragraph(line, BODY));
		}
		Paragraph date = new Paragraph(letter.date(), BODY);
		date.setAlignment(Element.ALIGN_RIGHT);
		document.add(date);
		document.add(spaced(new Paragraph(letter.title(), TITLE), 18));
		document.add(spaced(new Paragraph(letter.greeting(), BODY), 12));
		for (LetterText.Section section : letter.sections()) {
			document.add(spaced(new Paragraph(section.heading(), HEADING), 14));
			for (String paragraph : section.paragraphs()) {
				document.add(spaced(new Paragraph(paragraph, BODY), 6));
			}
			if (!section.bullets().isEmpty()) {
				List list = new List(false, 14);
				list.setListSymbol("•");
				section.bullets().forEach(b -> list.add(new ListItem(b, BODY)));
				document.add(list);
			}
		}
		Paragraph signature = spaced(new Paragraph(String.join("\n", letter.signature()), BODY), 18);
		document.add(signature);
		document.close();
		return out.toByteArray();
	}

	private static Paragraph spaced(Paragraph paragraph, float before) {
		paragraph.setSpacingBefore(before);
		paragraph.setLeading(paragraph.getFont().getSize() * 1.4f);
		return paragraph;
	}

}
