package care.seamless.person.web;

import java.util.Arrays;
import java.util.UUID;

import care.seamless.person.AlertKind;
import care.seamless.person.Alerts;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Raising and ending alerts on the record page. */
@PageController
class AlertController {

	private final Alerts alerts;

	AlertController(Alerts alerts) {
		this.alerts = alerts;
	}

	@PostMapping("/people/{id}/alerts")
	String raise(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		AlertKind chosen = Arrays.stream(AlertKind.values())
			.filter(k -> k.name().equals(kind))
			.findFirst()
			.orElse(null);
		return done(id, redirect, "record.alert.raised", () -> alerts.raise(actor, id, chosen, note));
	}

	@PostMapping("/people/{id}/alerts/{alertId}/end")
	String end(Actor actor, @PathVariable PersonId id, @PathVariable UUID alertId, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		return done(id, redirect, "record.alert.ended", () -> alerts.end(actor, id, alertId, version, reason));
	}

	private static String done(PersonId id, RedirectAttributes redirect, String saved, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", saved);
		}
		catch (PersonRuleViolation ex) {
			redirect.addFlashAttribute("alertError", ex.getMessage());
			redirect.addFlashAttribute("alertErrorField", ex.field());
		}
		return "redirect:/people/" + id + "#alerts";
	}

}
