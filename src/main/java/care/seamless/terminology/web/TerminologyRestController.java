package care.seamless.terminology.web;

import java.util.List;

import care.seamless.shared.NotFoundException;
import care.seamless.terminology.Concept;
import care.seamless.terminology.Terminology;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/terminology/concepts")
@Tag(name = "Common language", description = "Concepts of the shared vocabulary, in each audience's words")
class TerminologyRestController {

	static final int MAX_LIMIT = 500;

	private final Terminology terminology;

	TerminologyRestController(Terminology terminology) {
		this.terminology = terminology;
	}

	@GetMapping
	@Operation(summary = "Find concepts by any of their words",
			description = "Matches the health term, social care term, plain English, synonyms and the code, ignoring case: exact matches first, then words starting with q, then words containing it. Without q, the whole vocabulary in its own order. 'total' counts every match; 'concepts' holds at most 'limit' of them (1 to 500).")
	ConceptResults search(@Parameter(description = "Words to look for") @RequestParam(name = "q",
			required = false) @Nullable String query, @RequestParam(defaultValue = "50") int limit) {
		List<Concept> found = (query == null || query.isBlank()) ? this.terminology.vocabulary().concepts()
				: this.terminology.search(query);
		int capped = Math.max(1, Math.min(limit, MAX_LIMIT));
		return new ConceptResults(found.size(),
				found.stream().limit(capped).map(ConceptResults.ConceptJson::of).toList());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One concept by its code",
			description = "404 with a problem+json body when no concept has the code.")
	ConceptResults.ConceptJson concept(@PathVariable String code) {
		return this.terminology.find(code)
			.map(ConceptResults.ConceptJson::of)
			.orElseThrow(() -> new NotFoundException("Concept", code));
	}

}
