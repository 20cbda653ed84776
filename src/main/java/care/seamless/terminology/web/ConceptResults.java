package care.seamless.terminology.web;

import java.util.List;

import care.seamless.terminology.Concept;
import org.jspecify.annotations.Nullable;

/**
 * Concepts found by the API, written with the same codes as the CSV format so a client
 * can round-trip between the two.
 */
record ConceptResults(int total, List<ConceptJson> concepts) {

	record ConceptJson(String code, String system, String kind, String sapDomain, @Nullable String careActOutcome,
			String healthTerm, String socialCareTerm, String plainEnglish, List<String> synonyms,
			@Nullable String snomed, @Nullable String icf) {

		static ConceptJson of(Concept concept) {
			return new ConceptJson(concept.code(), concept.system().code(), concept.kind().code(),
					concept.sapDomain().code(),
					(concept.careActOutcome() != null) ? concept.careActOutcome().code() : null, concept.healthTerm(),
					concept.socialCareTerm(), concept.plainEnglish(), concept.synonyms(), concept.snomed(),
					concept.icf());
		}

	}

}
