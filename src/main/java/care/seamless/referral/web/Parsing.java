package care.seamless.referral.web;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Lenient reading of typed ids and enums: anything unreadable is simply absent. */
final class Parsing {

	private Parsing() {
	}

	static @Nullable UUID uuid(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static <E extends Enum<E>> @Nullable E enumValue(Class<E> type, @Nullable String value) {
		if (value == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(value.strip())) {
				return constant;
			}
		}
		return null;
	}

	static long version(@Nullable String value) {
		try {
			return Optional.ofNullable(value).map(String::strip).map(Long::parseLong).orElse(-1L);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
