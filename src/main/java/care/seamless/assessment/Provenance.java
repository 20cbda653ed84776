package care.seamless.assessment;

import care.seamless.assessment.AnswerRepository.AnswerRow;
import care.seamless.assessment.AssessmentRepository.EpisodeRow;
import care.seamless.assessment.AssessmentRepository.SectionRow;
import care.seamless.assessment.instrument.Instrument;
import care.seamless.assessment.instrument.Instruments;
import care.seamless.assessment.instrument.Section;
import care.seamless.assessment.instrument.Stage;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.Profession;
import care.seamless.shared.PractitionerId;
import care.seamless.team.Directory;
import care.seamless.team.DirectoryNames;
import care.seamless.team.Practitioner;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Turns stored rows into views with organisation names and instrument definitions. Names
 * are looked up once per view, as a summary names the same few organisations many times.
 */
@Component
class Provenance {

	private final Directory directory;

	private final Instruments instruments;

	Provenance(Directory directory, Instruments instruments) {
		this.directory = directory;
		this.instruments = instruments;
	}

	Names names() {
		return new Names();
	}

	Instrument instrument(String id, int version) {
		return this.instruments.find(id, version)
			.orElseThrow(
					() -> new IllegalStateException("Instrument " + id + " version " + version + " is not loaded"));
	}

	Section section(SectionRow row) {
		Instrument instrument = instrument(row.instrumentId(), row.instrumentVersion());
		return instrument.sections()
			.stream()
			.filter((section) -> section.id().equals(row.sectionId()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No section " + row.sectionId() + " in " + instrument));
	}

	/** Organisation names for one view. */
	final class Names {

		private final Map<UUID, String> organisations = new HashMap<>();

		private @org.jspecify.annotations.Nullable Practitioner reader;

		/**
		 * Reads the names of these organisations (nulls skipped) in one statement, for a
		 * view that names several: one read instead of one per organisation.
		 */
		void prefetch(java.util.Collection<@org.jspecify.annotations.Nullable UUID> ids) {
			prefetch(ids, null);
		}

		/**
		 * As {@link #prefetch(java.util.Collection)}, with the reader's own directory
		 * entry (for the words of their profession) in the same statement.
		 */
		void prefetch(java.util.Collection<@org.jspecify.annotations.Nullable UUID> ids,
				@org.jspecify.annotations.Nullable PractitionerId reader) {
			java.util.Set<OrganisationId> missing = new java.util.HashSet<>();
			for (UUID id : ids) {
				if (id != null && !this.organisations.containsKey(id)) {
					missing.add(new OrganisationId(id));
				}
			}
			if (reader == null) {
				Provenance.this.directory.organisationNames(missing)
					.forEach((id, name) -> this.organisations.put(id.id(), name));
				return;
			}
			DirectoryNames found = Provenance.this.directory.names(missing, java.util.List.of(reader));
			found.organisations().forEach((id, name) -> this.organisations.put(id.id(), name));
			this.reader = found.practitioners().get(reader);
		}

		/** The reader's entry read by the last prefetch that named them, if any. */
		@org.jspecify.annotations.Nullable
		Practitioner reader() {
			return this.reader;
		}

		String organisation(UUID id) {
			return this.organisations.computeIfAbsent(id,
					(key) -> Provenance.this.directory.organisation(new OrganisationId(key)).name());
		}

		Episode episode(EpisodeRow row) {
			return new Episode(new EpisodeId(row.id()), row.personId(), Stage.fromCode(row.stage()).orElseThrow(),
					"completed".equals(row.status()), row.openedByName(), organisation(row.openedByOrg()),
					row.openedAt(), row.completedAt(), row.summarySharedAt(), row.summarySharedBy(), row.version(),
					row.reused(), row.asked(),
					(row.caresForPersonId() != null) ? new care.seamless.shared.PersonId(row.caresForPersonId()) : null,
					row.caresForName());
		}

		SectionState section(SectionRow row, boolean withheld) {
			Section section = Provenance.this.section(row);
			return new SectionState(row.id(), instrument(row.instrumentId(), row.instrumentVersion()), section,
					SectionStatus.fromCode(row.status()), row.authorId(), row.authorName(),
					(row.authorProfession() != null) ? Profession.valueOf(row.authorProfession()) : null,
					(row.authorOrg() != null) ? organisation(row.authorOrg()) : null, row.updatedAt(), row.signedAt(),
					row.version(), withheld,
					(row.notRelevantReason() != null) ? new SectionState.NotRelevant(row.notRelevantReason(),
							String.valueOf(row.notRelevantByName()),
							java.util.Objects.requireNonNull(row.notRelevantAt())) : null);
		}

		Answer answer(AnswerRow row) {
			Answer.Origin origin = (row.originId() != null)
					? new Answer.Origin(row.originId(), row.originName(), organisation(row.originOrg()), row.originAt())
					: null;
			return new Answer(row.id(), row.questionId(), row.reuseKey(), row.value(),
					AnswerSource.valueOf(row.source().toUpperCase(java.util.Locale.ROOT)), row.recordedByName(),
					Profession.valueOf(row.profession()), organisation(row.organisationId()), row.recordedAt(), origin);
		}

	}

}
