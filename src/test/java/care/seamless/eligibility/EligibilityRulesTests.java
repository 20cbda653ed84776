package care.seamless.eligibility;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regulations as tables. Outcomes are written {@code code:sense}, the sense as the
 * regulation's letter (a to d) or {@code -} for "ticked but no sense chosen"; a blank
 * yes/no cell is an unanswered question.
 */
class EligibilityRulesTests {

	@ParameterizedTest(name = "adult: impairment={0} outcomes=[{1}] impact={2} -> eligible={4}")
	@CsvSource(delimiter = '|', nullValues = "",
			textBlock = """
					# impairment | outcomes                                          | impact | wellbeing           | eligible | conditions met | problems
					  yes        | nutrition:a hygiene:b                              | yes    | HEALTH DIGNITY      | yes      | yes yes yes    |
					  no         | nutrition:a hygiene:b                              | yes    | HEALTH              | no       | no yes yes     |
					  yes        | nutrition:a hygiene:b                              | no     |                     | no       | yes yes no     |
					  yes        |                                                    | yes    | HEALTH              | no       | yes no yes     |
					  yes        | toilet:c                                           | yes    | HEALTH              | no       | yes no yes     |
					  yes        | toilet:c clothing:d                                | yes    | CONTROL             | yes      | yes yes yes    |
					  yes        | nutrition:a hygiene:b toilet:c clothing:d home-safety:a habitable-home:b relationships:c work-education:d community:a caring-for-child:b | yes | HEALTH | yes | yes yes yes |
					  yes        | nutrition:a hygiene:-                              | yes    | HEALTH              | no       | yes no yes     | sense-hygiene
					  yes        | nutrition:a hygiene:- toilet:a                     | yes    | HEALTH              | yes      | yes yes yes    | sense-hygiene
					  yes        | nutrition:a carer-recreation:a                     | yes    | HEALTH              | no       | yes no yes     | outcomes
					             | nutrition:a hygiene:a                              |        |                     | no       | no yes no      | needsArise significantImpact
					  yes        | nutrition:a hygiene:a                              | yes    |                     | yes      | yes yes yes    | wellbeing
					""")
	void adult(@Nullable String impairment, @Nullable String outcomes, @Nullable String impact,
			@Nullable String wellbeing, String eligible, String conditionsMet, @Nullable String problems) {
		EligibilityResult result = EligibilityRules
			.decide(Facts.adult(yesNo(impairment), unable(outcomes), yesNo(impact), areas(wellbeing)));

		assertOutcome(result, eligible, conditionsMet, problems);
	}

	@ParameterizedTest(name = "carer: caring={0} health={1} outcomes=[{2}] impact={3} -> eligible={5}")
	@CsvSource(delimiter = '|', nullValues = "",
			textBlock = """
					# caring | health at risk | outcomes                           | impact | wellbeing | eligible | conditions met | problems
					  yes    | no             | carer-recreation:a                 | yes    | HEALTH    | yes      | yes yes yes    |
					  yes    | yes            |                                    | yes    | HEALTH    | yes      | yes yes yes    |
					  yes    | no             |                                    | yes    | HEALTH    | no       | yes no yes     |
					  no     | yes            | carer-work:b                       | yes    | HEALTH    | no       | no yes yes     |
					  yes    | yes            | carer-work:b                       | no     |           | no       | yes yes no     |
					  yes    | no             | carer-work:d                       | yes    | HEALTH    | no       | yes no yes     | sense-carer-work
					  yes    | no             | carer-child:c carer-nutrition:-    | yes    | HEALTH    | yes      | yes yes yes    | sense-carer-nutrition
					  yes    | no             | nutrition:a                        | yes    | HEALTH    | no       | yes no yes     | outcomes
					  yes    |                | carer-home:a                       | yes    | HEALTH    | yes      | yes yes yes    | healthAtRisk
					""")
	void carer(@Nullable String caring, @Nullable String health, @Nullable String outcomes, @Nullable String impact,
			@Nullable String wellbeing, String eligible, String conditionsMet, @Nullable String problems) {
		EligibilityResult result = EligibilityRules
			.decide(Facts.carer(yesNo(caring), yesNo(health), unable(outcomes), yesNo(impact), areas(wellbeing)));

		assertOutcome(result, eligible, conditionsMet, problems);
	}

	@ParameterizedTest(name = "FACS: {0} against a threshold of {1} -> eligible={3}")
	@CsvSource(delimiter = '|', nullValues = "", textBlock = """
			# band       | threshold   | decided on | eligible | problems
			  CRITICAL    | SUBSTANTIAL | 2012-03-01 | yes      |
			  SUBSTANTIAL | SUBSTANTIAL | 2012-03-01 | yes      |
			  MODERATE    | SUBSTANTIAL | 2012-03-01 | no       |
			  LOW         | SUBSTANTIAL | 2012-03-01 | no       |
			  MODERATE    | MODERATE    | 2009-10-12 | yes      |
			  LOW         | MODERATE    | 2009-10-12 | no       |
			  LOW         | LOW         | 2015-03-31 | yes      |
			  CRITICAL    | CRITICAL    | 2015-04-01 | yes      | historicDecisionDate
			              | SUBSTANTIAL |            | no       | band historicDecisionDate
			""")
	void facs(@Nullable FacsBand band, @Nullable FacsBand threshold, @Nullable LocalDate decidedOn, String eligible,
			@Nullable String problems) {
		EligibilityResult result = EligibilityRules.decide(Facts.facs(band, threshold, decidedOn));

		assertThat(result.eligible()).isEqualTo(yesNo(eligible));
		assertThat(result.conditions()).hasSize(1);
		assertThat(fields(result)).isEqualTo(words(problems));
	}

	@ParameterizedTest(name = "the reason for condition 2 names {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					nutrition:a hygiene:b  | Managing and maintaining nutrition (a: unable to achieve it without assistance)
					nutrition:a hygiene:b  | Maintaining personal hygiene (b: able without assistance, but doing so causes significant pain
					toilet:c               | unable to achieve 1 of the specified outcomes; two or more are needed
					""")
	void explainsWhichOutcomesCountedAndInWhatSense(String outcomes, String expected) {
		EligibilityResult result = EligibilityRules
			.decide(Facts.adult(true, unable(outcomes), true, Set.of(WellbeingArea.HEALTH)));

		assertThat(result.conditions().get(1).reason()).contains(expected);
	}

	private static void assertOutcome(EligibilityResult result, String eligible, String conditionsMet,
			@Nullable String problems) {
		assertThat(result.eligible()).as("eligible").isEqualTo(yesNo(eligible));
		assertThat(result.conditions().stream().map(c -> c.met() ? "yes" : "no").toList()).as("conditions met")
			.isEqualTo(words(conditionsMet));
		assertThat(result.conditions()).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
		assertThat(fields(result)).as("problems").isEqualTo(words(problems));
	}

	private static List<String> fields(EligibilityResult result) {
		return result.problems().stream().map(Problem::field).toList();
	}

	private static @Nullable Boolean yesNo(@Nullable String cell) {
		return cell == null ? null : cell.equals("yes");
	}

	private static List<String> words(@Nullable String cell) {
		return cell == null ? List.of() : Arrays.asList(cell.trim().split("\\s+"));
	}

	private static List<Unable> unable(@Nullable String cell) {
		return words(cell).stream().map(word -> {
			String[] parts = word.split(":");
			UnableSense sense = Arrays.stream(UnableSense.values())
				.filter(s -> s.letter().equals(parts[1]))
				.findFirst()
				.orElse(null);
			return new Unable(parts[0], sense);
		}).toList();
	}

	private static Set<WellbeingArea> areas(@Nullable String cell) {
		EnumSet<WellbeingArea> areas = EnumSet.noneOf(WellbeingArea.class);
		words(cell).forEach(w -> areas.add(WellbeingArea.valueOf(w)));
		return areas;
	}

}
