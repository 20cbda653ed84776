package care.seamless.referral;

public enum Urgency {

	URGENT, ROUTINE

}
