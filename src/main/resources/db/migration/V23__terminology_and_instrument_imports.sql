-- What partners import at run time: concepts for the common language and assessment instrument definitions. The
-- starter vocabulary and the shipped instruments stay on the classpath; these rows are loaded on top of them.
create schema terminology;

-- One row per imported concept. A later import of the same code replaces the row (last import wins), so the row
-- always says who brought in the words now shown and from which file.
create table terminology.concept (
	code             text        not null primary key,
	system           text        not null,
	kind             text        not null,
	sap_domain       text        not null,
	care_act_outcome text,
	health_term      text        not null,
	social_care_term text        not null,
	plain_english    text        not null,
	synonyms         text[]      not null default '{}',
	snomed           text,
	icf              text,
	revision         bigint      not null,
	imported_by      text        not null,
	imported_at      timestamptz not null,
	source_file      text        not null,
	version          bigint      not null default 0
);
create index terminology_concept_by_revision on terminology.concept (revision);

-- One row, bumped by every import in the import's own transaction. Its row lock puts imports from different nodes
-- one after another, and a node compares it with the revision it loaded to see whether it is behind.
create table terminology.vocabulary_revision (
	singleton boolean not null primary key default true check (singleton),
	revision  bigint  not null
);
insert into terminology.vocabulary_revision (singleton, revision) values (true, 0);

-- Imported instrument definitions, kept as the text that was imported. A published version never changes, so rows
-- are only ever added; seq gives nodes the order to replay them in and tells them what they have not seen yet.
create table assessment.instrument_definition (
	seq           bigint generated always as identity primary key,
	instrument_id text        not null,
	version       integer     not null,
	title         text        not null,
	definition    text        not null,
	source_file   text        not null,
	imported_by   text        not null,
	imported_at   timestamptz not null,
	unique (instrument_id, version)
);
