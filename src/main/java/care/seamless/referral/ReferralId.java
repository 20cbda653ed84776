package care.seamless.referral;

import java.util.UUID;

public record ReferralId(UUID id) {

	public static ReferralId random() {
		return new ReferralId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
