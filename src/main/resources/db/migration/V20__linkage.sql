-- Identity matching in the product (ADR 0011).

-- Candidate indexes for online matching: each is one blocking key of docs/linkage.md that PostgreSQL can answer from
-- a btree. NHS number (unique) and date of birth are indexed already, and so is (lower(family_name), lower(given_name)).
create index person_by_postcode_key on person.person (replace(postcode, ' ', ''));
create index person_by_family_name_and_birth on person.person (lower(family_name), date_of_birth);
create index person_by_given_name_and_birth on person.person (lower(given_name), date_of_birth);

create schema linkage;

-- A pair of person records that the matcher proposed, with every field's match weight so the score can be explained.
-- The pair is stored once, lower id first; a pair decided NOT_SAME is never proposed again.
create table linkage.match_candidate (
	id            uuid             not null primary key,
	left_person   uuid             not null references person.person (id),
	right_person  uuid             not null references person.person (id),
	weight        double precision not null,
	probability   double precision not null,
	rule          text,
	contributions jsonb            not null,
	status        text             not null default 'PENDING',
	proposed_at   timestamptz      not null,
	proposed_by   text             not null,
	decided_by    text,
	decided_at    timestamptz,
	version       bigint           not null default 0,
	constraint match_candidate_ordered check (left_person < right_person),
	constraint match_candidate_pair unique (left_person, right_person),
	constraint match_candidate_status check (status in ('PENDING', 'LINKED', 'NOT_SAME', 'NEEDS_INFO'))
);
create index match_candidate_open on linkage.match_candidate (probability desc) where status in ('PENDING', 'NEEDS_INFO');
create index match_candidate_by_right on linkage.match_candidate (right_person);

-- A link between two records of the same person. Nothing is moved or deleted: the merged record keeps its rows and
-- its provenance. Undoing a link sets undone_at; the row stays as history.
create table linkage.person_link (
	id           uuid        not null primary key,
	candidate_id uuid        references linkage.match_candidate (id),
	survivor     uuid        not null references person.person (id),
	merged       uuid        not null references person.person (id),
	linked_by    text        not null,
	linked_at    timestamptz not null,
	undone_by    text,
	undone_at    timestamptz
);
create unique index person_link_one_active on linkage.person_link (merged) where undone_at is null;
create index person_link_by_survivor on linkage.person_link (survivor) where undone_at is null;

-- The access policy's view of linked records: each linked record names its group (the survivor, which is in its own
-- group). Maintained by consent.LinkedIdentities when linkage links or unlinks, in the same transaction.
create table consent.identity_link (
	person_id uuid not null primary key,
	group_id  uuid not null
);
create index identity_link_by_group on consent.identity_link (group_id);

-- The records that describe the same person as p_person, itself included.
create function consent.same_person(p_person uuid) returns setof uuid
	language sql stable as $$
	select p_person
	union
	select other.person_id from consent.identity_link mine
	join consent.identity_link other on other.group_id = mine.group_id
	where mine.person_id = p_person
$$;

-- The effective choice is now decided for the person as a whole: each linked record's own effective choice is
-- computed by the V6 rule, and an objection or dissent in any of them wins over consent in another.
alter function consent.effective_choice(uuid, uuid, text) rename to source_effective_choice;

create function consent.effective_choice(p_person uuid, p_viewer_org uuid, p_category text) returns text
	language sql stable as $$
	select kind from (
		select consent.source_effective_choice(sp, p_viewer_org, p_category) as kind
		from consent.same_person(p_person) sp
	) choices
	where kind is not null
	order by case kind when 'OBJECTION' then 0 when 'DISSENT' then 1 else 2 end
	limit 1
$$;
