package care.seamless.person;

import java.time.LocalDate;
import java.util.UUID;

import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

public record RelatedPerson(UUID id, PersonId personId, Relationship relationship, String name, @Nullable String phone,
		@Nullable String email, boolean mayContact, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd) {
}
