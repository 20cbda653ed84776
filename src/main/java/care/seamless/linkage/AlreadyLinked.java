package care.seamless.linkage;

/**
 * A record can be linked into one other record only, and a record that others are linked
 * into cannot itself be linked away; unlink first.
 */
public class AlreadyLinked extends RuntimeException {

	public AlreadyLinked() {
		super("One of these records is already linked; unlink it first");
	}

}
