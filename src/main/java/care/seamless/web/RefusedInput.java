package care.seamless.web;

/**
 * A request value refused at the boundary. The value itself is never kept: it may be
 * personal data.
 */
class RefusedInput extends RuntimeException {

	enum Reason {

		CONTROL_CHARACTER("contains a control character, such as NUL"),
		TOO_LONG("is longer than " + InputBoundary.MAX_VALUE_LENGTH + " characters"), NOT_VALID("is not a valid value"),
		MISSING("is missing");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		String messageKey() {
			return "refusedInput." + name();
		}

	}

	private final String field;

	private final Reason reason;

	RefusedInput(String field, Reason reason) {
		super("'" + safeName(field) + "' " + reason.description);
		this.field = safeName(field);
		this.reason = reason;
	}

	String field() {
		return field;
	}

	Reason reason() {
		return reason;
	}

	/**
	 * The field's name goes back to the caller, so it too must be printable and short.
	 */
	private static String safeName(String field) {
		String printable = field.codePoints()
			.filter(c -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
	}

}
