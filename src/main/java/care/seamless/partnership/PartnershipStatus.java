package care.seamless.partnership;

public enum PartnershipStatus {

	PROPOSED, ACTIVE, ENDED

}
