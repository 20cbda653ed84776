package care.seamless.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The same boundary as {@link InputBoundary} for JSON bodies: every string Jackson reads
 * is checked, so a NUL in any field of any API request is refused with the field's path,
 * through the API's usual "not a valid value" problem.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputBoundary {

	@Bean
	SimpleModule inputBoundaryModule() {
		SimpleModule module = new SimpleModule("seamless-input-boundary");
		module.addDeserializer(String.class, new CheckedString());
		return module;
	}

	static final class CheckedString extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = StringDeserializer.instance.deserialize(parser, context);
			if (value != null
					&& (value.length() > InputBoundary.MAX_VALUE_LENGTH || InputBoundary.hasControlCharacter(value))) {
				return (String) context.handleWeirdStringValue(String.class, value,
						"contains a control character or is too long");
			}
			return value;
		}

	}

}
