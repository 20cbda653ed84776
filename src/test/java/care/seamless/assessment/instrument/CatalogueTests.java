package care.seamless.assessment.instrument;

import care.seamless.terminology.Terminology;
import org.junit.jupiter.api.Test;

import static care.seamless.assessment.instrument.InstrumentJson.WASHING;
import static care.seamless.assessment.instrument.InstrumentJson.definition;
import static care.seamless.assessment.instrument.InstrumentJson.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules every addition to the catalogue keeps, whether shipped, imported or reloaded.
 */
class CatalogueTests {

	private final InstrumentParser parser = new InstrumentParser(Terminology.starterVocabulary());

	private final Catalogue catalogue = Instruments.shipped(Terminology.starterVocabulary());

	@Test
	void addsANewInstrumentAndItsLaterVersions() {
		this.catalogue.add(instrument(definition("local-test", 1, "\"any\"", WASHING)));
		this.catalogue.add(instrument(definition("local-test", 3, "\"any\"", WASHING)));
		assertThat(this.catalogue.find("local-test", 1)).isPresent();
		assertThat(this.catalogue.latest("local-test")).get().extracting(Instrument::version).isEqualTo(3);
	}

	@Test
	void refusesAVersionThatAlreadyExists() {
		assertThatExceptionOfType(InstrumentVersionNotNewerException.class)
			.isThrownBy(() -> this.catalogue.add(instrument(definition("sap-overview", 1, "\"any\"", WASHING))))
			.withMessage("Instrument sap-overview version 1 already exists");
	}

	@Test
	void refusesAnOlderVersion() {
		this.catalogue.add(instrument(definition("local-test", 2, "\"any\"", WASHING)));
		assertThatExceptionOfType(InstrumentVersionNotNewerException.class)
			.isThrownBy(() -> this.catalogue.add(instrument(definition("local-test", 1, "\"any\"", WASHING))))
			.withMessageContaining("not newer than the latest version 2");
		assertThat(this.catalogue.find("local-test", 1)).isEmpty();
	}

	@Test
	void refusesAReuseKeyUsedElsewhereForADifferentTypeOfAnswer() {
		String clash = WASHING.replace("test.washing", "selfcare.washing");
		assertThatExceptionOfType(InvalidInstrumentException.class)
			.isThrownBy(() -> this.catalogue.add(instrument(definition("local-test", 1, "\"any\"", clash))))
			.satisfies((ex) -> assertThat(ex.errors()).singleElement()
				.asString()
				.contains("reuse key selfcare.washing is scale-icf in", "but coded here"));
		assertThat(this.catalogue.latest("local-test")).isEmpty();
	}

	private Instrument instrument(String json) {
		return this.parser.parse(stream(json), "test.json");
	}

}
