package care.seamless.assessment.instrument;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * An instrument definition file exactly as written, mapped by Jackson: names and JSON
 * types are checked on the way in (an unknown or misspelt field, a number where text
 * belongs), and {@link InstrumentReader} then checks the meaning. Every component is
 * nullable because a missing value is the reader's to report, with the others.
 */
record InstrumentDefinition(@Nullable String id, @Nullable Integer version, @Nullable String title,
		@Nullable String stage, @Nullable String description, @Nullable List<SectionDefinition> sections) {

	record SectionDefinition(@Nullable String id, @Nullable String title, @Nullable String sapDomain,
			@Nullable String category,
			@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<String> professions,
			@Nullable Boolean personsOwnWords, @Nullable List<QuestionDefinition> questions) {
	}

	record QuestionDefinition(@Nullable String id, @Nullable String text, @Nullable String plainText,
			@Nullable String type, @Nullable List<String> options, @Nullable Boolean required,
			@Nullable String reuseKey, @Nullable Integer staleAfterDays, @Nullable Integer min, @Nullable Integer max) {
	}

}
