package care.seamless.web;

import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** What the API and the pages both need to know about errors that came from bad input. */
final class DataErrors {

	private DataErrors() {
	}

	/**
	 * SQLSTATE class 22 is PostgreSQL's "data exception": the value was wrong (too long,
	 * out of range, not a date), never the server.
	 */
	static boolean isBadValue(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("22") || sql.getSQLState().equals("23503"))) {
				return true;
			}
		}
		return false;
	}

	static String uploadLimit(MaxUploadSizeExceededException ex) {
		long bytes = ex.getMaxUploadSize();
		return bytes > 0 ? (bytes / (1024 * 1024)) + " MB" : "the limit";
	}

}
