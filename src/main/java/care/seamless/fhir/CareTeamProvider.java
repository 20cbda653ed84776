package care.seamless.fhir;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeamRequests;
import care.seamless.team.CareTeamView;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The person's care team, from the care team page's own read
 * ({@link CareTeamRequests#careTeam}: decided and audited there). A person has one care
 * team, so its id is the person's.
 */
@Component
class CareTeamProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("patient", "subject", "status");

	private static final Set<String> STATUSES = Set.of("proposed", "active", "suspended", "inactive",
			"entered-in-error");

	private final CareTeamRequests careTeams;

	private final FhirCallers callers;

	CareTeamProvider(CareTeamRequests careTeams, FhirCallers callers) {
		this.careTeams = careTeams;
		this.callers = callers;
	}

	@Override
	public Class<CareTeam> getResourceType() {
		return CareTeam.class;
	}

	@Override
	public Set<String> searchParameters() {
		return PARAMETERS;
	}

	@Override
	public Set<String> dateParameters() {
		return Set.of();
	}

	@Read
	public CareTeam read(@IdParam IdType id) {
		PersonId person = new PersonId(ItemIds.requirePlain(id.getIdPart()));
		return RecordTranslator.careTeam(careTeams.careTeam(callers.actor(), person));
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "patient") ReferenceParam patientParam,
			@OptionalParam(name = "subject") ReferenceParam subjectParam,
			@OptionalParam(name = "status") TokenParam statusParam) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		String status = status(parameters, STATUSES);
		Actor actor = callers.actor();
		PersonId person = PersonScope.person(parameters);
		CareTeamView view = PersonScope.orNull(person, () -> careTeams.careTeam(actor, person));
		List<CareTeam> found = view == null ? List.of() : List.of(RecordTranslator.careTeam(view));
		return PersonScope.page(
				found.stream().filter(t -> status == null || t.getStatus().toCode().equals(status)).toList(),
				parameters);
	}

	/** The {@code status} asked for, refused when it is not one of {@code known}. */
	static @Nullable String status(SearchParameters parameters, Set<String> known) {
		SearchParameters.Token token = parameters.token("status");
		if (token == null) {
			return null;
		}
		if (!known.contains(token.code())) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "status",
					"'status' is one of " + String.join(", ", known.stream().sorted().toList()));
		}
		return token.code();
	}

}
