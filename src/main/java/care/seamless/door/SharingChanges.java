package care.seamless.door;

import java.util.UUID;

import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person changes a sharing choice at the door: consent records it (and decides who
 * may), and the whole current care team is told, since what each of them may see can
 * change at once. The notice names nobody; its link is the record's sharing page.
 */
@Service
public class SharingChanges {

	private final Choices choices;

	private final CareTeamMessages careTeam;

	private final ApplicationEventPublisher events;

	SharingChanges(Choices choices, CareTeamMessages careTeam, ApplicationEventPublisher events) {
		this.choices = choices;
		this.careTeam = careTeam;
		this.events = events;
	}

	@Transactional(noRollbackFor = care.seamless.consent.AccessDenied.class)
	public UUID choose(Actor actor, PersonId person, @Nullable ChoiceKind kind, @Nullable OrganisationId organisation,
			@Nullable DataCategory category) {
		UUID choice = choices.recordOwn(actor, person, kind, organisation, category);
		tell(person);
		return choice;
	}

	@Transactional(noRollbackFor = care.seamless.consent.AccessDenied.class)
	public void withdraw(Actor actor, PersonId person, UUID choice, long version) {
		choices.withdrawOwn(actor, person, choice, version);
		tell(person);
	}

	private void tell(PersonId person) {
		events.publishEvent(new DoorNotice(person, careTeam.careTeam(person), "door.sharing_changed",
				"/people/" + person.id() + "/sharing"));
	}

}
