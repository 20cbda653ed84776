package care.seamless.partnership;

public enum AgreementStatus {

	DRAFT, ACTIVE, SUSPENDED, ENDED

}
