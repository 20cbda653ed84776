package care.seamless.partnership;

import java.util.ArrayList;
import java.util.List;

/**
 * The six principles of the Partnership Assessment Tool (Hardy, Hudson and Waddington,
 * Nuffield Institute for Health, 2003), each rated through three statements of our own
 * wording (the words are in messages/partnership.properties, keyed by
 * {@link #statements()}).
 */
public enum Principle {

	RECOGNISE_NEED, CLEAR_PURPOSE, COMMITMENT, TRUST, ARRANGEMENTS, LEARN;

	static final int STATEMENTS_EACH = 3;

	/** Statement codes such as {@code TRUST.2}. */
	public List<String> statements() {
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= STATEMENTS_EACH; i++) {
			codes.add(name() + "." + i);
		}
		return codes;
	}

	/** Every statement code of the tool, in order. */
	public static List<String> allStatements() {
		List<String> codes = new ArrayList<>();
		for (Principle principle : values()) {
			codes.addAll(principle.statements());
		}
		return codes;
	}

	static Principle of(String statement) {
		return valueOf(statement.substring(0, statement.indexOf('.')));
	}

}
