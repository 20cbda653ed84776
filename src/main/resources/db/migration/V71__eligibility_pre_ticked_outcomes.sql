-- An eligibility decision opened from an assessment starts with the outcomes its findings
-- bear on already ticked (issue 11). What was pre-ticked, from which finding, and whether
-- the practitioner kept it is recorded with the decision, so the decision shows what the
-- practitioner confirmed rather than what the system suggested.
create table eligibility.pre_ticked_outcome (
	determination_id uuid        not null references eligibility.determination (id),
	person_id        uuid        not null,
	outcome          text        not null,
	finding          text        not null,
	kept             boolean     not null,
	primary key (determination_id, outcome)
);
