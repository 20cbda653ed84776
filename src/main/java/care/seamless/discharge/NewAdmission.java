package care.seamless.discharge;

import java.time.Instant;
import java.time.LocalDate;

import care.seamless.shared.TeamId;
import org.jspecify.annotations.Nullable;

/**
 * A ward's record of a person's admission. The person is named by NHS number, as the
 * hospital knows them; the ward is one of the recording practitioner's teams.
 */
public record NewAdmission(@Nullable String nhsNumber, @Nullable TeamId wardTeamId, @Nullable String hospital,
		@Nullable String ward, @Nullable Instant admittedAt, @Nullable LocalDate plannedDischarge) {
}
