package care.seamless.linkage;

/**
 * Only administrators may import people in bulk: an import registers people for the whole
 * organisation and discloses who may already be known elsewhere.
 */
public class NotAuthorisedToImport extends RuntimeException {

	public NotAuthorisedToImport() {
		super("Only an administrator may import people");
	}

}
