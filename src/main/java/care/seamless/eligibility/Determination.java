package care.seamless.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Profession;
import org.jspecify.annotations.Nullable;

/**
 * One recorded determination: the facts, the decision taken from them, who made it and
 * when, and whether a later one has superseded it.
 */
public record Determination(UUID id, PersonId personId, @Nullable UUID assessmentEpisodeId, Facts facts,
		boolean eligible, String rationale, @Nullable String personView, PractitionerId practitionerId,
		String practitionerName, Profession profession, OrganisationId organisationId, String organisationName,
		Instant recordedAt, @Nullable UUID supersededBy, @Nullable Instant supersededAt, long version) {

	public DeterminationKind kind() {
		return facts.kind();
	}

	/** The determination in force: not superseded, and not a historic FACS band. */
	public boolean current() {
		return supersededBy == null && !kind().historic();
	}

	/** Each condition, met or not, and why. */
	public EligibilityResult explanation() {
		return EligibilityRules.decide(facts);
	}

	/**
	 * An outcome that counted and the way in which the person is unable to achieve it.
	 */
	public record Finding(Outcome outcome, UnableSense sense) {
	}

	public List<Finding> findings() {
		return facts.counted()
			.stream()
			.map(u -> new Finding(Outcome.of(kind(), u.outcome()).orElseThrow(), Objects.requireNonNull(u.sense())))
			.toList();
	}

	/** The outcomes that counted, in the regulations' words and in plain English. */
	public List<Outcome> outcomesNotAchieved() {
		return findings().stream().map(Finding::outcome).toList();
	}

}
