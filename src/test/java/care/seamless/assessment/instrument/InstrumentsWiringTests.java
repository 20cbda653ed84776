package care.seamless.assessment.instrument;

import care.seamless.terminology.Terminology;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that Spring builds both services as the application will, without starting the
 * application.
 */
class InstrumentsWiringTests {

	@Test
	void loadsTheStarterVocabularyAndShippedInstrumentsAsBeans() {
		try (var context = new AnnotationConfigApplicationContext(Terminology.class, Instruments.class)) {
			assertThat(context.getBean(Terminology.class).vocabulary().size()).isGreaterThanOrEqualTo(170);
			assertThat(context.getBean(Instruments.class).latest("sap-overview")).isPresent();
		}
	}

}
