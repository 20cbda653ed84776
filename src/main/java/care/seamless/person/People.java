package care.seamless.person;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.seamless.audit.AuditEntry;
import care.seamless.audit.AuditEvent;
import care.seamless.audit.AuditLog;
import care.seamless.consent.AccessDecision;
import care.seamless.consent.AccessDenied;
import care.seamless.consent.AccessPolicy;
import care.seamless.consent.AccessRequest;
import care.seamless.consent.LinkedIdentities;
import care.seamless.consent.SearchVolumes;
import care.seamless.consent.SqlCondition;
import care.seamless.shared.Actor;
import care.seamless.shared.ConcurrentEditException;
import care.seamless.shared.DataCategory;
import care.seamless.shared.ErrorCode;
import care.seamless.shared.NhsNumber;
import care.seamless.shared.NotFoundException;
import care.seamless.shared.PersonId;
import care.seamless.consent.WithheldReason;
import care.seamless.shared.OrganisationId;
import care.seamless.team.CareTeamMember;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, finds and shows people. Every read asks the access policy and is audited
 * with its outcome.
 */
@Service
public class People {

	public static final int PAGE_SIZE = 20;

	/** The most people one search returns; more asks the searcher to narrow it. */
	public static final int SEARCH_LIMIT = 20;

	public static final int ENTRY_PAGE_SIZE = 10;

	/**
	 * SQL for the display name of the person whose id is in {@code personIdColumn}: how
	 * another module's query names a person without reaching into this module's tables.
	 * Callers decide in the same query whether the viewer may see the row at all.
	 */
	public static String displayNameSql(String personIdColumn) {
		return "(select pdn.given_name || ' ' || pdn.family_name from person.person pdn where pdn.id = %s)"
			.formatted(personIdColumn);
	}

	/**
	 * SQL true when a person record with the id in {@code personIdColumn} exists: for
	 * another module's check that an id it was sent is one of ours, which reveals nothing
	 * the sender did not already hold.
	 */
	public static String existsSql(String personIdColumn) {
		return "exists (select 1 from person.person pex where pex.id = %s)".formatted(personIdColumn);
	}

	private static final String RECORD = "Person";

	/**
	 * The person table as record linkage may read it, for use in its candidate queries: a
	 * derived table of identifying and contact columns ({@code id}, {@code nhs_number},
	 * names, {@code date_of_birth}, {@code sex}, address, {@code postcode},
	 * {@code phone}, {@code email}, {@code source_organisation_id}, {@code created_at}).
	 * PostgreSQL folds it into the outer query, so the person table's indexes still
	 * answer each blocking branch. Linkage runs no access rule over it: matching is an
	 * identity service, and what a reviewer sees is governed by the review queue's own
	 * roles.
	 */
	public static String matchingRecordsSql() {
		return """
				(select id, nhs_number, given_name, family_name, date_of_birth, sex, address_line_1, address_line_2,
				  town, postcode, phone, email, source_organisation_id, created_at from person.person)""";
	}

	private final PersonRepository repository;

	private final AccessPolicy accessPolicy;

	private final CareTeams careTeams;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Directory directory;

	private final LinkedIdentities linkedIdentities;

	private final ObjectProvider<CaseloadFact> facts;

	People(PersonRepository repository, AccessPolicy accessPolicy, CareTeams careTeams, AuditLog auditLog, Clock clock,
			Directory directory, LinkedIdentities linkedIdentities, ObjectProvider<CaseloadFact> facts) {
		this.facts = facts;
		this.directory = directory;
		this.linkedIdentities = linkedIdentities;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.careTeams = careTeams;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional
	public PersonId register(Actor actor, PersonDetails details) {
		PersonId id = insert(actor, details);
		// Whoever registers someone becomes their lead professional, so nobody is
		// registered without an owner.
		if (actor.practitionerId() != null) {
			careTeams.addMember(actor, id, actor.practitionerId(), null, "Registering practitioner", true);
		}
		return id;
	}

	/**
	 * Registers a person read from a file or another system for the importer's
	 * organisation. Unlike {@link #register}, the importer does not join the care team:
	 * loading a file is no relationship with the people in it, and a lead professional
	 * made that way would reach every record the person is later linked with.
	 */
	@Transactional
	public PersonId registerImported(Actor actor, PersonDetails details) {
		return insert(actor, details);
	}

	private PersonId insert(Actor actor, PersonDetails details) {
		PersonDetails checked = check(details, null);
		PersonId id = PersonId.random();
		try {
			repository.insert(id, checked, actor.organisationId());
		}
		catch (DuplicateKeyException ex) {
			throw duplicateNhsNumber();
		}
		auditLog.record(AuditEvent.permitted(actor, "create", RECORD, id, id));
		return id;
	}

	/**
	 * The record already registered with this NHS number, if any: the check registration
	 * makes itself, offered so an import can link to that record instead of failing.
	 * Returns only the id, nothing about the person.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<PersonId> registeredWithNhsNumber(String nhsNumber) {
		return repository.findByNhsNumber(NhsNumber.normalise(nhsNumber));
	}

	/**
	 * The organisation that holds the record (null for a record of the whole
	 * partnership): not personal data, but what a link needs to keep access within
	 * agreements.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<OrganisationId> holderOf(PersonId id) {
		return repository.find(id).map(PersonRepository.Row::sourceOrganisationId);
	}

	/**
	 * Whether the actor may change the person's details: the question {@link #update}
	 * asks, without auditing, so the record page offers "Change details" only to those
	 * whose change would be saved.
	 */
	@Transactional(readOnly = true)
	public boolean mayUpdate(Actor actor, PersonId id) {
		return repository.find(id)
			.map(row -> accessPolicy.allows(actor, updateRequest(id, row, "update")))
			.orElse(false);
	}

	/**
	 * Refuses, audited, the form for changing details to someone whose change would be
	 * refused, so they are told before they type rather than after; opening the form is
	 * not itself audited (reading the record it shows is).
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public void requireUpdate(Actor actor, PersonId id) {
		PersonRepository.Row row = repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		AccessRequest request = updateRequest(id, row, "open-update-form");
		if (!accessPolicy.allows(actor, request)) {
			accessPolicy.require(actor, request);
		}
	}

	private static AccessRequest updateRequest(PersonId id, PersonRepository.Row row, String action) {
		return AccessRequest.toOpen(id, action, RECORD).item(DataCategory.GENERAL, row.sourceOrganisationId());
	}

	/**
	 * Saves new details if nobody else changed the person since {@code version} was read;
	 * otherwise throws {@link ConcurrentEditException} and saves nothing.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public long update(Actor actor, PersonId id, long version, PersonDetails details) {
		PersonRepository.Row row = repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		// Someone who cannot see the details must not be able to overwrite them: one
		// decision about the details themselves, so a refusal is never audited as
		// allowed.
		accessPolicy.require(actor, updateRequest(id, row, "update"));
		PersonDetails checked = check(details, id);
		int updated;
		try {
			updated = repository.update(id, version, checked);
		}
		catch (DuplicateKeyException ex) {
			throw duplicateNhsNumber();
		}
		if (updated == 0) {
			throw new ConcurrentEditException(RECORD, id);
		}
		return version + 1;
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public PersonRecord record(Actor actor, PersonId id) {
		return record(actor, id, true);
	}

	/**
	 * The record without its entries (they have their own paged read): what the API's
	 * record summary returns.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public PersonRecord summary(Actor actor, PersonId id) {
		return record(actor, id, false);
	}

	/**
	 * The record in one statement (ADR 80): its row, the decision about it and its parts
	 * together, then the decision's audit entry. A record linked with others is read by
	 * {@link #recordBySteps}, which decides about each linked record and reads its care
	 * team; this one's evaluation is then dropped unused, having been neither audited nor
	 * shown.
	 */
	private PersonRecord record(Actor actor, PersonId id, boolean withEntries) {
		PersonRepository.RecordRead read = repository
			.readRecord(id, accessPolicy.recordWithParts(actor, "p.id", "p.source_organisation_id",
					DataCategory.GENERAL, DataCategory.THIRD_PARTY))
			.orElseThrow(() -> new NotFoundException(RECORD, id));
		if (read.linked()) {
			return recordBySteps(actor, id, withEntries);
		}
		List<AccessDecision> parts = accessPolicy.auditWithParts(actor, id, "read", RECORD, read.evaluation());
		PersonRepository.Row row = read.row();
		WithheldNotice detailsWithheld = notice(parts.get(1), row.sourceOrganisationId());
		WithheldNotice relatedWithheld = notice(parts.get(2), row.sourceOrganisationId());
		return new PersonRecord(id, detailsWithheld == null ? row.details() : identifyingOnly(row.details()),
				row.restricted(), row.version(), orEmpty(read.identifiers()), orEmpty(read.relatedPeople()),
				orEmpty(read.careTeam()), detailsWithheld, relatedWithheld,
				withEntries ? entryPage(actor, List.of(id), 1, EntryFilter.NONE) : null, parts.get(0).override(),
				new LinkedHashMap<>());
	}

	private static <T> List<T> orEmpty(@Nullable List<T> part) {
		return part == null ? List.of() : part;
	}

	/**
	 * The record read a statement at a time: the row, the decision with its parts, each
	 * linked record's decision and care team, then each part. Linked records are read
	 * this way; and it is what {@link #record(Actor, PersonId, boolean)} must answer
	 * alike (PeopleAccessTests and AccessDecisionTableTests compare the two).
	 */
	PersonRecord recordBySteps(Actor actor, PersonId id, boolean withEntries) {
		PersonRepository.Row row = repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		List<AccessDecision> parts = accessPolicy.checkWithParts(actor, id, "read", RECORD, DataCategory.GENERAL,
				DataCategory.THIRD_PARTY, row.sourceOrganisationId());
		AccessDecision access = parts.get(0);
		parts = parts.subList(1, 3);
		WithheldNotice detailsWithheld = notice(parts.get(0), row.sourceOrganisationId());
		WithheldNotice relatedWithheld = notice(parts.get(1), row.sourceOrganisationId());
		PersonDetails details = detailsWithheld == null ? row.details() : identifyingOnly(row.details());
		List<PersonId> records = readableRecords(actor, id, "read");
		Map<PersonId, String> linked = new LinkedHashMap<>();
		List<CareTeamMember> careTeam = new ArrayList<>(careTeams.members(id));
		for (PersonId other : records.subList(1, records.size())) {
			linked.put(other,
					repository.find(other)
						.map(PersonRepository.Row::sourceOrganisationId)
						.map(this::organisationName)
						.orElse(""));
			careTeam.addAll(careTeams.members(other));
		}
		return new PersonRecord(id, details, row.restricted(), row.version(),
				detailsWithheld == null ? repository.identifiers(id) : List.of(),
				relatedWithheld == null ? repository.relatedPeople(id) : List.of(), careTeam, detailsWithheld,
				relatedWithheld, withEntries ? entryPage(actor, records, 1, EntryFilter.NONE) : null, access.override(),
				linked);
	}

	/**
	 * This record and the person's other records linked with it that the actor may open,
	 * each read audited. The care-team relationship is shared across linked records, so
	 * this is normally all of them; each entry is still decided on its own.
	 */
	private List<PersonId> readableRecords(Actor actor, PersonId id, String action) {
		return linkedIdentities.openableRecords(actor, id, action + "-linked", RECORD);
	}

	/**
	 * One page of the entries the actor may see, with notices for what is withheld;
	 * audited as a read.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EntryPage entries(Actor actor, PersonId id, int page) {
		return entries(actor, id, page, EntryFilter.NONE);
	}

	/**
	 * {@link #entries(Actor, PersonId, int)} of one kind, author or period: the filter is
	 * applied in the query beside the access rule.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public EntryPage entries(Actor actor, PersonId id, int page, EntryFilter filter) {
		repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		accessPolicy.check(actor, id, DataCategory.GENERAL, "read-entries", RECORD);
		return entryPage(actor, readableRecords(actor, id, "read-entries"), page, filter);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addEntry(Actor actor, PersonId person, DataCategory category, String title, String body) {
		accessPolicy.check(actor, person, category, "add-entry", RECORD);
		if (actor.organisationId() == null) {
			throw new PersonRuleViolation("title", ErrorCode.RULE_VIOLATED,
					"Only practitioners of a partner organisation record information");
		}
		UUID id = UUID.randomUUID();
		repository.insertEntry(new Entry(id, category, actor.organisationId(), actor.username(), title.trim(),
				body.trim(), clock.instant(), person), person);
		auditLog.record(AuditEvent.permitted(actor, "create", "Entry", id, person));
		return id;
	}

	private EntryPage entryPage(Actor actor, List<PersonId> records, int page, EntryFilter filter) {
		int safePage = Math.max(page, 1);
		SqlCondition visible = accessPolicy.visibleItems(actor, "e.person_id", "e.category", "e.source_organisation_id")
			.and(filter.sql());
		if (actor.personSide()) {
			// A practitioner may decide an entry is not to be shown to the person
			// (serious harm, someone else's information): the person and those acting for
			// them never see it, and nothing tells them it is there.
			visible = visible.and(accessPolicy.shownToPersonSide(actor, "entry", "e.id"));
		}
		SqlCondition reason = accessPolicy.withheldReason(actor, "e.person_id", "e.category",
				"e.source_organisation_id");
		List<Entry> entries = repository.entries(records, visible, ENTRY_PAGE_SIZE, (safePage - 1) * ENTRY_PAGE_SIZE);
		List<WithheldNotice> notices = repository.withheldEntries(records, reason)
			.stream()
			.map(w -> new WithheldNotice(WithheldReason.valueOf(w.reason()), organisationName(w.source())))
			.toList();
		return new EntryPage(entries, repository.countEntries(records, visible), safePage, ENTRY_PAGE_SIZE, notices);
	}

	private WithheldNotice notice(AccessDecision decision, OrganisationId source) {
		return decision.permitted() ? null
				: new WithheldNotice(decision.withheld(), source == null ? null : organisationName(source));
	}

	private String organisationName(OrganisationId id) {
		return directory.organisation(id).name();
	}

	private static PersonDetails identifyingOnly(PersonDetails d) {
		return new PersonDetails(d.nhsNumber(), null, d.givenName(), d.familyName(), null, null, d.dateOfBirth(),
				d.sex(), null, null, null, null, null, null, null, null, false, null);
	}

	/**
	 * Finds people by name, date of birth or NHS number: people in the actor's care teams
	 * (or reachable through a grant or an override) by any part of their name, others
	 * only by identifying criteria ({@link SearchCriteria}). At most
	 * {@link #SEARCH_LIMIT} are returned. The audit entry records the criteria's shape
	 * and the number found, never the values; a search that found anyone outside the care
	 * teams is recorded as {@link SearchVolumes#OUTSIDE_CARE_TEAMS} so unusual volumes
	 * can be flagged.
	 */
	@Transactional(noRollbackFor = PersonRuleViolation.class)
	public SearchResults search(Actor actor, String query) {
		SearchCriteria criteria;
		try {
			criteria = SearchCriteria.parse(query);
		}
		catch (SearchTooBroad ex) {
			auditLog.record(AuditEvent.denied(actor, "search", RECORD, null, null,
					"search too broad; criteria: " + ex.shape()));
			throw ex;
		}
		catch (PersonRuleViolation ex) {
			auditLog
				.record(AuditEvent.denied(actor, "search", RECORD, null, null, "search refused: " + ex.code().slug()));
			throw ex;
		}
		SqlCondition access = accessPolicy.visibleRecords(actor, "p.id");
		List<PersonSummary> found = repository.search(criteria, access, SEARCH_LIMIT + 1);
		boolean more = found.size() > SEARCH_LIMIT;
		List<PersonSummary> people = more ? found.subList(0, SEARCH_LIMIT) : found;
		long outside = people.stream().filter(p -> !p.inCareTeam()).count();
		String reason = "criteria: " + criteria.shape() + "; results: " + people.size()
				+ (more ? " (more matched)" : "") + "; outside care teams: " + outside;
		auditLog.record(AuditEvent
			.permitted(actor, outside > 0 ? SearchVolumes.OUTSIDE_CARE_TEAMS : "search", RECORD, null, null)
			.withReason(reason));
		return new SearchResults(List.copyOf(people), more, criteria.identifying(), SEARCH_LIMIT);
	}

	@Transactional(readOnly = true)
	public Caseload caseload(Actor actor, int page) {
		return caseload(actor, CaseloadQuery.DEFAULT.onPage(page));
	}

	/**
	 * The people the actor works with, sorted and filtered as asked, all in one query
	 * with the access rules: a person with linked records is listed once, the last
	 * contact counts only entries the actor may see, and the plan and assessment columns
	 * are governed by their own modules ({@link CaseloadFact}).
	 */
	@Transactional(readOnly = true)
	public Caseload caseload(Actor actor, CaseloadQuery query) {
		// The rule from the actor's own people, not tested on every person in the
		// register: the same rows, a few hundred read instead of a million.
		return caseload(actor, query, accessPolicy.ownPeople(actor, "p.id"));
	}

	/**
	 * {@link #caseload(Actor, CaseloadQuery)} with {@code access} choosing its people:
	 * {@link AccessPolicy#ownPeople} for the page, {@link AccessPolicy#visiblePeople}
	 * (the same rule over the whole register) for the test that the two agree.
	 */
	@Transactional(readOnly = true)
	Caseload caseload(Actor actor, CaseloadQuery query, SqlCondition access) {
		SqlCondition contact = accessPolicy.visibleItems(actor, "e.person_id", "e.category",
				"e.source_organisation_id");
		Map<CaseloadFact.Kind, SqlCondition> columns = new java.util.EnumMap<>(CaseloadFact.Kind.class);
		facts.orderedStream().forEach(f -> columns.put(f.kind(), f.sql(actor, "p.id")));
		CaseloadSql sql = CaseloadSql.of(access, contact, columns, query, LocalDate.now(clock));
		return repository.caseload(sql, query, PAGE_SIZE);
	}

	@Transactional(noRollbackFor = AccessDenied.class)
	public UUID addRelatedPerson(Actor actor, PersonId person, Relationship relationship, String name, String phone,
			String email, boolean mayContact) {
		accessPolicy.check(actor, person, DataCategory.THIRD_PARTY, "update", RECORD);
		UUID id = UUID.randomUUID();
		repository.addRelatedPerson(new RelatedPerson(id, person, relationship, name, phone, email, mayContact,
				LocalDate.now(clock), null));
		auditLog.record(AuditEvent.permitted(actor, "create", "RelatedPerson", id, person));
		return id;
	}

	/**
	 * Records another agency's identifier for the person; used by registration and,
	 * later, imports.
	 */
	@Transactional
	public void addIdentifier(Actor actor, PersonId person, PersonIdentifier identifier) {
		repository.addIdentifier(person, identifier);
		auditLog.record(AuditEvent.permitted(actor, "add-identifier", RECORD, person, person));
	}

	/**
	 * Who has looked at or changed this person's record. Caldicott guardians may see any
	 * person's history; team managers that of people their teams work with. Reading the
	 * history is itself audited.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<AuditEntry> accessHistory(Actor actor, PersonId id, int limit) {
		repository.find(id).orElseThrow(() -> new NotFoundException(RECORD, id));
		accessPolicy.require(actor,
				AccessRequest.toOpen(id, "read-access-history", RECORD).by(AccessRequest.Who.OVERSEER));
		return auditLog.historyOf(id, limit);
	}

	/**
	 * Who looked at the record, for the person themselves (signed in with their own
	 * account): the door's decision, {@code read-own-access-history} by the person only,
	 * audited either way. Another's or an unknown id is refused alike.
	 */
	@Transactional(noRollbackFor = AccessDenied.class)
	public List<AuditEntry> ownAccessHistory(Actor actor, PersonId id, int limit) {
		accessPolicy.require(actor,
				AccessRequest.toOpen(id, "read-own-access-history", "AuditLog").by(AccessRequest.Who.THE_PERSON));
		return auditLog.historyOf(id, limit);
	}

	@Transactional(readOnly = true)
	public long count() {
		return repository.countAll();
	}

	private PersonDetails check(PersonDetails details, PersonId self) {
		PersonDetails checked = checked(details, LocalDate.now(clock));
		if (checked.nhsNumber() != null) {
			var existing = repository.findByNhsNumber(checked.nhsNumber());
			if (existing.isPresent() && !existing.get().equals(self)) {
				throw duplicateNhsNumber();
			}
		}
		return checked;
	}

	/**
	 * The registration rules that need no database (all but the NHS number's being free),
	 * with the details normalised as they are stored; for bulk registration, which checks
	 * the numbers for a whole file in one query.
	 * @throws PersonRuleViolation naming the field
	 */
	static PersonDetails checked(PersonDetails details, LocalDate today) {
		String nhs = blankToNull(details.nhsNumber());
		if (nhs != null) {
			nhs = NhsNumber.normalise(nhs);
			if (!NhsNumber.isValid(nhs)) {
				throw new PersonRuleViolation("nhsNumber", ErrorCode.INVALID_NHS_NUMBER,
						"Enter a valid NHS number: 10 digits, the last one a check digit");
			}
		}
		if (details.dateOfBirth().isAfter(today)) {
			throw new PersonRuleViolation("dateOfBirth", ErrorCode.VALIDATION_FAILED,
					"Date of birth must be today or in the past");
		}
		String postcode = blankToNull(details.postcode());
		String practice = details.gpPracticeName() == null || details.gpPracticeName().isBlank() ? null
				: details.gpPracticeName().strip();
		if (practice != null && (practice.length() > 200 || practice.chars().anyMatch(Character::isISOControl))) {
			throw new PersonRuleViolation("gpPracticeName", ErrorCode.VALIDATION_FAILED,
					"Enter the GP practice name in up to 200 characters");
		}
		// strip, not trim: trim would quietly drop a NUL and accept what was not typed.
		String ods = details.gpOdsCode() == null || details.gpOdsCode().isBlank() ? null : details.gpOdsCode().strip();
		if (ods != null && !ods.matches("[A-Za-z0-9]{3,6}")) {
			throw new PersonRuleViolation("gpOdsCode", ErrorCode.VALIDATION_FAILED,
					"Enter the practice's ODS code: 3 to 6 letters or numbers, like A81001");
		}
		return new PersonDetails(nhs, blankToNull(details.title()), details.givenName().trim(),
				details.familyName().trim(), blankToNull(details.preferredName()), blankToNull(details.howAddressed()),
				details.dateOfBirth(), details.sex(), blankToNull(details.gender()),
				blankToNull(details.addressLine1()), blankToNull(details.addressLine2()), blankToNull(details.town()),
				postcode == null ? null : postcode.toUpperCase(java.util.Locale.ROOT), blankToNull(details.phone()),
				blankToNull(details.email()), blankToNull(details.language()), details.interpreterNeeded(),
				blankToNull(details.communicationNeeds()), practice,
				ods == null ? null : ods.toUpperCase(java.util.Locale.ROOT));
	}

	private static PersonRuleViolation duplicateNhsNumber() {
		return new PersonRuleViolation("nhsNumber", ErrorCode.DUPLICATE_NHS_NUMBER,
				"Another person already has this NHS number");
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
