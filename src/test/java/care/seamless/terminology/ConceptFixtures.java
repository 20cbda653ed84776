package care.seamless.terminology;

import java.util.List;

/**
 * Small concepts for tests, so each test shows only the words it is about.
 */
final class ConceptFixtures {

	private ConceptFixtures() {
	}

	static Concept washing() {
		return new Concept("d510", CodeSystem.ICF, ConceptKind.NEED, SapDomain.PERSONAL_CARE, CareActOutcome.HYGIENE,
				"Washing oneself", "Help with washing and bathing", "Washing myself", List.of("bathing", "strip wash"),
				null, null);
	}

	static Concept falls() {
		return new Concept("SEAM-RISK-01", CodeSystem.LOCAL, ConceptKind.RISK, SapDomain.SAFETY,
				CareActOutcome.HOME_SAFETY, "Risk of falls", "Falls risk", "Chance of having a fall",
				List.of("falls", "unsteady, on feet"), "129839007", "d450");
	}

	static Concept bath() {
		return new Concept("SEAM-SVC-99", CodeSystem.LOCAL, ConceptKind.SERVICE, SapDomain.PERSONAL_CARE, null,
				"Bath lift", "Bathing equipment", "Bath seat that lifts me", List.of("bath board"), null, "e115");
	}

	static Vocabulary vocabulary() {
		return Vocabulary.of(List.of(washing(), falls(), bath()));
	}

}
