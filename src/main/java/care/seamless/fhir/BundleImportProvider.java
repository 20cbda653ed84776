package care.seamless.fhir;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import care.seamless.shared.Actor;
import org.hl7.fhir.r4.model.Bundle;

import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir} with a transaction bundle (all or nothing: one failing entry and
 * nothing is saved) or a batch bundle (each entry on its own, each answered) of Patients
 * and clinical history; any other entry is refused with its place in the bundle.
 */
@Component
class BundleImportProvider {

	private final BundleImports imports;

	private final FhirCallers callers;

	BundleImportProvider(BundleImports imports, FhirCallers callers) {
		this.imports = imports;
		this.callers = callers;
	}

	@Transaction
	public Bundle transaction(@TransactionParam Bundle bundle) {
		Actor actor = callers.actor();
		if (bundle.getType() == Bundle.BundleType.BATCH) {
			return batch(actor, bundle);
		}
		if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, "Bundle.type",
					"POST /fhir takes a transaction or a batch bundle");
		}
		List<BundleImports.Entry> entries = new ArrayList<>();
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			entries.add(entry(bundle.getEntry().get(i), i));
		}
		Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		imports.importAll(actor, entries, null, false).answers().forEach(answer -> answer(response, answer));
		return response;
	}

	private Bundle batch(Actor actor, Bundle bundle) {
		Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		for (int i = 0; i < bundle.getEntry().size(); i++) {
			try {
				answer(response,
						imports.importAll(actor, List.of(entry(bundle.getEntry().get(i), i)), null, false)
							.answers()
							.get(0));
			}
			catch (RuntimeException ex) {
				BaseServerResponseException failure = FhirErrors.translateOne(ex);
				response.addEntry()
					.getResponse()
					.setStatus(Integer.toString(failure.getStatusCode()))
					.setOutcome((org.hl7.fhir.r4.model.Resource) failure.getOperationOutcome());
			}
		}
		return response;
	}

	private static BundleImports.Entry entry(Bundle.BundleEntryComponent entry, int i) {
		String at = "Bundle.entry[" + i + "]";
		if (entry.getResource() == null) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, at + ".resource", "Each entry needs a resource");
		}
		if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
			throw new FhirFailure(FhirError.INVALID_RESOURCE, at + ".request.method",
					"Only POST (create) is taken in bundles so far");
		}
		return new BundleImports.Entry(entry.getResource(), at + ".resource",
				entry.hasFullUrl() ? entry.getFullUrl() : null);
	}

	private static void answer(Bundle response, BundleImports.Answer answer) {
		boolean created = answer.kind() == BundleImports.Kind.CREATED;
		response.addEntry().getResponse().setStatus(created ? "201 Created" : "200 OK").setLocation(answer.location());
	}

}
