package care.seamless.assessment;

import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Section;
import care.seamless.shared.Profession;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where one section of an episode stands: who is completing it and whether it is signed.
 *
 * @param withheld whether its answers are withheld from the viewer (the section still
 * shows, so nobody assumes it was never done)
 */
public record SectionState(UUID rowId, Instrument instrument, Section section, SectionStatus status,
		@Nullable String authorName, @Nullable Profession authorProfession, @Nullable String authorOrganisation,
		@Nullable Instant updatedAt, @Nullable Instant signedAt, long version, boolean withheld) {

	public boolean signed() {
		return this.status == SectionStatus.SIGNED;
	}

}
