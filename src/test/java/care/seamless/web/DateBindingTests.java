package care.seamless.web;

import java.time.LocalDate;

import care.seamless.SeamlessTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.FormattingConversionService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every date a request carries binds through the one formatter registered in
 * {@link WebConfiguration}: UK day-first or ISO in, ISO out (what a date input shows).
 */
@SeamlessTest
class DateBindingTests {

	@Autowired
	@Qualifier("mvcConversionService")
	FormattingConversionService conversions;

	@Test
	void bindsUkAndIsoDatesAndPrintsIso() {
		assertThat(conversions.convert("12/3/2026", LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(conversions.convert("2026-03-12", LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(conversions.convert(LocalDate.of(2026, 3, 12), String.class)).isEqualTo("2026-03-12");
		assertThat(conversions.convert("", LocalDate.class)).isNull();
	}

	@Test
	void refusesADateThatDoesNotExistAsAConversionFailure() {
		// A conversion failure is what the binder turns into the field's typeMismatch
		// message (page) or a 400 naming the field (API).
		assertThatThrownBy(() -> conversions.convert("31/02/2026", LocalDate.class))
			.isInstanceOf(ConversionFailedException.class);
		assertThatThrownBy(() -> conversions.convert("12/3/2026\u0000", LocalDate.class))
			.isInstanceOf(ConversionFailedException.class);
	}

}
