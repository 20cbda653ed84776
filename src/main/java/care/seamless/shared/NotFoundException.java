package care.seamless.shared;

public class NotFoundException extends RuntimeException {

	public NotFoundException(String recordType, Object id) {
		super(recordType + " " + id + " not found");
	}

}
