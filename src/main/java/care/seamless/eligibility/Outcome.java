package care.seamless.eligibility;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import care.seamless.terminology.CareActOutcome;

/**
 * One outcome a person may be unable to achieve, whichever list it comes from: the
 * adult's ten ({@link CareActOutcome}) or the carer's eight ({@link CarerOutcome}). Codes
 * of the two lists never clash, so a stored code names its outcome.
 */
public record Outcome(String code, String regulationWording, String plainEnglish) {

	private static final List<Outcome> ADULT = Arrays.stream(CareActOutcome.values())
		.map(o -> new Outcome(o.code(), o.regulationWording(), o.plainEnglish()))
		.toList();

	private static final List<Outcome> CARER = Arrays.stream(CarerOutcome.values())
		.map(o -> new Outcome(o.code(), o.regulationWording(), o.plainEnglish()))
		.toList();

	/**
	 * The outcomes the regulations list for this kind of determination; none for FACS.
	 */
	public static List<Outcome> forKind(DeterminationKind kind) {
		return switch (kind) {
			case ADULT -> ADULT;
			case CARER -> CARER;
			case FACS -> List.of();
		};
	}

	public static Optional<Outcome> of(DeterminationKind kind, String code) {
		return forKind(kind).stream().filter(o -> o.code.equals(code)).findFirst();
	}

}
