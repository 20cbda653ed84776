package care.seamless.audit;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a Caldicott guardian searches the log for; every part is optional. Dates are whole
 * days in Europe/London, both ends included.
 */
public record AuditQuery(@Nullable UUID personId, @Nullable String account, @Nullable String organisationCode,
		@Nullable LocalDate from, @Nullable LocalDate to) {

	public AuditQuery {
		account = blank(account);
		organisationCode = blank(organisationCode);
	}

	public static AuditQuery forPerson(UUID personId) {
		return new AuditQuery(personId, null, null, null, null);
	}

	private static @Nullable String blank(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
