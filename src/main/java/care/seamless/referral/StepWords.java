package care.seamless.referral;

final class StepWords {

	private StepWords() {
	}

	static String pastTense(ReferralStep step) {
		return switch (step) {
			case CREATE -> "created";
			case SEND -> "sent";
			case ACKNOWLEDGE -> "acknowledged";
			case ACCEPT -> "accepted";
			case DECLINE -> "declined";
			case REDIRECT -> "redirected";
			case WITHDRAW -> "withdrawn";
			case COMPLETE -> "completed";
		};
	}

}
