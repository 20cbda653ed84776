package care.seamless.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.seamless.Fixtures;
import care.seamless.SeamlessTest;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.PersonId;
import care.seamless.team.OrganisationKind;
import care.seamless.shared.Profession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SeamlessTest
class PersonEditingTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	People people;

	Fixtures.Staff lead;

	@BeforeEach
	void staff() {
		lead = fixtures.practitioner(fixtures.organisation(OrganisationKind.LOCAL_AUTHORITY_ADULT_SOCIAL_CARE),
				Profession.SOCIAL_WORKER);
	}

	@Test
	void twoEditsFromTheSameVersionLetOneWinAndTellTheOtherOfTheConflict() throws Exception {
		PersonId id = fixtures.person(Fixtures.unique("Racer"), lead);
		PersonRecord read = people.record(lead.actor(), id);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<String>> edits = new ArrayList<>();
		for (String name : List.of("Alpha", "Bravo")) {
			edits.add(() -> {
				start.await();
				try {
					people.update(lead.actor(), id, read.version(), withPreferredName(read.details(), name));
					return "saved " + name;
				}
				catch (ConcurrentEditException ex) {
					return "conflict";
				}
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> outcomes = new ArrayList<>();
			for (Callable<String> edit : edits) {
				outcomes.add(pool.submit(edit));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				results.add(outcome.get());
			}
			assertThat(results).containsOnlyOnce("conflict");
			String winner = results.stream().filter(r -> r.startsWith("saved")).findFirst().orElseThrow().substring(6);
			PersonRecord after = people.record(lead.actor(), id);
			assertThat(after.details().preferredName()).isEqualTo(winner);
			assertThat(after.version()).isEqualTo(read.version() + 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesAnInvalidNhsNumberAndSavesNothing() {
		long before = people.count();
		var details = Fixtures.details("Ivy", Fixtures.unique("Invalid"), LocalDate.of(1950, 1, 1), "9434765918");

		assertThatThrownBy(() -> people.register(lead.actor(), details))
			.isInstanceOfSatisfying(PersonRuleViolation.class, ex -> {
				assertThat(ex.field()).isEqualTo("nhsNumber");
				assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_NHS_NUMBER);
			});
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void refusesADuplicateNhsNumberAndSavesNothing() {
		String nhs = Fixtures.nextNhsNumber();
		people.register(lead.actor(), Fixtures.details("First", Fixtures.unique("Dup"), LocalDate.of(1950, 1, 1), nhs));
		long before = people.count();

		assertThatThrownBy(() -> people.register(lead.actor(),
				Fixtures.details("Second", Fixtures.unique("Dup"), LocalDate.of(1951, 2, 2), nhs)))
			.isInstanceOfSatisfying(PersonRuleViolation.class,
					ex -> assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_NHS_NUMBER));
		assertThat(people.count()).isEqualTo(before);
	}

	@Test
	void registeringSomeoneMakesThePractitionerTheirLead() {
		PersonId id = people.register(lead.actor(),
				Fixtures.details("Nell", Fixtures.unique("New"), LocalDate.of(1939, 9, 3), null));

		PersonRecord record = people.record(lead.actor(), id);
		assertThat(record.details().nhsNumber()).isNull();
		assertThat(record.careTeam()).singleElement().satisfies(m -> {
			assertThat(m.lead()).isTrue();
			assertThat(m.practitionerId()).isEqualTo(lead.practitionerId());
		});
	}

	@Test
	void refusesADateOfBirthInTheFuture() {
		var details = Fixtures.details("Future", Fixtures.unique("Born"), LocalDate.now().plusDays(2), null);
		assertThatThrownBy(() -> people.register(lead.actor(), details))
			.isInstanceOfSatisfying(PersonRuleViolation.class, ex -> assertThat(ex.field()).isEqualTo("dateOfBirth"));
	}

	private static PersonDetails withPreferredName(PersonDetails d, String name) {
		return new PersonDetails(d.nhsNumber(), d.title(), d.givenName(), d.familyName(), name, d.howAddressed(),
				d.dateOfBirth(), d.sex(), d.gender(), d.addressLine1(), d.addressLine2(), d.town(), d.postcode(),
				d.phone(), d.email(), d.language(), d.interpreterNeeded(), d.communicationNeeds());
	}

}
