package care.seamless.door;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import care.seamless.careplan.CarePlanView;
import care.seamless.careplan.CarePlans;
import care.seamless.person.EntryPage;
import care.seamless.person.People;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.ActingKind;
import care.seamless.consent.Choices;
import care.seamless.shared.Actor;
import care.seamless.shared.PersonId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Download my record: everything the reader may see about the person at the door, read
 * part by part through the services behind the pages (so through the same policy, each
 * read audited), and the copy itself audited as leaving the system.
 */
@Service
public class SubjectAccess {

	private final MyRecord myRecord;

	private final AboutMeWords aboutMe;

	private final CareTeamMessages messages;

	private final PersonsFeedback feedback;

	private final CarePlans carePlans;

	private final Choices choices;

	private final AccessPolicy accessPolicy;

	private final People people;

	private final Clock clock;

	SubjectAccess(MyRecord myRecord, AboutMeWords aboutMe, CareTeamMessages messages, PersonsFeedback feedback,
			CarePlans carePlans, Choices choices, AccessPolicy accessPolicy, People people, Clock clock) {
		this.myRecord = myRecord;
		this.aboutMe = aboutMe;
		this.messages = messages;
		this.feedback = feedback;
		this.carePlans = carePlans;
		this.choices = choices;
		this.accessPolicy = accessPolicy;
		this.people = people;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public RecordCopy copy(Actor actor, PersonId person) {
		if (!actor.personSide()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"A copy of the record for the person is made at their own door");
		}
		ActingForView who = myRecord.open(actor, person);
		accessPolicy.require(actor, AccessRequest.toOpen(person, "print-own-record", "Person"));
		boolean self = who.kind() == ActingKind.SELF;
		LocalDate today = LocalDate.now(clock);
		List<RecordCopy.Choice> sharing = !self ? List.of()
				: choices.choices(actor, person)
					.stream()
					.filter(c -> c.inForce(today))
					.map(c -> new RecordCopy.Choice(c.kind().name(), c.organisationName(),
							c.category() == null ? null : c.category().name(), c.effectiveFrom()))
					.toList();
		List<RecordCopy.Look> looks = !self ? List.of()
				: myRecord.whoLooked(actor, person)
					.stream()
					.map(l -> new RecordCopy.Look(l.at(), l.byYou() ? "you" : l.who(), l.organisation(), l.action(),
							l.purpose(), l.allowed()))
					.toList();
		return new RecordCopy(who.name(), who.kind().name(), clock.instant(), aboutMe.aboutMe(actor, person),
				plan(actor, person), notes(actor, person), messages.conversations(actor, person),
				feedback.feedback(actor, person), sharing, looks);
	}

	/**
	 * Every note the reader may see, page by page through the record's own read (the
	 * sharing rules and the "not shown to the person" marks are in its SQL).
	 */
	private List<RecordCopy.Note> notes(Actor actor, PersonId person) {
		List<RecordCopy.Note> notes = new ArrayList<>();
		for (int page = 1;; page++) {
			EntryPage entries;
			try {
				entries = people.entries(actor, person, page);
			}
			catch (AccessDenied ex) {
				// Someone acting for the person in a scope without the notes.
				return notes;
			}
			entries.entries()
				.forEach(e -> notes.add(new RecordCopy.Note(e.recordedAt(), e.title(), e.body(), e.author())));
			if (entries.entries().isEmpty() || (long) page * entries.pageSize() >= entries.total()) {
				return notes;
			}
		}
	}

	private RecordCopy.@Nullable Plan plan(Actor actor, PersonId person) {
		if (carePlans.plan(actor, person).isEmpty()) {
			return null;
		}
		CarePlanView plan = carePlans.personsCopy(actor, person).plan();
		return new RecordCopy.Plan(plan.outcomes().stream().map(o -> o.words()).toList(),
				plan.objectives()
					.stream()
					.map(o -> new RecordCopy.Goal(o.description(), o.target(), o.targetDate(),
							o.personsView() == null ? null : o.personsView().view().name(),
							o.personsView() == null ? null : o.personsView().reason(),
							plan.actions()
								.stream()
								.filter(a -> o.id().equals(a.objectiveId()))
								.map(a -> new RecordCopy.Step(a.description(), a.ownerName(), a.ownerOrganisationName(),
										a.dueOn()))
								.toList()))
					.toList());
	}

}
