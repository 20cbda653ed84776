package care.seamless.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import care.seamless.person.People;
import care.seamless.shared.PersonId;
import care.seamless.team.CareTeams;
import care.seamless.team.Directory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Candidate search over the people that the person module publishes for matching, and the
 * review queue. The candidate query is the online form of the blocking keys
 * (docs/linkage.md section 4): each branch is answered from a btree index and capped, so
 * one query costs about the same whatever the population.
 */
@Repository
class MatchRepository {

	private static final int BRANCH_LIMIT = 200;

	// Read by place (person(ResultSet, int, boolean)): add a column at the end.
	private static final String MATCHED_COLUMNS = """
			p.id, p.nhs_number, p.given_name, p.family_name, p.date_of_birth, p.sex, p.address_line_1,
			p.address_line_2, p.town, p.postcode, p.phone, p.email""";

	// The organisation a person is known to: the one that registered them, else their
	// lead professional's.
	private static final String ORGANISATION = "coalesce(%s, %s) as organisation".formatted(
			Directory.organisationNameSql("p.source_organisation_id"), CareTeams.leadOrganisationNameSql("p.id"));

	private static final String PERSON_COLUMNS = MATCHED_COLUMNS + ", " + ORGANISATION;

	// Person and team publish these fragments; linkage never names their tables.
	private static final String PEOPLE = People.matchingRecordsSql();

	// A pair a reviewer has said is not the same person is never a candidate again. Pairs
	// are stored in order (match_candidate_ordered), so one probe by (least, greatest)
	// finds either orientation, by the index on those pairs (V450); with no self,
	// greatest(id, null) is the id itself and no stored pair has the same person twice.
	private static final String NOT_REFUSED = """
			not exists (select 1 from linkage.match_candidate m where m.status = 'NOT_SAME'
			    and m.left_person = least(p.id, %1$s) and m.right_person = greatest(p.id, %1$s))""";

	// Each branch is answered from a btree index and returns the whole row it already
	// read, as SQL_CANDIDATES_OF_ALL's do: looking each id up again by key was four
	// buffer reads a candidate, and each candidate's organisation two subqueries more,
	// about 1,400 of a 1,650-buffer query at a million people (ADR 86). Only a possible
	// match is shown with its organisation, read then (organisations).
	private static final String SQL_CANDIDATES = """
			with hits as (
			  (select b.* from %1$s b where nhs_number = cast(:nhs as text))
			  union (select b.* from %1$s b where date_of_birth = :dob limit :limit)
			  union (select b.* from %1$s b where lower(family_name) = :family and lower(given_name) = :given limit :limit)
			  union (select b.* from %1$s b where lower(family_name) = :given and lower(given_name) = :family limit :limit)
			  union (select b.* from %1$s b where lower(family_name) = :family
			           and date_of_birth = any(cast(:yearDates as date[])) limit :limit)
			  union (select b.* from %1$s b where lower(given_name) = :given
			           and date_of_birth = any(cast(:yearDates as date[])) limit :limit)
			  union (select b.* from %1$s b where replace(postcode, ' ', '') = cast(:postcode as text)
			           and lower(left(given_name, 1)) = :initial limit :limit)
			)
			select %2$s
			from hits p
			where p.id is distinct from cast(:self as uuid)
			  and not exists (select 1 from linkage.person_link l where l.merged = p.id and l.undone_at is null)
			  and %3$s
			"""
		.formatted(PEOPLE, MATCHED_COLUMNS, NOT_REFUSED.formatted("cast(:self as uuid)"));

	private static final String SQL_ORGANISATIONS = """
			select p.id, %s from %s p where p.id in (:ids)
			""".formatted(ORGANISATION, PEOPLE);

	// The same branches, limits and exclusions as SQL_CANDIDATES, for many incoming
	// records in one statement (ADR 60): each record's branches run as a lateral
	// subquery, so each keeps its own limit, as it would in a query of its own. The
	// branches return the whole row they already read, not only its id to be looked up
	// again by key: that second look-up was half the statement's buffer reads, four a
	// candidate, with hundreds of candidates a bundle at a million people
	// (docs/benchmarks.md, session 13, fhircreate). Rows are unique by id, so the union
	// keeps the same ones. Nor do they name each candidate's organisation, two look-ups a
	// row: only a possible match is told about, and that is read again when it is
	// (PeopleImport.knownTo).
	private static final String SQL_CANDIDATES_OF_ALL = """
			with incoming as (
			  select * from unnest(cast(:self as uuid[]), cast(:nhs as text[]),
			    cast(:dob as date[]), cast(:family as text[]), cast(:given as text[]),
			    cast(:yearDates as text[]), cast(:postcode as text[]), cast(:initial as text[]))
			    as i(self, nhs, dob, family, given, year_dates, postcode, initial)
			),
			hits as (
			  select i.self, h.* from incoming i cross join lateral (
			    (select b.* from %1$s b where nhs_number = i.nhs)
			    union (select b.* from %1$s b where date_of_birth = i.dob limit :limit)
			    union (select b.* from %1$s b where lower(family_name) = i.family and lower(given_name) = i.given limit :limit)
			    union (select b.* from %1$s b where lower(family_name) = i.given and lower(given_name) = i.family limit :limit)
			    union (select b.* from %1$s b where lower(family_name) = i.family
			             and date_of_birth = any(cast(i.year_dates as date[])) limit :limit)
			    union (select b.* from %1$s b where lower(given_name) = i.given
			             and date_of_birth = any(cast(i.year_dates as date[])) limit :limit)
			    union (select b.* from %1$s b where replace(postcode, ' ', '') = i.postcode
			             and lower(left(given_name, 1)) = i.initial limit :limit)
			  ) h
			)
			select p.self as incoming_self, %2$s
			from hits p
			where p.id is distinct from p.self
			  and not exists (select 1 from linkage.person_link l where l.merged = p.id and l.undone_at is null)
			  and %3$s
			"""
		.formatted(PEOPLE, MATCHED_COLUMNS, NOT_REFUSED.formatted("p.self"));

	private static final String SQL_PERSON = """
			select %s
			from %s p
			where p.id = :id
			""".formatted(PERSON_COLUMNS, PEOPLE);

	private static final String SQL_PROPOSE = """
			insert into linkage.match_candidate (id, left_person, right_person, weight, probability, rule, contributions,
			  status, proposed_at, proposed_by)
			values (:id, :left, :right, :weight, :probability, :rule, cast(:contributions as jsonb), 'PENDING', :now, :by)
			on conflict (left_person, right_person) do nothing
			""";

	private static final String CANDIDATE_COLUMNS = """
			id, left_person, right_person, weight, probability, rule, status, decided_by, decided_at, version
			""";

	private static final String SQL_OPEN = """
			select %s from linkage.match_candidate
			where status in ('PENDING', 'NEEDS_INFO')
			order by status, probability desc, proposed_at
			limit :limit
			""".formatted(CANDIDATE_COLUMNS);

	private static final String SQL_FIND = """
			select %s from linkage.match_candidate where id = :id
			""".formatted(CANDIDATE_COLUMNS);

	private static final String SQL_PAIR = """
			select %s from linkage.match_candidate where left_person = :left and right_person = :right
			""".formatted(CANDIDATE_COLUMNS);

	private static final String SQL_CONTRIBUTIONS = """
			select c.comparison, c.level, c.weight
			from linkage.match_candidate m, jsonb_to_recordset(m.contributions) as c(comparison text, level text, weight float8)
			where m.id = :id
			""";

	private static final String SQL_DECIDE = """
			update linkage.match_candidate
			set status = :status, decided_by = :by, decided_at = :now, version = version + 1
			where id = :id and version = :version and status in ('PENDING', 'NEEDS_INFO')
			""";

	private static final String SQL_REOPEN = """
			update linkage.match_candidate
			set status = 'PENDING', decided_by = null, decided_at = null, version = version + 1
			where id = :id and status = 'LINKED'
			""";

	private static final String SQL_LINK = """
			insert into linkage.person_link (id, candidate_id, survivor, merged, linked_by, linked_at)
			values (:id, :candidate, :survivor, :merged, :by, :now)
			""";

	private static final String SQL_IS_LINKED = """
			select exists (select 1 from linkage.person_link
			  where undone_at is null and (merged = :person or (survivor = :person and :asMerged)))
			""";

	private static final String SQL_ACTIVE_LINK = """
			select id, candidate_id, survivor from linkage.person_link where merged = :merged and undone_at is null
			""";

	private static final String SQL_SURVIVOR = """
			select survivor from linkage.person_link where merged = :person and undone_at is null
			""";

	private static final String SQL_UNDO = """
			update linkage.person_link set undone_by = :by, undone_at = :now where id = :id and undone_at is null
			""";

	private static final String SQL_OLDER_FIRST = """
			select id from %s p where id in (:a, :b) order by created_at, id
			""".formatted(PEOPLE);

	private final JdbcClient jdbc;

	MatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A person's record as the matcher sees it, with the demographics a reviewer sees.
	 */
	record Person(Record record, Demographics demographics) {
	}

	record ActiveLink(UUID id, @Nullable UUID candidate, PersonId survivor) {
	}

	/**
	 * The people the blocking keys find for this record, without their organisation
	 * ({@link #organisations} reads it for those shown). The two branches by name and
	 * birth year ask only for {@code yearDates}, the dates of the record's year that
	 * could still reach review (Matcher.birthDatesWorthFetching, ADR 91).
	 */
	List<Person> candidates(Record incoming, @Nullable PersonId self, List<LocalDate> yearDates) {
		String family = incoming.value(Role.FAMILY_NAME).trim().toLowerCase(Locale.ROOT);
		String given = incoming.value(Role.GIVEN_NAME).trim().toLowerCase(Locale.ROOT);
		LocalDate dob = LocalDate.parse(incoming.value(Role.DATE_OF_BIRTH));
		String postcode = incoming.value(Role.POSTCODE).replace(" ", "").toUpperCase(Locale.ROOT);
		String nhs = incoming.value(Role.NHS_NUMBER);
		return jdbc.sql(SQL_CANDIDATES)
			.param("nhs", nhs.isEmpty() ? null : nhs)
			.param("dob", dob)
			.param("family", family)
			.param("given", given)
			.param("yearDates", dateArray(yearDates))
			.param("postcode", postcode.isEmpty() ? null : postcode)
			.param("initial", given.isEmpty() ? "" : given.substring(0, 1))
			.param("limit", BRANCH_LIMIT)
			.param("self", self == null ? null : self.id())
			.query((rs, n) -> person(rs, 1, false))
			.list();
	}

	/**
	 * The organisation each of these people is known to
	 * ({@link Demographics#organisation}), for the few candidates that are shown; absent
	 * when it has none.
	 */
	Map<PersonId, String> organisations(Collection<PersonId> people) {
		Map<PersonId, String> found = new HashMap<>();
		if (people.isEmpty()) {
			return found;
		}
		jdbc.sql(SQL_ORGANISATIONS)
			.param("ids", people.stream().map(PersonId::id).toList())
			.query((RowCallbackHandler) rs -> {
				String organisation = rs.getString(2);
				if (organisation != null) {
					found.put(new PersonId(rs.getObject(1, UUID.class)), organisation);
				}
			});
		return found;
	}

	/**
	 * {@link #candidates} of many registered people at once, by person: the same records
	 * each would find on its own, at the moment of the query.
	 */
	Map<PersonId, List<Person>> candidatesOfAll(Map<PersonId, Record> incoming,
			Function<Record, List<LocalDate>> yearDatesOf) {
		Map<PersonId, List<Person>> found = new HashMap<>();
		if (incoming.isEmpty()) {
			return found;
		}
		List<UUID> self = new java.util.ArrayList<>();
		List<@Nullable String> nhs = new java.util.ArrayList<>();
		List<LocalDate> dob = new java.util.ArrayList<>();
		List<String> family = new java.util.ArrayList<>();
		List<String> given = new java.util.ArrayList<>();
		List<String> yearDates = new java.util.ArrayList<>();
		List<@Nullable String> postcode = new java.util.ArrayList<>();
		List<String> initial = new java.util.ArrayList<>();
		incoming.forEach((id, record) -> {
			// As candidates() reads a record, value by value.
			String f = record.value(Role.FAMILY_NAME).trim().toLowerCase(Locale.ROOT);
			String g = record.value(Role.GIVEN_NAME).trim().toLowerCase(Locale.ROOT);
			LocalDate d = LocalDate.parse(record.value(Role.DATE_OF_BIRTH));
			String p = record.value(Role.POSTCODE).replace(" ", "").toUpperCase(Locale.ROOT);
			String n = record.value(Role.NHS_NUMBER);
			self.add(id.id());
			nhs.add(n.isEmpty() ? null : n);
			dob.add(d);
			family.add(f);
			given.add(g);
			yearDates.add(dateArray(yearDatesOf.apply(record)));
			postcode.add(p.isEmpty() ? null : p);
			initial.add(g.isEmpty() ? "" : g.substring(0, 1));
			found.put(id, new java.util.ArrayList<>());
		});
		// One array parameter per column, so the text is the same whatever the number of
		// people: a list is spelt out as one parameter per person (ADR 129).
		jdbc.sql(SQL_CANDIDATES_OF_ALL)
			.param("self", self.stream().map(UUID::toString).toArray(String[]::new))
			.param("nhs", nhs.toArray(String[]::new))
			.param("dob", dob.stream().map(LocalDate::toString).toArray(String[]::new))
			.param("family", family.toArray(String[]::new))
			.param("given", given.toArray(String[]::new))
			.param("yearDates", yearDates.toArray(String[]::new))
			.param("postcode", postcode.toArray(String[]::new))
			.param("initial", initial.toArray(String[]::new))
			.param("limit", BRANCH_LIMIT)
			.query((RowCallbackHandler) rs -> found.get(new PersonId(rs.getObject("incoming_self", UUID.class)))
				.add(person(rs, 2, false)));
		return found;
	}

	// One text parameter in PostgreSQL's array form, so the statement's text is the same
	// whatever the number of dates.
	private static String dateArray(List<LocalDate> dates) {
		StringBuilder out = new StringBuilder(dates.size() * 11 + 2).append('{');
		for (LocalDate date : dates) {
			if (out.length() > 1) {
				out.append(',');
			}
			out.append(date);
		}
		return out.append('}').toString();
	}

	Optional<Person> person(PersonId id) {
		return jdbc.sql(SQL_PERSON).param("id", id.id()).query((rs, n) -> person(rs, 1, true)).optional();
	}

	boolean propose(PersonId a, PersonId b, ScoredPair score, String by, Instant now) {
		// PostgreSQL orders uuids by their bytes and UUID.compareTo by signed longs, so
		// the database puts the pair in order.
		return jdbc
			.sql(SQL_PROPOSE.replace(":left", "least(cast(:a as uuid), cast(:b as uuid))")
				.replace(":right", "greatest(cast(:a as uuid), cast(:b as uuid))"))
			.param("id", UUID.randomUUID())
			.param("a", a.id())
			.param("b", b.id())
			.param("weight", score.weight())
			.param("probability", score.probability())
			.param("rule", score.rule())
			.param("contributions", json(score.contributions()))
			.param("now", java.sql.Timestamp.from(now))
			.param("by", by)
			.update() == 1;
	}

	List<CandidateRow> open(int limit) {
		return jdbc.sql(SQL_OPEN).param("limit", limit).query(MatchRepository::candidate).list();
	}

	Optional<CandidateRow> find(UUID id) {
		return jdbc.sql(SQL_FIND).param("id", id).query(MatchRepository::candidate).optional();
	}

	Optional<CandidateRow> pair(PersonId a, PersonId b) {
		return jdbc
			.sql(SQL_PAIR.replace(":left", "least(cast(:a as uuid), cast(:b as uuid))")
				.replace(":right", "greatest(cast(:a as uuid), cast(:b as uuid))"))
			.param("a", a.id())
			.param("b", b.id())
			.query(MatchRepository::candidate)
			.optional();
	}

	List<Contribution> contributions(UUID candidate) {
		return jdbc.sql(SQL_CONTRIBUTIONS)
			.param("id", candidate)
			.query((rs, n) -> new Contribution(Comparison.valueOf(rs.getString("comparison")), rs.getString("level"),
					rs.getDouble("weight")))
			.list();
	}

	boolean decide(UUID id, long version, MatchStatus status, String by, Instant now) {
		return jdbc.sql(SQL_DECIDE)
			.param("id", id)
			.param("version", version)
			.param("status", status.name())
			.param("by", by)
			.param("now", java.sql.Timestamp.from(now))
			.update() == 1;
	}

	void reopen(UUID id) {
		jdbc.sql(SQL_REOPEN).param("id", id).update();
	}

	/**
	 * Whether the person is linked into another record (or, if asMerged, into any link).
	 */
	boolean isLinked(PersonId person, boolean asMerged) {
		return jdbc.sql(SQL_IS_LINKED)
			.param("person", person.id())
			.param("asMerged", asMerged)
			.query(Boolean.class)
			.single();
	}

	void link(@Nullable UUID candidate, PersonId survivor, PersonId merged, String by, Instant now) {
		jdbc.sql(SQL_LINK)
			.param("id", UUID.randomUUID())
			.param("candidate", candidate)
			.param("survivor", survivor.id())
			.param("merged", merged.id())
			.param("by", by)
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	Optional<ActiveLink> activeLink(PersonId merged) {
		return jdbc.sql(SQL_ACTIVE_LINK)
			.param("merged", merged.id())
			.query((rs, n) -> new ActiveLink(rs.getObject("id", UUID.class), rs.getObject("candidate_id", UUID.class),
					new PersonId(rs.getObject("survivor", UUID.class))))
			.optional();
	}

	/**
	 * The survivor that {@code person} is linked into, or the person itself when it is
	 * not linked into another record.
	 */
	PersonId clusterOf(PersonId person) {
		return jdbc.sql(SQL_SURVIVOR)
			.param("person", person.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.optional()
			.orElse(person);
	}

	void undo(UUID link, String by, Instant now) {
		jdbc.sql(SQL_UNDO).param("id", link).param("by", by).param("now", java.sql.Timestamp.from(now)).update();
	}

	/** The two records, the one registered first leading. */
	List<PersonId> olderFirst(PersonId a, PersonId b) {
		return jdbc.sql(SQL_OLDER_FIRST)
			.param("a", a.id())
			.param("b", b.id())
			.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
			.list();
	}

	/** A stored candidate before its people's demographics are attached. */
	record CandidateRow(UUID id, PersonId left, PersonId right, double weight, double probability,
			@Nullable String rule, MatchStatus status, @Nullable String decidedBy, @Nullable Instant decidedAt,
			long version) {
	}

	private static CandidateRow candidate(ResultSet rs, int n) throws SQLException {
		java.sql.Timestamp decided = rs.getTimestamp("decided_at");
		return new CandidateRow(rs.getObject("id", UUID.class), new PersonId(rs.getObject("left_person", UUID.class)),
				new PersonId(rs.getObject("right_person", UUID.class)), rs.getDouble("weight"),
				rs.getDouble("probability"), rs.getString("rule"), MatchStatus.valueOf(rs.getString("status")),
				rs.getString("decided_by"), decided == null ? null : decided.toInstant(), rs.getLong("version"));
	}

	/**
	 * A person from {@link #PERSON_COLUMNS}, or from {@link #MATCHED_COLUMNS} with no
	 * organisation, which start at column {@code first}. Read by place and each once,
	 * rather than thirteen names looked up nineteen times a row: a bundle has some
	 * hundreds of candidate rows.
	 */
	static Person person(ResultSet rs, int first, boolean withOrganisation) throws SQLException {
		PersonId id = new PersonId(rs.getObject(first, UUID.class));
		String nhsNumber = rs.getString(first + 1);
		String given = rs.getString(first + 2);
		String family = rs.getString(first + 3);
		LocalDate dob = rs.getObject(first + 4, LocalDate.class);
		String sex = rs.getString(first + 5);
		String address = rs.getString(first + 6);
		String town = rs.getString(first + 8);
		String postcode = rs.getString(first + 9);
		Map<Role, String> values = new EnumMap<>(Role.class);
		put(values, Role.NHS_NUMBER, nhsNumber);
		put(values, Role.GIVEN_NAME, given);
		put(values, Role.FAMILY_NAME, family);
		put(values, Role.DATE_OF_BIRTH, dob.toString());
		put(values, Role.SEX, sex);
		put(values, Role.ADDRESS_1, address);
		put(values, Role.ADDRESS_2, rs.getString(first + 7));
		put(values, Role.LOCALITY, town);
		put(values, Role.POSTCODE, postcode);
		put(values, Role.PHONE, rs.getString(first + 10));
		put(values, Role.EMAIL, rs.getString(first + 11));
		Demographics demographics = new Demographics(id, given, family, dob, sex, nhsNumber, postcode, address, town,
				withOrganisation ? rs.getString(first + 12) : null);
		return new Person(new Record(id.id().toString(), values), demographics);
	}

	static void put(Map<Role, String> values, Role role, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			values.put(role, value.trim());
		}
	}

	// Contributions are stored as JSON so the explanation survives model changes. The
	// values are enum names, level labels and numbers, so escaping quotes and
	// backslashes is enough.
	private static String json(List<Contribution> contributions) {
		StringBuilder out = new StringBuilder("[");
		for (Contribution c : contributions) {
			if (out.length() > 1) {
				out.append(',');
			}
			out.append("{\"comparison\":\"")
				.append(c.comparison().name())
				.append("\",\"level\":\"")
				.append(c.level().replace("\\", "\\\\").replace("\"", "\\\""))
				.append("\",\"weight\":")
				.append(Double.isFinite(c.weight()) ? Double.toString(c.weight()) : "0")
				.append('}');
		}
		return out.append(']').toString();
	}

}
