package care.seamless.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import care.seamless.shared.CalendarDates;

import org.springframework.format.Formatter;

/**
 * How every {@link LocalDate} request value binds: UK day-first or ISO, read by
 * {@link CalendarDates}. A value that is not a real date fails as a type mismatch, which
 * the page shows as a field message and the API as a 400 naming the field. Dates are
 * printed in ISO, what a browser's date input expects.
 */
final class DateFormatter implements Formatter<LocalDate> {

	@Override
	public LocalDate parse(String text, Locale locale) throws ParseException {
		return CalendarDates.parse(text).orElseThrow(() -> new ParseException("Not a real date", 0));
	}

	@Override
	public String print(LocalDate date, Locale locale) {
		return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
	}

}
