package care.seamless.fhir;

import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;

import org.springframework.stereotype.Component;

/**
 * One provider per type of clinical history. The typed parameters describe each search in
 * the CapabilityStatement; the values are read by {@link SearchParameters}, which has
 * already checked them.
 */
final class ClinicalProviders {

	private ClinicalProviders() {
	}

	@Component
	static class ConditionProvider extends ClinicalProvider {

		ConditionProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.CONDITION, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "subject") ReferenceParam subject, @OptionalParam(name = "code") TokenParam code,
				@OptionalParam(name = "category") TokenParam category,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class ObservationProvider extends ClinicalProvider {

		ObservationProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.OBSERVATION, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "subject") ReferenceParam subject, @OptionalParam(name = "code") TokenParam code,
				@OptionalParam(name = "category") TokenParam category,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class EncounterProvider extends ClinicalProvider {

		EncounterProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.ENCOUNTER, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "subject") ReferenceParam subject, @OptionalParam(name = "type") TokenParam code,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class MedicationRequestProvider extends ClinicalProvider {

		MedicationRequestProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.MEDICATION_REQUEST, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "subject") ReferenceParam subject, @OptionalParam(name = "code") TokenParam code,
				@OptionalParam(name = "category") TokenParam category,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class AllergyIntoleranceProvider extends ClinicalProvider {

		AllergyIntoleranceProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.ALLERGY_INTOLERANCE, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient, @OptionalParam(name = "code") TokenParam code,
				@OptionalParam(name = "category") TokenParam category,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class ProcedureProvider extends ClinicalProvider {

		ProcedureProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.PROCEDURE, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "subject") ReferenceParam subject, @OptionalParam(name = "code") TokenParam code,
				@OptionalParam(name = "category") TokenParam category,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

	@Component
	static class ImmunizationProvider extends ClinicalProvider {

		ImmunizationProvider(ClinicalHistory history, FhirCallers callers) {
			super(ClinicalType.IMMUNIZATION, history, callers);
		}

		@Search(allowUnknownParams = true)
		public IBundleProvider search(RequestDetails request, @OptionalParam(name = "_id") TokenParam id,
				@OptionalParam(name = "patient") ReferenceParam patient,
				@OptionalParam(name = "vaccine-code") TokenParam code,
				@OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
			return search(request);
		}

	}

}
