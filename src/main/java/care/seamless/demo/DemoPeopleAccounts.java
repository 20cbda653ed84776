package care.seamless.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.seamless.consent.ActingKind;
import care.seamless.door.AboutMeWords;
import care.seamless.door.CareTeamMessages;
import care.seamless.door.Invitations;
import care.seamless.door.NewInvitation;
import care.seamless.door.PersonAccounts;
import care.seamless.door.PersonsFeedback;
import care.seamless.person.People;
import care.seamless.person.PersonSummary;
import care.seamless.shared.Actor;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Purpose;
import care.seamless.team.Account;
import care.seamless.team.Directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo accounts for the person's door, made the way real ones are: Sam Jones invites the
 * first person on his caseload, a carer and a property-and-finance attorney, and each
 * invitation code is used at once to set the demo password. Usernames:
 * {@code person.demo}, {@code carer.demo}, {@code attorney.demo}. The person has written
 * About me, has a conversation with Sam and has given feedback that was answered.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoPeopleAccounts {

	static final String PASSWORD = "seamless-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoPeopleAccounts.class);

	private final Directory directory;

	private final People people;

	private final Invitations invitations;

	private final TransactionTemplate transaction;

	private final PersonAccounts personAccounts;

	private final AboutMeWords aboutMe;

	private final CareTeamMessages messages;

	private final PersonsFeedback feedback;

	DemoPeopleAccounts(Directory directory, People people, Invitations invitations, TransactionTemplate transaction,
			PersonAccounts personAccounts, AboutMeWords aboutMe, CareTeamMessages messages, PersonsFeedback feedback) {
		this.personAccounts = personAccounts;
		this.aboutMe = aboutMe;
		this.messages = messages;
		this.feedback = feedback;
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
				new NewInvitation(ActingKind.CARER, "Their carer", null, Set.of(DataCategory.GENERAL), true));
		join(sam, person, "attorney.demo",
				new NewInvitation(ActingKind.ATTORNEY_PROPERTY_FINANCE, "Their attorney", "7000-1234-5678", Set.of()));
		try {
			ownWords(sam, person);
		}
		catch (RuntimeException ex) {
			// The accounts above are the demo's point; its sample words must not stop
			// it starting. The message names no person.
			log.warn("Demo: the person's own words were not made: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * The demo person's About me, a conversation with Sam and a piece of feedback that
	 * Sam's manager has answered, made through the same services as the pages.
	 */
	private void ownWords(Actor sam, PersonSummary person) {
		Account markAccount = directory.accountForSignIn("mark.evans").orElseThrow();
		Actor mark = new Actor(markAccount.id(), markAccount.username(), markAccount.practitionerId(),
				markAccount.organisationId(), markAccount.organisationCode(), markAccount.roles(), Purpose.DIRECT_CARE);
		transaction.executeWithoutResult(s -> {
			Actor me = personAccounts.forSignIn("person.demo").orElseThrow().actor();
			aboutMe.save(me, person.id(), "Please call me by my first name",
					"My garden, my cat, and seeing my grandson on Sundays.",
					"Give me time to get ready in the morning. I like to do what I can for myself.",
					"I do not hear well on the phone. Please write or come in person.", 0);
			UUID thread = messages.send(me, person.id(), null,
					"Can my morning visit be after nine? I am still asleep at eight.");
			messages.reply(sam, person.id(), thread, "Yes. From next Monday your visit will be at half past nine. Sam");
			UUID given = feedback.give(me, person.id(), 4, 2, 3, 3,
					"Nobody told me I could choose a day centre myself.");
			feedback.weDid(mark, person.id(), given, 0,
					"We now show everyone the list of day centres at their first visit.");
		});
	}

	private void join(Actor sam, PersonSummary person, String username, NewInvitation invitation) {
		transaction.executeWithoutResult(s -> {
			String code = invitations.invite(sam, person.id(), invitation).code();
			invitations.redeem(code, username, PASSWORD, PASSWORD, null);
		});
	}

}
