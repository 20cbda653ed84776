package care.seamless.person;

import java.time.LocalDate;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import care.seamless.consent.PersonFacts;
import care.seamless.shared.PersonId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells consent the person's name (for the Caldicott guardian's review) and who may act
 * for them (for changes to their choices), so consent never reads person tables. Consent
 * has checked the actor's access before asking.
 */
@Component
class ConsentPersonFacts implements PersonFacts {

	/** Who has legal authority to make decisions about sharing for the person. */
	private static final Set<Relationship> ACT_FOR_THE_PERSON = EnumSet.of(Relationship.LPA_HEALTH_AND_WELFARE,
			Relationship.DEPUTY);

	private final PersonRepository repository;

	private final Clock clock;

	ConsentPersonFacts(PersonRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public String displayName(PersonId person) {
		return repository.find(person)
			.map(row -> row.details().givenName() + " " + row.details().familyName())
			.orElse(person.toString());
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> attorneysAndDeputies(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return repository.relatedPeople(person)
			.stream()
			.filter(r -> ACT_FOR_THE_PERSON.contains(r.relationship()))
			.filter(r -> r.periodEnd() == null || r.periodEnd().isAfter(today))
			.map(RelatedPerson::name)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public care.seamless.shared.@org.jspecify.annotations.Nullable OrganisationId holdingOrganisation(PersonId person) {
		return repository.find(person).map(PersonRepository.Row::sourceOrganisationId).orElse(null);
	}

}
