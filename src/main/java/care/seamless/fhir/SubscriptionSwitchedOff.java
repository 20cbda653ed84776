package care.seamless.fhir;

import java.util.UUID;

import care.seamless.shared.PractitionerId;

/**
 * A partner's FHIR subscription kept failing and was switched off; its owner should hear
 * of it. Ids only: the endpoint and the error stay in the subscription, which the owner
 * reads at {@code /fhir/Subscription/{id}}.
 */
public record SubscriptionSwitchedOff(UUID subscriptionId, PractitionerId owner) {
}
