package care.seamless.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.time.LocalDate;
import java.util.Set;

import care.seamless.consent.ChoiceKind;
import care.seamless.consent.Choices;
import care.seamless.consent.Overrides;
import care.seamless.consent.HowGiven;
import care.seamless.consent.NewChoice;
import care.seamless.partnership.AgreementStatus;
import care.seamless.partnership.Agreements;
import care.seamless.partnership.NewAgreement;
import care.seamless.person.People;
import care.seamless.person.PersonDetails;
import care.seamless.person.PersonIdentifier;
import care.seamless.person.Relationship;
import care.seamless.shared.AccountId;
import care.seamless.shared.DataCategory;
import care.seamless.shared.Actor;
import care.seamless.shared.OrganisationId;
import care.seamless.shared.PersonId;
import care.seamless.shared.PractitionerId;
import care.seamless.shared.Purpose;
import care.seamless.shared.Role;
import care.seamless.shared.TeamId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import care.seamless.shared.Profession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo partnership once, into an empty database, when
 * {@code seamless.demo=true}.
 */
@Component
@ConditionalOnBooleanProperty("seamless.demo")
class DemoPartnership {

	static final int PEOPLE = 240;

	private static final Logger log = LoggerFactory.getLogger(DemoPartnership.class);

	private final Directory directory;

	private final People people;

	private final CareTeams careTeams;

	private final TransactionTemplate transaction;

	private final Agreements agreements;

	private final Choices choices;

	private final ApplicationEventPublisher events;

	private final Overrides overrides;

	DemoPartnership(Directory directory, People people, CareTeams careTeams, TransactionTemplate transaction,
			Agreements agreements, Choices choices, ApplicationEventPublisher events, Overrides overrides) {
		this.events = events;
		this.overrides = overrides;
		this.agreements = agreements;
		this.choices = choices;
		this.directory = directory;
		this.people = people;
		this.careTeams = careTeams;
		this.transaction = transaction;
	}

	record Member(PractitionerId id, Actor actor, Profession profession, TeamId team, String orgCode) {
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadIfEmpty() {
		if (!directory.organisations().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Actor loader = Actor.system("demo-loader");
		transaction.executeWithoutResult(status -> load(loader));
		// Assessments, plans and the like are loaded by their own demo classes, which
		// listen for this rather than growing this class.
		events.publishEvent(new DemoLoaded(loader));
		log.info("Demo partnership loaded: {} organisations, {} staff, {} people in {} ms",
				DemoStaff.ORGANISATIONS.size(), DemoStaff.STAFF.size(), PEOPLE,
				(System.nanoTime() - started) / 1_000_000);
	}

	private void load(Actor loader) {
		Map<String, OrganisationId> organisations = new HashMap<>();
		Map<String, TeamId> teams = new HashMap<>();
		for (DemoStaff.Org org : DemoStaff.ORGANISATIONS) {
			OrganisationId id = directory.createOrganisation(loader, org.code(), org.name(), org.kind());
			organisations.put(org.code(), id);
			// Telephone numbers from Ofcom's range for drama, so none rings a real line.
			int n = organisations.size();
			directory.recordContact(loader, id, "01632 960%03d".formatted(100 + n),
					"contact@" + org.code().toLowerCase(java.util.Locale.UK) + ".riverside.example",
					n + " Civic Way\nRiverside\nRV1 %dAA".formatted(n), 0);
			for (String team : org.teams()) {
				teams.put(org.code() + "/" + team, directory.createTeam(loader, id, team));
			}
		}
		List<Member> clinicians = new ArrayList<>();
		for (DemoStaff.Staff staff : DemoStaff.STAFF) {
			OrganisationId organisation = organisations.get(staff.orgCode());
			TeamId team = staff.team() == null ? null : teams.get(staff.orgCode() + "/" + staff.team());
			AccountId account = directory.createAccountForNewPractitioner(loader, organisation, staff.givenName(),
					staff.familyName(), staff.profession(), staff.username() + "@riverside.example", team,
					staff.manager(), staff.username(), DemoStaff.PASSWORD, EnumSet.copyOf(staff.roles()));
			if (team != null) {
				PractitionerId practitioner = directory.accountForSignIn(staff.username())
					.orElseThrow()
					.practitionerId();
				Actor actor = new Actor(account, staff.username(), practitioner, organisation, staff.orgCode(),
						staff.roles(), Purpose.DIRECT_CARE);
				clinicians.add(new Member(practitioner, actor, staff.profession(), team, staff.orgCode()));
			}
		}
		// The council's guardian also reviews emergency access by partners without a
		// guardian of their own (housing, the GP practice, the charity).
		overrides.nameFallbackGuardian(loader, "caldicott");
		loadAgreements(loader, organisations);
		DemoPeople generator = new DemoPeople(20261123L);
		for (int i = 0; i < PEOPLE; i++) {
			loadPerson(loader, generator, clinicians, organisations.get("RHS"), i);
		}
	}

	private void loadAgreements(Actor loader, Map<String, OrganisationId> organisations) {
		LocalDate start = LocalDate.of(2026, 4, 1);
		agreements.create(loader,
				new NewAgreement("Riverside shared care: direct care and safeguarding",
						"UK GDPR 6(1)(e) and 9(2)(h); Health and Social Care Act 2012 s251B; Care Act 2014 s42",
						Set.copyOf(organisations.values()), Set.of(Purpose.DIRECT_CARE, Purpose.SAFEGUARDING),
						Set.of(DataCategory.GENERAL, DataCategory.THIRD_PARTY, DataCategory.SAFEGUARDING), start,
						start.plusYears(1), AgreementStatus.ACTIVE));
		agreements
			.create(loader,
					new NewAgreement("Health and social care: sensitive information for direct care",
							"UK GDPR 9(2)(h), with the person's explicit consent for each share",
							Set.of(organisations.get("RVH"), organisations.get("RCH"), organisations.get("NMH"),
									organisations.get("P81001"), organisations.get("RASC")),
							Set.of(Purpose.DIRECT_CARE),
							Set.of(DataCategory.MENTAL_HEALTH, DataCategory.SUBSTANCE_MISUSE,
									DataCategory.SEXUAL_HEALTH, DataCategory.HIV),
							start, start.plusYears(1), AgreementStatus.ACTIVE));
		agreements.create(loader,
				new NewAgreement("Council and housing: financial circumstances",
						"UK GDPR 6(1)(e); Care Act 2014 s6 (co-operation)",
						Set.of(organisations.get("RASC"), organisations.get("RHS")), Set.of(Purpose.DIRECT_CARE),
						Set.of(DataCategory.FINANCES), start, start.plusYears(1), AgreementStatus.DRAFT));
	}

	private void loadPerson(Actor loader, DemoPeople generator, List<Member> clinicians, OrganisationId housing,
			int index) {
		PersonDetails details = generator.next(index);
		PersonId person = people.register(loader, details);
		if (generator.nextInt(2) == 0) {
			people.addIdentifier(loader, person,
					new PersonIdentifier("Riverside Council case number", "RASC-" + (100000 + index * 37)));
		}
		// The lead is usually the social worker or district nurse; others join from other
		// agencies.
		Member lead = clinicians.get(generator.nextInt(clinicians.size()));
		careTeams.addMember(loader, person, lead.id(), lead.team(), roleFor(lead.profession()), true);
		int others = 1 + generator.nextInt(3);
		for (int k = 0; k < others; k++) {
			Member member = clinicians.get(generator.nextInt(clinicians.size()));
			if (member.id().equals(lead.id())) {
				continue;
			}
			// Loading data: the named bypass, so the demo does not depend on its
			// agreements' dates (they are loaded above and cover every organisation).
			careTeams.addMemberBypassingAgreementsForSetUp(loader, person, member.id(), member.team(),
					roleFor(member.profession()), false);
		}
		loadEntries(generator, person, lead, clinicians, details, housing);
		if (generator.nextInt(10) < 7) {
			Relationship relationship = generator.nextInt(3) == 0 ? Relationship.NEXT_OF_KIN : Relationship.CARER;
			people.addRelatedPerson(lead.actor(), person, relationship,
					generator.pick(List.of("Susan", "Andrew", "Karen", "Paul", "Farah", "Gary")) + " "
							+ details.familyName(),
					"07700 900" + (100 + generator.nextInt(899)), null, true);
		}
		if (generator.nextInt(10) == 0) {
			people.addRelatedPerson(lead.actor(), person, Relationship.LPA_HEALTH_AND_WELFARE,
					generator.pick(List.of("Claire", "Robert", "Imran")) + " " + details.familyName(), null, null,
					true);
		}
		if (generator.nextInt(12) == 0) {
			people.addRelatedPerson(lead.actor(), person, Relationship.CARE_ACT_ADVOCATE, "Riverside Advocacy Hub",
					"01632 960123", null, true);
		}
	}

	private void loadEntries(DemoPeople generator, PersonId person, Member lead, List<Member> clinicians,
			PersonDetails details, OrganisationId housing) {
		people.addEntry(lead.actor(), person, DataCategory.GENERAL, "Initial visit",
				"Visited at home. " + details.givenName() + " wants to stay living at home and finds stairs hard.");
		List<CareTeamMember> team = careTeams.members(person);
		for (CareTeamMember member : team) {
			Member author = clinicians.stream()
				.filter(c -> c.id().equals(member.practitionerId()))
				.findFirst()
				.orElse(null);
			if (author == null || author.id().equals(lead.id())) {
				continue;
			}
			DemoEntries.Note note = DemoEntries.forProfession(author.profession(), generator);
			people.addEntry(author.actor(), person, note.category(), note.title(), note.body());
		}
		int choice = generator.nextInt(20);
		if (choice < 6) {
			choices.record(lead.actor(), person, new NewChoice(ChoiceKind.CONSENT, null, DataCategory.MENTAL_HEALTH,
					HowGiven.VERBAL, LocalDate.of(2026, 5, 1 + generator.nextInt(28)), null, null));
		}
		else if (choice == 6) {
			choices.record(lead.actor(), person, new NewChoice(ChoiceKind.OBJECTION, housing, null, HowGiven.WRITTEN,
					LocalDate.of(2026, 6, 1 + generator.nextInt(28)), null, null));
		}
	}

	private static String roleFor(Profession profession) {
		return switch (profession) {
			case SOCIAL_WORKER, CARE_MANAGER -> "Care co-ordinator (social care)";
			case DISTRICT_NURSE, COMMUNITY_NURSE -> "Community nursing";
			case GP -> "GP";
			case OCCUPATIONAL_THERAPIST -> "Occupational therapy";
			case PHYSIOTHERAPIST -> "Physiotherapy";
			case COMMUNITY_PSYCHIATRIC_NURSE, PSYCHIATRIST -> "Mental health";
			case HOUSING_OFFICER -> "Tenancy support";
			case SUPPORT_WORKER -> "Befriending";
			case DISCHARGE_COORDINATOR, HOSPITAL_DOCTOR -> "Hospital care";
			default -> "Support";
		};
	}

}
