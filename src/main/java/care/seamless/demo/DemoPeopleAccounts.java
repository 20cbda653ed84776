package care.seamless.demo;

import java.util.List;
import java.util.Set;

import care.seamless.consent.ActingKind;
import care.seamless.door.Invitations;
import care.seamless.door.NewInvitation;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo accounts for the person's door, made the way real ones are: Sam Jones invites the
 * first person on his caseload, a carer and a property-and-finance attorney, and each
 * invitation code is used at once to set the demo password. Usernames:
 * {@code person.demo}, {@code carer.demo}, {@code attorney.demo}.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoPeopleAccounts {

	static final String PASSWORD = "seamless-demo";

	private final Directory directory;

	private final People people;

	private final Invitations invitations;

	private final TransactionTemplate transaction;

	DemoPeopleAccounts(Directory directory, People people, Invitations invitations, TransactionTemplate transaction) {
		this.directory = directory;
		this.people = people;
		this.invitations = invitations;
		this.transaction = transaction;
	}

	@EventListener
	@Order(100)
	void on(DemoLoaded loaded) {
		Account account = directory.accountForSignIn("sam.jones").orElseThrow();
		Actor sam = new Actor(account.id(), account.username(), account.practitionerId(), account.organisationId(),
				account.organisationCode(), account.roles(), Purpose.DIRECT_CARE);
		List<PersonSummary> caseload = people.caseload(sam, 1).people();
		if (caseload.isEmpty()) {
			return;
		}
		PersonSummary person = caseload.get(0);
		join(sam, person, "person.demo", new NewInvitation(ActingKind.SELF, "The person", null, Set.of()));
		join(sam, person, "carer.demo",
				new NewInvitation(ActingKind.CARER, "Their carer", null, Set.of(DataCategory.GENERAL)));
		join(sam, person, "attorney.demo",
				new NewInvitation(ActingKind.ATTORNEY_PROPERTY_FINANCE, "Their attorney", "7000-1234-5678", Set.of()));
	}

	private void join(Actor sam, PersonSummary person, String username, NewInvitation invitation) {
		transaction.executeWithoutResult(s -> {
			String code = invitations.invite(sam, person.id(), invitation).code();
			invitations.redeem(code, username, PASSWORD, PASSWORD, null);
		});
	}

}
