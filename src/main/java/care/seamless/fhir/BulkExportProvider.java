package care.seamless.fhir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import care.seamless.shared.Actor;
import care.seamless.shared.TeamId;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The Bulk Data export endpoints: {@code GET /fhir/$export} with
 * {@code Prefer: respond-async} answers 202 and a status URL in {@code Content-Location};
 * polling it answers 202 while the job runs and 200 with the manifest when done; each
 * file in the manifest is served as NDJSON, to the caller only.
 */
@Component
class BulkExportProvider {

	private static final Set<String> KICK_OFF = Set.of("_outputFormat", "_type", "_since");

	private final BulkExports exports;

	private final FhirCallers callers;

	BulkExportProvider(BulkExports exports, FhirCallers callers) {
		this.exports = exports;
		this.callers = callers;
	}

	@Operation(name = "$export", manualResponse = true, idempotent = true)
	public void export(ServletRequestDetails request) {
		kickOff(request, null);
	}

	/**
	 * Checks a kick-off request and starts the job: every record the caller may open
	 * ({@code group} null) or a team's caseload.
	 */
	void kickOff(ServletRequestDetails request, @Nullable TeamId group) {
		Actor actor = callers.actor();
		String prefer = request.getHeader("Prefer");
		if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "Prefer",
					"A bulk export runs in the background: send 'Prefer: respond-async'");
		}
		for (String name : request.getParameters().keySet()) {
			if (!KICK_OFF.contains(name)) {
				throw new FhirFailure(FhirError.UNKNOWN_PARAMETER, name, "Unknown export parameter '" + name + "'");
			}
		}
		String[] format = request.getParameters().get("_outputFormat");
		if (format != null && !Set.of("application/fhir+ndjson", "application/ndjson", "ndjson").contains(format[0])) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "_outputFormat", "Exports are NDJSON only");
		}
		Set<String> types = types(request);
		java.time.Instant since = since(request);
		if (group != null && !exports.mayExport(actor, group)) {
			throw new FhirFailure(FhirError.NOT_FOUND, null, "No such Group (a team you belong to)");
		}
		UUID id = exports.start(actor, types, since, group);
		HttpServletResponse response = request.getServletResponse();
		response.setStatus(202);
		response.setHeader("Content-Location", request.getFhirServerBase() + "/$export-poll-status?_jobId=" + id);
	}

	/** The types asked for ({@code _type}, comma separated), or every type exported. */
	private static Set<String> types(ServletRequestDetails request) {
		String[] values = request.getParameters().get("_type");
		if (values == null) {
			return BulkExports.TYPES;
		}
		Set<String> types = new java.util.LinkedHashSet<>();
		for (String value : values) {
			for (String type : value.split(",", -1)) {
				if (!BulkExports.TYPES.contains(type.trim())) {
					throw new FhirFailure(FhirError.INVALID_PARAMETER, "_type",
							"'_type' names types we export: " + String.join(", ", BulkExports.ORDER));
				}
				types.add(type.trim());
			}
		}
		return types;
	}

	/** {@code _since}: an instant with its time zone, as Bulk Data asks. */
	private static java.time.@Nullable Instant since(ServletRequestDetails request) {
		String[] values = request.getParameters().get("_since");
		if (values == null) {
			return null;
		}
		if (values.length != 1) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "_since", "Give '_since' once");
		}
		try {
			return java.time.OffsetDateTime.parse(values[0].trim()).toInstant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "_since",
					"'_since' is an instant with its time zone, such as 2026-12-01T00:00:00Z");
		}
	}

	@Operation(name = "$export-poll-status", manualResponse = true, idempotent = true)
	public void poll(ServletRequestDetails request) throws IOException {
		Actor actor = callers.actor();
		BulkExports.Job job = exports.job(actor, jobId(request))
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, "_jobId", "No such export (or it has expired)"));
		HttpServletResponse response = request.getServletResponse();
		switch (job.status()) {
			case "RUNNING" -> {
				response.setStatus(202);
				response.setHeader("X-Progress", "in progress");
				response.setHeader("Retry-After", "2");
			}
			case "DONE" -> {
				response.setStatus(200);
				response.setContentType("application/json");
				String base = request.getFhirServerBase() + "/$export-file?_jobId=" + job.id() + "&_type=";
				String output = job.output()
					.replaceAll("\\{\"type\": ?\"(\\w+)\", ?\"count\": ?(\\d+)\\}",
							"{\"type\":\"$1\",\"url\":\"" + base.replace("$", "\\$") + "$1\",\"count\":$2}");
				String manifest = "{\"transactionTime\":\"" + job.requestedAt() + "\",\"request\":\""
						+ request.getFhirServerBase() + "/$export\",\"requiresAccessToken\":true,\"output\":"
						+ output.replaceAll(",?\\{\"type\":\"\\w+\",\"url\":\"[^\"]*\",\"count\":0\\}", "")
							.replace("[,", "[")
						+ ",\"error\":[]}";
				response.getWriter().write(manifest);
			}
			default -> throw new FhirFailure(FhirError.INTERNAL, null, "The export failed; it has been logged");
		}
	}

	@Operation(name = "$export-file", manualResponse = true, idempotent = true)
	public void file(ServletRequestDetails request) throws IOException {
		Actor actor = callers.actor();
		String type = single(request, "_type");
		if (type == null || !type.matches("[A-Za-z]{1,40}")) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "_type", "Name the resource type of the file");
		}
		Path file = exports.file(actor, jobId(request), type)
			.orElseThrow(() -> new FhirFailure(FhirError.NOT_FOUND, "_type", "No such export file"));
		HttpServletResponse response = request.getServletResponse();
		response.setStatus(200);
		response.setContentType("application/fhir+ndjson");
		try (OutputStream out = response.getOutputStream()) {
			Files.copy(file, out);
		}
	}

	private static UUID jobId(ServletRequestDetails request) {
		UUID id = ClinicalProvider.uuid(String.valueOf(single(request, "_jobId")));
		if (id == null) {
			throw new FhirFailure(FhirError.NOT_FOUND, "_jobId", "No such export");
		}
		return id;
	}

	private static @Nullable String single(ServletRequestDetails request, String name) {
		String[] values = request.getParameters().get(name);
		return values == null || values.length != 1 ? null : values[0];
	}

}
