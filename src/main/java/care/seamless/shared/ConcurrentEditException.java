package care.seamless.shared;

/**
 * Someone else changed the record since it was read; the caller must reload rather than
 * overwrite their change.
 */
public class ConcurrentEditException extends RuntimeException {

	public ConcurrentEditException(String recordType, Object id) {
		super(recordType + " " + id + " was changed by someone else since you opened it");
	}

}
