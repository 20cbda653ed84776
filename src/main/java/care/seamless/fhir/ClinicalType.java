package care.seamless.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The clinical history partners send and we keep read-only: for each type, the element
 * naming the person, and the FHIRPaths and search parameter names of its code and
 * category, where R4 defines them.
 */
enum ClinicalType {

	CONDITION(Condition.class, "subject", "code", "Condition.code.coding", "Condition.category.coding"),
	OBSERVATION(Observation.class, "subject", "code", "Observation.code.coding", "Observation.category.coding"),
	ENCOUNTER(Encounter.class, "subject", "type", "Encounter.type.coding", null),
	MEDICATION_REQUEST(MedicationRequest.class, "subject", "code", "MedicationRequest.medicationCodeableConcept.coding",
			"MedicationRequest.category.coding"),
	ALLERGY_INTOLERANCE(AllergyIntolerance.class, "patient", "code", "AllergyIntolerance.code.coding",
			"AllergyIntolerance.category"),
	PROCEDURE(Procedure.class, "subject", "code", "Procedure.code.coding", "Procedure.category.coding"),
	IMMUNIZATION(Immunization.class, "patient", "vaccine-code", "Immunization.vaccineCode.coding", null);

	private final Class<? extends Resource> type;

	private final String personElement;

	private final String codeParameter;

	private final String codePath;

	private final @Nullable String categoryPath;

	ClinicalType(Class<? extends Resource> type, String personElement, String codeParameter, String codePath,
			@Nullable String categoryPath) {
		this.type = type;
		this.personElement = personElement;
		this.codeParameter = codeParameter;
		this.codePath = codePath;
		this.categoryPath = categoryPath;
	}

	static Optional<ClinicalType> of(String resourceType) {
		return Arrays.stream(values()).filter(t -> t.resourceType().equals(resourceType)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(ClinicalType::resourceType).toList();
	}

	Class<? extends Resource> type() {
		return type;
	}

	String resourceType() {
		return type.getSimpleName();
	}

	/**
	 * The element holding the reference to the Patient ({@code subject} or
	 * {@code patient}).
	 */
	String personElement() {
		return personElement;
	}

	String codeParameter() {
		return codeParameter;
	}

	String codePath() {
		return codePath;
	}

	@Nullable String categoryPath() {
		return categoryPath;
	}

	/** The search parameters applied to this type. */
	Set<String> searchParameters() {
		java.util.Set<String> names = new java.util.HashSet<>(Set.of("_id", "patient", "_lastUpdated", codeParameter));
		if (personElement.equals("subject")) {
			names.add("subject");
		}
		if (categoryPath != null) {
			names.add("category");
		}
		return Set.copyOf(names);
	}

}
