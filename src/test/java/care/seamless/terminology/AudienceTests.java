package care.seamless.terminology;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AudienceTests {

	@ParameterizedTest
	@CsvSource({ "gp, HEALTH", "district-nurse, HEALTH", "community-psychiatric-nurse, HEALTH", "nurse, HEALTH",
			"occupational-therapist, HEALTH", "physiotherapist, HEALTH", "consultant, HEALTH", "pharmacist, HEALTH",
			"social-worker, SOCIAL_CARE", "care-manager, SOCIAL_CARE", "housing-officer, SOCIAL_CARE",
			"support-worker, SOCIAL_CARE", "person, PERSON", "carer, PERSON", "Carer, PERSON" })
	void mapsEachViewerToTheirVocabulary(String viewer, Audience expected) {
		assertThat(Audience.forViewer(viewer)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "astronaut", "" })
	void refusesAnUnknownViewer(String viewer) {
		assertThatIllegalArgumentException().isThrownBy(() -> Audience.forViewer(viewer));
	}

}
