package care.seamless.consent;

import care.seamless.shared.PractitionerId;

/**
 * What consent needs to know about a practitioner's training, without depending on the
 * module that keeps it: implemented by {@code training}, which depends on consent. With
 * no implementation present, nobody is taken to lack training.
 */
public interface StaffTraining {

	/**
	 * Whether the practitioner has completed information-governance training that has not
	 * yet expired.
	 */
	boolean informationGovernanceCurrent(PractitionerId practitioner);

}
