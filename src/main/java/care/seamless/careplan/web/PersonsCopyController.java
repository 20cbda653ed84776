package care.seamless.careplan.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import care.seamless.shared.PageController;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.Map;

import care.seamless.careplan.CarePlans;
import care.seamless.careplan.PersonsCopy;
import care.seamless.document.PrintedDocuments;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The person's own copy of their plan: on screen and as a printable PDF, both from the
 * same template so they cannot say different things.
 */
@PageController
class PersonsCopyController {

	static final String TEMPLATE = "careplan/persons-copy";

	private final CarePlans carePlans;

	private final PlanPage page;

	private final PrintedDocuments documents;

	private final MessageSource messages;

	PersonsCopyController(CarePlans carePlans, PlanPage page, PrintedDocuments documents, MessageSource messages) {
		this.messages = messages;
		this.carePlans = carePlans;
		this.page = page;
		this.documents = documents;
	}

	@GetMapping("/people/{id}/care-plan/persons-copy")
	String screen(Actor actor, @PathVariable PersonId id, Model model) {
		model.addAllAttributes(document(actor, id));
		return TEMPLATE;
	}

	@GetMapping("/people/{id}/care-plan/persons-copy.pdf")
	ResponseEntity<byte[]> printable(Actor actor, @PathVariable PersonId id) {
		byte[] body = documents.pdf(TEMPLATE, document(actor, id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("care-and-support-plan.pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private Map<String, Object> document(Actor actor, PersonId id) {
		PersonsCopy copy = carePlans.personsCopy(actor, id);
		return Map.of("copy", copy, "plan", copy.plan(), "personId", id, "personName", page.name(actor, id), "greeting",
				page.greeting(actor, id), "progress", progress(copy));
	}

	/** A chart per objective with scores, its words for those who cannot see it. */
	private List<ProgressFigure> progress(PersonsCopy copy) {
		Locale locale = LocaleContextHolder.getLocale();
		return ProgressChart.of(copy.plan()).panels().stream().map((panel) -> {
			String reviews = panel.rows()
				.stream()
				.map((row) -> messages.getMessage("copy.progress.alt.review",
						new Object[] { row.date(), words(row.person(), locale), words(row.practitioner(), locale) },
						locale))
				.collect(Collectors.joining(" "));
			String alt = messages.getMessage("copy.progress.alt", new Object[] { panel.objective(), reviews }, locale);
			return new ProgressFigure(panel.objective(), ProgressFigure.png(panel.rows()), alt, panel.rows());
		}).toList();
	}

	private String words(@Nullable Integer score, Locale locale) {
		return messages.getMessage(score == null ? "copy.score.none" : "copy.score." + score, null, locale);
	}

}
