package care.seamless.training;

import care.seamless.consent.StaffTraining;
import care.seamless.shared.PractitionerId;

import org.springframework.stereotype.Component;

/** Answers consent's question for break glass from the training records. */
@Component
class InformationGovernanceTraining implements StaffTraining {

	private final Training training;

	InformationGovernanceTraining(Training training) {
		this.training = training;
	}

	@Override
	public boolean informationGovernanceCurrent(PractitionerId practitioner) {
		return training.current(practitioner, Topic.INFORMATION_GOVERNANCE);
	}

}
