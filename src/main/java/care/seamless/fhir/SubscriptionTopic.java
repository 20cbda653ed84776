package care.seamless.fhir;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a partner system may subscribe to: our own topics, named by canonical URL as the
 * R5 Backport IG puts them in {@code Subscription.criteria}. Each comes from a domain
 * event its module already publishes; none carries more than a reference.
 */
enum SubscriptionTopic {

	/** A referral sent or redirected to a team the subscribing account belongs to. */
	REFERRAL_RECEIVED("referral-received", "Patient"),

	/**
	 * Anything changed in the care and support plan of a person whose record the account
	 * may open.
	 */
	CARE_PLAN_CHANGED("care-plan-changed", "CarePlan"),

	/** A ward recorded an admission of a person whose record the account may open. */
	ADMISSION("admission", "Patient");

	static final String BASE = "https://seamless.care/fhir/SubscriptionTopic/";

	private final String key;

	private final String focusType;

	SubscriptionTopic(String key, String focusType) {
		this.key = key;
		this.focusType = focusType;
	}

	String key() {
		return key;
	}

	String canonical() {
		return BASE + key;
	}

	/** The resource type a notification's focus names. */
	String focusType() {
		return focusType;
	}

	static Optional<SubscriptionTopic> byCanonical(String canonical) {
		return Arrays.stream(values()).filter(t -> t.canonical().equals(canonical)).findFirst();
	}

	static SubscriptionTopic byKey(String key) {
		return Arrays.stream(values())
			.filter(t -> t.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown topic " + key));
	}

}
