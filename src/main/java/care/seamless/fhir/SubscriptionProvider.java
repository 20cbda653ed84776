package care.seamless.fhir;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import care.seamless.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;

import org.springframework.stereotype.Component;

/**
 * Subscription create, read, search and delete under {@code /fhir}: each account sees and
 * deletes only its own; anyone else's id is 404, as if it did not exist.
 */
@Component
class SubscriptionProvider implements SearchableProvider {

	private static final Set<String> PARAMETERS = Set.of("status");

	private static final Set<String> STATUSES = Set.of("requested", "active", "error", "off");

	private final Subscriptions subscriptions;

	private final FhirCallers callers;

	SubscriptionProvider(Subscriptions subscriptions, FhirCallers callers) {
		this.subscriptions = subscriptions;
		this.callers = callers;
	}

	@Override
	public Class<Subscription> getResourceType() {
		return Subscription.class;
	}

	@Override
	public Set<String> searchParameters() {
		return PARAMETERS;
	}

	@Override
	public Set<String> dateParameters() {
		return Set.of();
	}

	@Create
	public MethodOutcome create(@ResourceParam Subscription subscription) {
		Actor actor = callers.actor();
		UUID id = subscriptions.create(actor, subscription);
		// Answered at once as 'requested': the sender's job sends the handshake, so a
		// slow partner's endpoint never holds this request (ADR 0055-fhirsub).
		MethodOutcome outcome = new MethodOutcome(new IdType("Subscription", id.toString()));
		outcome.setCreated(true);
		outcome.setResource(SubscriptionTranslator.toFhir(subscriptions.created(actor, id)));
		return outcome;
	}

	@Read
	public Subscription read(@IdParam IdType id) {
		return SubscriptionTranslator.toFhir(subscriptions.read(callers.actor(), ItemIds.requirePlain(id.getIdPart())));
	}

	@Delete
	public MethodOutcome delete(@IdParam IdType id) {
		subscriptions.delete(callers.actor(), ItemIds.requirePlain(id.getIdPart()));
		return new MethodOutcome();
	}

	@Search(allowUnknownParams = true)
	public IBundleProvider search(RequestDetails request, @OptionalParam(name = "status") TokenParam statusParam) {
		SearchParameters parameters = SearchParameters.check(request.getParameters(), PARAMETERS);
		Actor actor = callers.actor();
		String status = parameters.single("status");
		if (status != null && !STATUSES.contains(status)) {
			throw new FhirFailure(FhirError.INVALID_PARAMETER, "status",
					"'status' is one of requested, active, error or off");
		}
		int count = parameters.count();
		int offset = parameters.offset();
		List<IBaseResource> page = subscriptions.list(actor, status, count, offset)
			.stream()
			.<IBaseResource>map(SubscriptionTranslator::toFhir)
			.toList();
		SimpleBundleProvider bundle = new SimpleBundleProvider(page);
		bundle.setCurrentPageOffset(offset);
		bundle.setCurrentPageSize(count);
		bundle.setSize((int) subscriptions.count(actor, status));
		return bundle;
	}

}
