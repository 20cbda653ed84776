package care.seamless.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import care.seamless.shared.TeamId;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;

import org.springframework.stereotype.Component;

/**
 * {@code Group/[id]/$export}: a Group is a team's caseload (the id is the team's), the
 * people in whose care team a member of the team sits today. Only members of the team may
 * export it, and the export holds of each person only what the caller may see, as the
 * system-level export does (ADR 0049-fhir).
 */
@Component
class GroupProvider implements IResourceProvider {

	private final BulkExportProvider exports;

	GroupProvider(BulkExportProvider exports) {
		this.exports = exports;
	}

	@Override
	public Class<Group> getResourceType() {
		return Group.class;
	}

	@Operation(name = "$export", manualResponse = true, idempotent = true)
	public void export(@IdParam IdType id, ServletRequestDetails request) {
		UUID team = ClinicalProvider.uuid(id.getIdPart());
		if (team == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such Group (a team you belong to)");
		}
		exports.kickOff(request, new TeamId(team));
	}

}
