package care.seamless.shared;

/** Why personal data is being used (Caldicott principle 1: justify the purpose). */
public enum Purpose {

	DIRECT_CARE, SAFEGUARDING, SERVICE_PLANNING, EVALUATION, ADMINISTRATION

}
