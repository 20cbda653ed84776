package care.seamless.linkage;

import java.util.EnumMap;
import java.util.Map;

/**
 * Builds records for tests: {@code person("1").given("anne").family("smith").build()}.
 */
final class PeopleFixtures {

	private final String id;

	private final Map<Role, String> values = new EnumMap<>(Role.class);

	private PeopleFixtures(String id) {
		this.id = id;
	}

	static PeopleFixtures person(String id) {
		return new PeopleFixtures(id);
	}

	PeopleFixtures given(String value) {
		return with(Role.GIVEN_NAME, value);
	}

	PeopleFixtures family(String value) {
		return with(Role.FAMILY_NAME, value);
	}

	PeopleFixtures born(String value) {
		return with(Role.DATE_OF_BIRTH, value);
	}

	PeopleFixtures postcode(String value) {
		return with(Role.POSTCODE, value);
	}

	PeopleFixtures address(String value) {
		return with(Role.ADDRESS_1, value);
	}

	PeopleFixtures nhsNumber(String value) {
		return with(Role.NHS_NUMBER, value);
	}

	PeopleFixtures with(Role role, String value) {
		values.put(role, value);
		return this;
	}

	Record build() {
		return new Record(id, values);
	}

	Prepared prepared() {
		return Prepared.of(build());
	}

}
