package care.seamless.careplan.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import care.seamless.careplan.Action;
import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.Decision;
import care.seamless.careplan.Need;
import care.seamless.careplan.Objective;
import care.seamless.careplan.Outcome;
import care.seamless.careplan.PartnerSignUp;
import care.seamless.careplan.PersonsView;
import care.seamless.careplan.Risk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The person's printable copy of their plan, in plain English and addressed to them. The
 * words come from the message bundle, the same as the on-screen copy.
 */
@Component
class PersonsCopyPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final MessageSource messages;

	PersonsCopyPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(CarePlanView plan, String personName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Document document = new Document(PageSize.A4, 50, 50, 50, 50)) {
			PdfWriter.getInstance(document, out);
			document.open();
			document.addTitle(text("copy.title"));
			heading(document, text("copy.title"), 20);
			line(document, text("copy.for", personName));
			line(document, text("copy.intro"));
			outcomes(document, plan);
			objectives(document, plan);
			actions(document, plan);
			safety(document, plan);
			if (plan.nextReviewOn() != null) {
				heading(document, text("copy.review.heading"), 14);
				line(document, text("copy.review.next", date(plan.nextReviewOn())));
			}
		}
		return out.toByteArray();
	}

	private void outcomes(Document document, CarePlanView plan) {
		heading(document, text("copy.outcomes.heading"), 14);
		for (Outcome outcome : plan.outcomes()) {
			line(document, "\u201C" + outcome.words() + "\u201D");
		}
	}

	private void objectives(Document document, CarePlanView plan) {
		heading(document, text("copy.objectives.heading"), 14);
		for (Objective objective : plan.objectives()) {
			heading(document, objective.description(), 12);
			line(document, text("copy.objective.target", objective.target()));
			line(document, text("copy.objective.measure", objective.measure()));
			line(document, text("copy.objective.by", date(objective.targetDate())));
			line(document, text("copy.objective.about",
					String.join(", ", objective.needs().stream().map(Need::display).toList())));
			for (PartnerSignUp partner : objective.partners()) {
				line(document, text(partner.signed() ? "copy.partner.signed" : "copy.partner.notSigned",
						partner.organisationName()));
			}
			line(document, personsView(objective.personsView()));
		}
	}

	private String personsView(PersonsView view) {
		if (view == null || view.view() == PersonsView.View.WITHDRAWN) {
			return text("copy.view.notAsked");
		}
		String said = text(view.view() == PersonsView.View.AGREES ? "copy.view.agrees" : "copy.view.disagrees");
		return view.reason() == null ? said : said + " " + text("copy.view.because", view.reason());
	}

	private void actions(Document document, CarePlanView plan) {
		heading(document, text("copy.actions.heading"), 14);
		for (Action action : plan.actions()) {
			line(document, text("copy.action", action.description(), action.ownerName(), action.ownerOrganisationName(),
					date(action.dueOn())) + " " + text("copy.status." + action.status()));
		}
	}

	private void safety(Document document, CarePlanView plan) {
		if (plan.contingency() != null) {
			heading(document, text("copy.crisis.heading"), 14);
			line(document, plan.contingency().inACrisis());
			line(document, text("copy.crisis.outOfHours", plan.contingency().outOfHoursContact()));
		}
		if (!plan.risks().isEmpty()) {
			heading(document, text("copy.risks.heading"), 14);
			for (Risk risk : plan.risks()) {
				line(document, text("copy.risk", risk.description(), risk.personsChoice(), risk.howWeReduceIt()));
			}
		}
		for (Decision decision : plan.decisions()) {
			if (decision.chosen()) {
				String chosen = decision.options()
					.stream()
					.filter(o -> o.id().equals(decision.chosenOptionId()))
					.map(Decision.Option::description)
					.findFirst()
					.orElse("");
				line(document, text("copy.choice", decision.question(), chosen));
			}
		}
	}

	private static void heading(Document document, String text, int size) {
		Paragraph paragraph = new Paragraph(text, FontFactory.getFont(FontFactory.HELVETICA_BOLD, size, Font.BOLD));
		paragraph.setSpacingBefore(10);
		paragraph.setSpacingAfter(4);
		document.add(paragraph);
	}

	private static void line(Document document, String text) {
		document.add(new Paragraph(text, FontFactory.getFont(FontFactory.HELVETICA, 11)));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.UK);
	}

	private static String date(LocalDate date) {
		return date.format(DATE);
	}

}
