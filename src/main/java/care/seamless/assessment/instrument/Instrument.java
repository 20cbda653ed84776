package care.seamless.assessment.instrument;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import care.seamless.terminology.SapDomain;

/**
 * A versioned assessment form. A version never changes once published: a changed form is
 * a new version, so every completed assessment can be read against the exact questions
 * that were asked.
 */
public record Instrument(String id, int version, String title, Stage stage, String description,
		List<Section> sections) {

	public Instrument {
		sections = List.copyOf(sections);
	}

	public List<Question> questions() {
		return this.sections.stream().flatMap((section) -> section.questions().stream()).toList();
	}

	public Optional<Question> question(String questionId) {
		return questions().stream().filter((question) -> question.id().equals(questionId)).findFirst();
	}

	public Set<SapDomain> sapDomains() {
		return this.sections.stream()
			.map(Section::sapDomain)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(SapDomain.class)));
	}

	@Override
	public String toString() {
		return this.id + " version " + this.version;
	}

}
