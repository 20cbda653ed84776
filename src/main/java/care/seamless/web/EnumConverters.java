package care.seamless.web;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * The one way a request value becomes an enum, for every form, query and path value: the
 * constant's name in any case, with hyphens for underscores ({@code social-care}). An
 * unknown value fails conversion, which the error handlers turn into a 400 naming the
 * field, never a 500.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
final class EnumConverters implements ConverterFactory<String, Enum> {

	@Override
	public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
		Class<?> type = targetType;
		while (type != null && !type.isEnum()) {
			type = type.getSuperclass();
		}
		Class enumType = type;
		return source -> {
			String name = source.trim();
			if (name.isEmpty()) {
				return null;
			}
			return (T) Enum.valueOf(enumType, name.toUpperCase(Locale.ROOT).replace('-', '_'));
		};
	}

}
