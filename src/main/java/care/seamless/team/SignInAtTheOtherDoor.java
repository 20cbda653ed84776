package care.seamless.team;

import org.springframework.security.core.AuthenticationException;

/**
 * The right password of an account of the other kind than the door it was sent to: a
 * person-side account (the person's own, a carer's, an attorney's) at a staff door (the
 * sign-in page, {@code /api}, {@code /fhir}), or a staff account at the person's door.
 * Not a failed sign-in: the password was right, so it counts towards neither the name's
 * nor the address's throttle (one carer's app behind a trust's single outbound address
 * must not hold every practitioner there), and the answer may say where the account does
 * sign in, as only someone who knows its password learns it. A disabled account, or one
 * the throttle holds, is refused as any other, so nothing changes for them (ADR 126).
 */
public class SignInAtTheOtherDoor extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final boolean staffAccount;

	public SignInAtTheOtherDoor(boolean staffAccount) {
		super(staffAccount ? "This is a staff account: it signs in where staff do"
				: "This is an account for a person or someone acting for them: it signs in at the person's door");
		this.staffAccount = staffAccount;
	}

	/** Whether the account is a staff account (sent to the person's door). */
	public boolean staffAccount() {
		return staffAccount;
	}

}
