package care.seamless.assessment.instrument;

import java.time.LocalDate;
import java.util.List;

import care.seamless.terminology.IcfQualifier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerValidatorTests {

	@Test
	void acceptsTextAndRefusesVeryLongText() {
		assertThat(accepted(question(AnswerType.TEXT), "  I manage most days  ")).isEqualTo("I manage most days");
		assertThat(rejected(question(AnswerType.TEXT), "x".repeat(10_001)))
			.isEqualTo("Answer must be 10,000 characters or fewer");
	}

	@Test
	void readsYesAndNo() {
		assertThat(accepted(question(AnswerType.BOOLEAN), "yes")).isEqualTo(true);
		assertThat(accepted(question(AnswerType.BOOLEAN), "false")).isEqualTo(false);
		assertThat(rejected(question(AnswerType.BOOLEAN), "maybe")).isEqualTo("Select yes or no");
	}

	@Test
	void readsWholeNumbersWithinTheirBounds() {
		Question falls = new Question("falls", "Falls", "Falls", AnswerType.INTEGER, List.of(), false, null, null, 0,
				365);
		assertThat(accepted(falls, "3")).isEqualTo(3);
		assertThat(rejected(falls, "three")).isEqualTo("Enter a whole number, like 3");
		assertThat(rejected(falls, "2.5")).isEqualTo("Enter a whole number, like 3");
		assertThat(rejected(falls, "-1")).isEqualTo("Enter a number from 0 to 365");
	}

	@Test
	void readsRealDatesOnly() {
		assertThat(accepted(question(AnswerType.DATE), "2025-03-27")).isEqualTo(LocalDate.of(2025, 3, 27));
		assertThat(rejected(question(AnswerType.DATE), "2025-02-30")).isEqualTo("Enter a real date, like 2025-03-27");
		assertThat(rejected(question(AnswerType.DATE), "27/03/2025")).isEqualTo("Enter a real date, like 2025-03-27");
	}

	@Test
	void acceptsOnlyTheQuestionsOwnOptions() {
		Question coded = question(AnswerType.CODED);
		assertThat(accepted(coded, "d510")).isEqualTo("d510");
		// d540 is a real concept, but not one this question offers.
		assertThat(rejected(coded, "d540")).isEqualTo("Select one of the options ('d540' is not one of them)");
	}

	@Test
	void readsSeveralCodesWithoutRepeats() {
		Question multiple = question(AnswerType.CODED_MULTIPLE);
		assertThat(accepted(multiple, "d510, d530,d510")).isEqualTo(List.of("d510", "d530"));
		assertThat(rejected(multiple, "d510,nonsense"))
			.isEqualTo("Select one of the options ('nonsense' is not one of them)");
	}

	@Test
	void readsIcfQualifiersIncludingNotSpecifiedAndNotApplicable() {
		Question scale = question(AnswerType.SCALE_ICF);
		assertThat(accepted(scale, "3")).isEqualTo(IcfQualifier.SEVERE);
		assertThat(accepted(scale, "9")).isEqualTo(IcfQualifier.NOT_APPLICABLE);
		assertThat(rejected(scale, "5")).startsWith("Select a rating from 0");
		assertThat(rejected(scale, "10")).startsWith("Select a rating from 0");
	}

	@Test
	void asksForRequiredAnswersAndAllowsOptionalOnesToBeBlank() {
		Question required = new Question("q", "Q", "Q", AnswerType.CODED_MULTIPLE, List.of("d510"), true, null, null,
				null, null);
		assertThat(rejected(required, "  ")).isEqualTo("Select at least one answer");
		assertThat(rejected(required, null)).isEqualTo("Select at least one answer");
		assertThat(rejected(required, ",")).isEqualTo("Select at least one answer");
		assertThat(AnswerValidator.validate(question(AnswerType.DATE), "")).isEqualTo(new AnswerResult.Accepted(null));
	}

	private static Question question(AnswerType type) {
		List<String> options = type.isCoded() ? List.of("d510", "d530") : List.of();
		return new Question("q", "Question", "Question", type, options, false, null, null, null, null);
	}

	private static @Nullable Object accepted(Question question, String value) {
		AnswerResult result = AnswerValidator.validate(question, value);
		assertThat(result).isInstanceOf(AnswerResult.Accepted.class);
		return ((AnswerResult.Accepted) result).value();
	}

	private static String rejected(Question question, @Nullable String value) {
		AnswerResult result = AnswerValidator.validate(question, value);
		assertThat(result).isInstanceOf(AnswerResult.Rejected.class);
		return ((AnswerResult.Rejected) result).message();
	}

}
