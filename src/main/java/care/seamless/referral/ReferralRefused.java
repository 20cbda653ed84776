package care.seamless.referral;

import java.util.List;

/**
 * A referral or a step refused because of what was asked (unknown team, own team, no
 * reason, information the access policy will not let go): every problem at once, each
 * naming the form field it belongs to. Nothing is saved.
 */
public class ReferralRefused extends RuntimeException {

	private final List<Problem> problems;

	public ReferralRefused(String field, String message) {
		this(List.of(new Problem(field, message)));
	}

	public ReferralRefused(List<Problem> problems) {
		super(problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	public record Problem(String field, String message) {
	}

}
