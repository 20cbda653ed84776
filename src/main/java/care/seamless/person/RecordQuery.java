package care.seamless.person;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Structured criteria for listing records (what a partner system's search sends, as
 * opposed to the search box's free text). Every criterion is optional and all given ones
 * must hold. Name parts match the start of a name, ignoring case. Date bounds are
 * inclusive {@code from}, exclusive {@code before}.
 */
public record RecordQuery(care.seamless.shared.@Nullable PersonId id, @Nullable String nhsNumber,
		@Nullable String identifierSystem, @Nullable String identifierValue, @Nullable String name,
		@Nullable String family, @Nullable String given, @Nullable LocalDate bornFrom, @Nullable LocalDate bornBefore,
		@Nullable Sex sex, @Nullable Instant updatedFrom, @Nullable Instant updatedBefore, int limit, int offset) {

	public static RecordQuery all(int limit, int offset) {
		return new RecordQuery(null, null, null, null, null, null, null, null, null, null, null, null, limit, offset);
	}

}
