package care.seamless.door.web;

import java.util.List;
import java.util.UUID;

import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.ActingKind;
import care.seamless.door.AboutMe;
import care.seamless.door.AboutMeWords;
import care.seamless.door.ActingForView;
import care.seamless.door.CareTeamMessages;
import care.seamless.door.DoorRules;
import care.seamless.door.MyRecord;
import care.seamless.door.PersonsFeedback;
import care.seamless.door.RecordCopy;
import care.seamless.door.SubjectAccess;
import care.seamless.document.PrintedDocuments;
import care.seamless.shared.Actor;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The person's own words at the door: About me, messages with the care team, feedback
 * with "you said, we did", and the download of their record. Every page opens the record
 * through the access policy first, including the page shown again with errors.
 */
@PageController
@RequestMapping("/me/people/{personId}")
class MyWordsController {

	static final String COPY_TEMPLATE = "door/record-copy";

	private final MyRecord myRecord;

	private final AboutMeWords aboutMe;

	private final CareTeamMessages messages;

	private final PersonsFeedback feedback;

	private final SubjectAccess subjectAccess;

	private final PrintedDocuments documents;

	private final AccessPolicy accessPolicy;

	MyWordsController(MyRecord myRecord, AboutMeWords aboutMe, CareTeamMessages messages, PersonsFeedback feedback,
			SubjectAccess subjectAccess, PrintedDocuments documents, AccessPolicy accessPolicy) {
		this.accessPolicy = accessPolicy;
		this.myRecord = myRecord;
		this.aboutMe = aboutMe;
		this.messages = messages;
		this.feedback = feedback;
		this.subjectAccess = subjectAccess;
		this.documents = documents;
	}

	private ActingForView open(Actor actor, PersonId personId, Model model) {
		ActingForView person = myRecord.open(actor, personId);
		model.addAttribute("person", person);
		model.addAttribute("self", person.kind() == ActingKind.SELF);
		model.addAttribute("speaks", accessPolicy.speaksFor(actor, personId));
		return person;
	}

	@GetMapping("/about-me")
	String aboutMe(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId, Model model) {
		Actor actor = MeController.actor(me);
		open(actor, personId, model);
		if (!model.containsAttribute("about")) {
			model.addAttribute("about", aboutMe.aboutMe(actor, personId));
		}
		return "door/about-me";
	}

	@PostMapping("/about-me")
	String saveAboutMe(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@RequestParam(required = false) @Nullable String addressedAs,
			@RequestParam(required = false) @Nullable String whatMatters,
			@RequestParam(required = false) @Nullable String support,
			@RequestParam(required = false) @Nullable String communication, @RequestParam long version, Model model) {
		try {
			aboutMe.save(MeController.actor(me), personId, addressedAs, whatMatters, support, communication, version);
		}
		catch (DoorRules ex) {
			model.addAttribute("errors", ex.violations());
			// What they typed, so nothing is lost; a stale save keeps the newer version
			// out of the form until they look again.
			model.addAttribute("about", new AboutMe(text(addressedAs), text(whatMatters), text(support),
					text(communication), null, version));
			return aboutMe(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/about-me?saved";
	}

	@GetMapping("/messages")
	String messages(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			Model model) {
		Actor actor = MeController.actor(me);
		open(actor, personId, model);
		model.addAttribute("conversations", messages.conversations(actor, personId));
		return "door/messages";
	}

	@PostMapping("/messages")
	String send(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@RequestParam(required = false) @Nullable String words, Model model) {
		return send(me, personId, null, words, model);
	}

	@PostMapping("/messages/{conversationId}")
	String send(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@PathVariable @Nullable UUID conversationId, @RequestParam(required = false) @Nullable String words,
			Model model) {
		try {
			messages.send(MeController.actor(me), personId, conversationId, words);
		}
		catch (AccessDenied ex) {
			// Someone who may read but not speak for the person (the form is not
			// offered; this is a tampered or stale post): say so, save nothing.
			model.addAttribute("refused", true);
			return messages(me, personId, model);
		}
		catch (DoorRules ex) {
			model.addAttribute("errors", ex.violations());
			model.addAttribute("errorConversation", conversationId);
			model.addAttribute("typed", text(words));
			return messages(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/messages?sent";
	}

	@GetMapping("/feedback")
	String feedback(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			Model model) {
		Actor actor = MeController.actor(me);
		open(actor, personId, model);
		model.addAttribute("given", feedback.feedback(actor, personId));
		model.addAttribute("questions", List.of("listened", "explained", "agreePlan", "easy"));
		return "door/feedback";
	}

	@PostMapping("/feedback")
	String giveFeedback(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			@RequestParam(required = false) @Nullable String listened,
			@RequestParam(required = false) @Nullable String explained,
			@RequestParam(required = false) @Nullable String agreePlan,
			@RequestParam(required = false) @Nullable String easy,
			@RequestParam(required = false) @Nullable String comment, Model model) {
		try {
			feedback.give(MeController.actor(me), personId, number(listened), number(explained), number(agreePlan),
					number(easy), comment);
		}
		catch (AccessDenied ex) {
			model.addAttribute("refused", true);
			return feedback(me, personId, model);
		}
		catch (DoorRules ex) {
			model.addAttribute("errors", ex.violations());
			model.addAttribute("typed", text(comment));
			return feedback(me, personId, model);
		}
		return "redirect:/me/people/" + personId + "/feedback?sent";
	}

	@GetMapping("/copy")
	String copyPage(@AuthenticationPrincipal @Nullable PersonSignedIn me, @PathVariable PersonId personId,
			Model model) {
		open(MeController.actor(me), personId, model);
		return "door/copy";
	}

	@GetMapping("/copy.pdf")
	ResponseEntity<byte[]> copyPdf(@AuthenticationPrincipal @Nullable PersonSignedIn me,
			@PathVariable PersonId personId) {
		RecordCopy copy = subjectAccess.copy(MeController.actor(me), personId);
		byte[] body = documents.pdf(COPY_TEMPLATE, java.util.Map.of("copy", copy));
		return download(MediaType.APPLICATION_PDF, "my-record.pdf", body);
	}

	@GetMapping(path = "/copy.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecordCopy> copyJson(@AuthenticationPrincipal @Nullable PersonSignedIn me,
			@PathVariable PersonId personId) {
		return download(MediaType.APPLICATION_JSON, "my-record.json",
				subjectAccess.copy(MeController.actor(me), personId));
	}

	private static <T> ResponseEntity<T> download(MediaType type, String filename, T body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private static @Nullable Integer number(@Nullable String value) {
		if (value == null || !value.matches("[1-4]")) {
			return null;
		}
		return Integer.valueOf(value);
	}

	private static String text(@Nullable String value) {
		// Shown again in the form as typed, less what can never be shown.
		return value == null ? "" : value.replace("\0", "");
	}

}
