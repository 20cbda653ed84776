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
 * @param authorId the practitioner who last saved the section, and so signs it
 * @param withheld whether its answers are withheld from the viewer (the section still
 * shows, so nobody assumes it was never done)
 * @param notRelevant set when the domain was marked not relevant instead of assessed
 */
public record SectionState(UUID rowId, Instrument instrument, Section section, SectionStatus status,
		@Nullable UUID authorId, @Nullable String authorName, @Nullable Profession authorProfession,
		@Nullable String authorOrganisation, @Nullable Instant updatedAt, @Nullable Instant signedAt, long version,
		boolean withheld, @Nullable NotRelevant notRelevant) {

	/** Why a domain was marked not relevant to this person, by whom and when. */
	public record NotRelevant(String reason, String byName, Instant at) {
	}

	/** Whether this practitioner is the one to sign the section now. */
	public boolean signableBy(@Nullable UUID practitioner) {
		return this.status == SectionStatus.IN_PROGRESS && this.authorId != null && this.authorId.equals(practitioner);
	}

	public boolean signed() {
		return this.status == SectionStatus.SIGNED;
	}

}
