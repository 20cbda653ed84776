package care.seamless.linkage;

/**
 * A column named explicitly ({@code --columns role=header}) that the file does not have.
 */
public class ColumnNotFound extends IllegalArgumentException {

	public ColumnNotFound(String header, Role role) {
		super("No column named " + header + " for role " + role);
	}

}
