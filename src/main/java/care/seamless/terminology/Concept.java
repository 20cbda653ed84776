package care.seamless.terminology;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One idea in the common language, with the words each audience uses for it. Answers
 * store {@link #code()}; screens show {@link #display(Audience)}.
 *
 * @param code ICF code (such as {@code d510}) or local code (such as
 * {@code SEAM-RISK-001}); unique
 * @param careActOutcome the eligibility outcome this concept bears on, if any
 * @param snomed a SNOMED CT concept id, only where the mapping is known to be right
 * @param icf the nearest ICF category for a local concept; empty for ICF concepts, whose
 * code already is one
 */
public record Concept(String code, CodeSystem system, ConceptKind kind, SapDomain sapDomain,
		@Nullable CareActOutcome careActOutcome, String healthTerm, String socialCareTerm, String plainEnglish,
		List<String> synonyms, @Nullable String snomed, @Nullable String icf) {

	public Concept {
		synonyms = List.copyOf(synonyms);
	}

	public String display(Audience audience) {
		return switch (audience) {
			case HEALTH -> this.healthTerm;
			case SOCIAL_CARE -> this.socialCareTerm;
			case PERSON -> this.plainEnglish;
		};
	}

	/**
	 * Every phrase someone might search with: the three displays and the synonyms.
	 */
	public List<String> terms() {
		List<String> terms = new ArrayList<>(List.of(this.healthTerm, this.socialCareTerm, this.plainEnglish));
		terms.addAll(this.synonyms);
		return terms;
	}

	/**
	 * The ICF category for this concept: its own code for an ICF concept, otherwise its
	 * mapping (possibly none).
	 */
	public @Nullable String icfCategory() {
		return (this.system == CodeSystem.ICF) ? this.code : this.icf;
	}

}
