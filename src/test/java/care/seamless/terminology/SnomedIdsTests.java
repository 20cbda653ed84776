package care.seamless.terminology;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnomedIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "22298006", "73211009", "230690007", "709044004" })
	void acceptsRealConceptIds(String id) {
		assertThat(SnomedIds.isConceptId(id)).isTrue();
	}

	// A slipped digit, a description id (partition 01) and letters.
	@ParameterizedTest
	@ValueSource(strings = { "22298007", "22298016", "12345", "2229800X", "022298006" })
	void rejectsMalformedIds(String id) {
		assertThat(SnomedIds.isConceptId(id)).isFalse();
	}

}
