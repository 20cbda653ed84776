package care.seamless.linkage;

import static care.seamless.linkage.PeopleFixtures.person;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ComparisonPropertiesTests {

	@Property(tries = 500)
	void everyComparisonIsSymmetric(@ForAll("people") Record a, @ForAll("people") Record b) {
		Prepared left = Prepared.of(a);
		Prepared right = Prepared.of(b);

		for (Comparison comparison : Comparison.values()) {
			assertThat(comparison.level(left, right)).as(comparison.name()).isEqualTo(comparison.level(right, left));
		}
	}

	@Property(tries = 200)
	void aRecordAgreesExactlyWithItself(@ForAll("people") Record a) {
		Prepared prepared = Prepared.of(a);

		for (Comparison comparison : Comparison.values()) {
			assertThat(comparison.level(prepared, prepared)).as(comparison.name()).isIn(0, Levels.MISSING);
		}
	}

	// Short strings over a small alphabet, so that agreements, swaps, typos and missing
	// values all occur.
	@Provide
	Arbitrary<Record> people() {
		Arbitrary<String> names = Arbitraries.strings().withChars("abnmo").ofMinLength(0).ofMaxLength(5);
		Arbitrary<String> dates = Arbitraries.strings().withChars("0129").ofLength(8).injectNull(0.2);
		Arbitrary<String> postcodes = Arbitraries.strings().withChars("LS14AP").ofMinLength(4).ofMaxLength(6);
		return Combinators.combine(names, names, dates, postcodes)
			.as((given, family, born, postcode) -> person("x").given(given)
				.family(family)
				.born(born == null ? "" : born)
				.postcode(postcode)
				.address(given + " " + postcode)
				.build());
	}

}
