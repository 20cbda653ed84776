package care.seamless.person.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;

import care.seamless.person.Document;
import care.seamless.person.DocumentKind;
import care.seamless.person.Documents;
import care.seamless.person.PersonRuleViolation;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.PageController;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading, downloading and removing documents on the record page. A download is always
 * an attachment and never sniffed, so a document can never run as a page of Seamless
 * whatever it holds.
 */
@PageController
class DocumentController {

	private final Documents documents;

	DocumentController(Documents documents) {
		this.documents = documents;
	}

	@PostMapping("/people/{id}/documents")
	String upload(Actor actor, @PathVariable PersonId id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String category,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		DocumentKind chosenKind = Arrays.stream(DocumentKind.values())
			.filter(k -> k.name().equals(kind))
			.findFirst()
			.orElse(null);
		DataCategory chosenCategory = Arrays.stream(DataCategory.values())
			.filter(c -> c.name().equals(category))
			.findFirst()
			.orElse(null);
		byte[] content = file == null ? null : file.getBytes();
		try {
			documents.upload(actor, id, title, chosenKind, chosenCategory, content);
			redirect.addFlashAttribute("saved", "record.document.uploaded.done");
		}
		catch (PersonRuleViolation ex) {
			redirect.addFlashAttribute("documentError", ex.getMessage());
			redirect.addFlashAttribute("documentErrorField", ex.field());
		}
		return "redirect:/people/" + id + "#documents";
	}

	@GetMapping("/people/{id}/documents/{documentId}")
	ResponseEntity<byte[]> download(Actor actor, @PathVariable PersonId id, @PathVariable UUID documentId) {
		Document.Content content = documents.download(actor, id, documentId);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.parseMediaType(content.mediaType()))
			.body(content.bytes());
	}

	@PostMapping("/people/{id}/documents/{documentId}/remove")
	String remove(Actor actor, @PathVariable PersonId id, @PathVariable UUID documentId, @RequestParam long version,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		try {
			documents.remove(actor, id, documentId, version, reason);
			redirect.addFlashAttribute("saved", "record.document.removed");
		}
		catch (PersonRuleViolation ex) {
			redirect.addFlashAttribute("documentError", ex.getMessage());
			redirect.addFlashAttribute("documentErrorField", ex.field());
		}
		return "redirect:/people/" + id + "#documents";
	}

}
