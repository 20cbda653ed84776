package care.seamless.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders a page template for print: the template is given {@code print = true}, which
 * makes it take the plain document shell ({@code fragments/document}) instead of the
 * staff layout, and the result is either that HTML or a tagged PDF (PDF/UA intent:
 * language, title, headings, reading order, alternative text) with embedded Unicode
 * fonts.
 */
@Component
public class PrintedDocuments {

	/** The model variable a template reads to choose the print shell. */
	public static final String PRINT = "print";

	private static final List<Face> FACES = List.of(new Face("fonts/DejaVuSans.ttf", "DejaVu Sans", 400),
			new Face("fonts/DejaVuSans-Bold.ttf", "DejaVu Sans", 700),
			new Face("fonts/NotoSansSC-Regular.ttf", "Noto Sans SC", 400));

	private final ITemplateEngine templates;

	private final List<LoadedFace> faces;

	PrintedDocuments(ITemplateEngine templates) {
		this.templates = templates;
		this.faces = FACES.stream().map(Face::load).toList();
	}

	/**
	 * The document as the HTML the PDF is laid out from: no staff header or navigation.
	 */
	public String html(String template, Map<String, ?> model) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put(PRINT, true);
		return templates.process(template, new Context(Locale.UK, variables));
	}

	/** The document as a tagged PDF. */
	public byte[] pdf(String template, Map<String, ?> model) {
		org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html(template, model)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePdfUaAccessibility(true);
		builder.withProducer("Seamless");
		builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
		builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
		for (LoadedFace face : faces) {
			builder.useFont(face::open, face.family(), face.weight(), FontStyle.NORMAL, true);
		}
		// Everything a document shows is in the HTML itself (images as data: URIs); it
		// never fetches a file or an address named in it.
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withW3cDocument(dom, "about:blank");
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private record Face(String resource, String family, int weight) {

		LoadedFace load() {
			try (InputStream in = PrintedDocuments.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("Font missing from the classpath: " + resource);
				}
				return new LoadedFace(in.readAllBytes(), family, weight);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** A font read once at start-up; each PDF embeds the subset of it that it uses. */
	private record LoadedFace(byte[] bytes, String family, int weight) {

		InputStream open() {
			return new ByteArrayInputStream(bytes);
		}

	}

}
