package care.seamless.discharge;

/**
 * A change only the admitting ward (or only the other partner) may make, refused before
 * anything of the person's was read; pages and the API answer 403 with the reason.
 */
public class DischargeRefused extends RuntimeException {

	public DischargeRefused(String reason) {
		super(reason);
	}

}
