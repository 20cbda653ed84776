package care.seamless.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import care.seamless.linkage.Record;
import care.seamless.linkage.Role;
import org.junit.jupiter.api.Test;

class SyntheticPeopleTests {

	private static final SyntheticPeople.Hard HARD = new SyntheticPeople.Hard(true, 0.3, 3);

	@Test
	void theSameSeedMakesTheSamePeople() {
		SyntheticPeople.People first = new SyntheticPeople(7).generate(2000, HARD);
		SyntheticPeople.People second = new SyntheticPeople(7).generate(2000, HARD);

		assertThat(first).isEqualTo(second);
		assertThat(new SyntheticPeople(8).generate(2000, HARD)).isNotEqualTo(first);
	}

	@Test
	void everyDuplicateCarriesThreeErrorsInDifferentFields() {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(5000, HARD);
		Map<String, Record> originals = new HashMap<>();
		int duplicates = 0;
		for (int i = 0; i < people.records().size(); i++) {
			Record record = people.records().get(i);
			if (record.id().endsWith("-0")) {
				originals.put(people.truth().get(i), record);
				continue;
			}
			duplicates++;
			Record original = originals.get(people.truth().get(i));
			long differing = List.of(Role.values())
				.stream()
				.filter(role -> !original.value(role).equals(record.value(role)))
				.count();
			// A move changes postcode and address together, so three errors may touch
			// four fields.
			assertThat(differing).as(record.id()).isGreaterThanOrEqualTo(3);
		}
		assertThat(duplicates).isGreaterThan(500);
	}

	@Test
	void householdsAreDifferentPeopleSharingAFamilyNameAndAnAddress() {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(5000, HARD);
		Map<String, String> personAtHome = new HashMap<>();
		int sharedHomes = 0;
		for (int i = 0; i < people.records().size(); i++) {
			Record record = people.records().get(i);
			if (!record.id().endsWith("-0")) {
				continue;
			}
			String home = record.value(Role.FAMILY_NAME) + "|" + record.value(Role.ADDRESS_1) + "|"
					+ record.value(Role.POSTCODE);
			String other = personAtHome.putIfAbsent(home, people.truth().get(i));
			if (other != null && !other.equals(people.truth().get(i))) {
				sharedHomes++;
			}
		}
		assertThat(sharedHomes).isGreaterThan(500);
	}

	@Test
	void canLeaveOutEveryDateOfBirthAndNhsNumber() {
		SyntheticPeople.People people = new SyntheticPeople(1).generate(2000, new SyntheticPeople.Hard(false, 0.3, 3));

		assertThat(people.records()).hasSize(2000)
			.allSatisfy(record -> assertThat(record.values()).doesNotContainKeys(Role.DATE_OF_BIRTH, Role.NHS_NUMBER));
	}

}
