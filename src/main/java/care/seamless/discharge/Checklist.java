package care.seamless.discharge;

/** What must be in place before the person goes home. */
public record Checklist(boolean supportInPlace, boolean equipment, boolean medicines, boolean carerTold,
		boolean carerConsulted, boolean transport) {

	public static Checklist empty() {
		return new Checklist(false, false, false, false, false, false);
	}

}
