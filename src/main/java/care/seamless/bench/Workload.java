package care.seamless.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The workloads of issue 21, each one kind of request a practitioner's screen or a
 * partner system sends, and what counts as its success.
 */
enum Workload {

	/** The record summary through the API: access decision, read, audit entry. */
	VIEW("view", Needs.PEOPLE, Success.OK),
	/** Demographic search by family name and date of birth through the API. */
	SEARCH("search", Needs.DETAILS, Success.OK),
	/** An assessment's findings through the API (what the assessment summary shows). */
	ASSESSMENT("assessment", Needs.ASSESSMENTS, Success.OK),
	/** A care plan through the API. */
	PLAN("plan", Needs.PLANS, Success.OK),
	/** The worklist fragment the page polls (referrals, plan actions, unread notices). */
	WORKLIST("worklist", Needs.NOTHING, Success.OK),
	/**
	 * Registering a made-up person through the form, as a practitioner does: the
	 * registration checks for possible matches first, then registers and redirects to the
	 * new record.
	 */
	CREATE("create", Needs.NOTHING, Success.REGISTERED),
	/**
	 * Online identity match of an incoming record: the registration form given the
	 * details of someone already known (without their NHS number), answered with the
	 * possible matches and nothing registered.
	 */
	MATCH("match", Needs.DETAILS, Success.POSSIBLE_MATCHES),
	/** A Patient read by id over FHIR. */
	FHIR_READ("fhir-read", Needs.FHIR_PATIENTS, Success.OK),
	/**
	 * A Patient search over FHIR by family name and birth date, of people on the caller's
	 * caseload: one match each, decided and audited in the search.
	 */
	FHIR_SEARCH("fhir-search", Needs.DETAILS, Success.OK),
	/** A new Patient over FHIR. */
	FHIR_CREATE("fhir-create", Needs.NOTHING, Success.OK),
	/** A transaction bundle of 20 new Patients over FHIR. */
	FHIR_BUNDLE("fhir-bundle", Needs.NOTHING, Success.OK),
	/** A bulk import of a CSV file through {@code seamless.jar import}; persons/s. */
	IMPORT("import", Needs.NOTHING, Success.OK);

	/** What a workload needs to know before it starts. */
	enum Needs {

		NOTHING, PEOPLE, DETAILS, ASSESSMENTS, PLANS, FHIR_PATIENTS

	}

	/** What answer counts as done; everything else is an error. */
	enum Success {

		/** 2xx. */
		OK,
		/** A redirect to the new person's record. */
		REGISTERED,
		/** The form again, listing possible matches. */
		POSSIBLE_MATCHES

	}

	private final String label;

	private final Needs needs;

	private final Success success;

	Workload(String label, Needs needs, Success success) {
		this.label = label;
		this.needs = needs;
		this.success = success;
	}

	String label() {
		return label;
	}

	Needs needs() {
		return needs;
	}

	Success success() {
		return success;
	}

	static Optional<Workload> named(String label) {
		String wanted = label.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(w -> w.label.equals(wanted)).findFirst();
	}

	static String labels() {
		return String.join(", ", Arrays.stream(values()).map(Workload::label).toList());
	}

}
