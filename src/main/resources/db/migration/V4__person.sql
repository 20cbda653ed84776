create schema person;

create table person.person (
	id                  uuid        not null primary key,
	nhs_number          text unique,
	title               text,
	given_name          text        not null,
	family_name         text        not null,
	preferred_name      text,
	how_addressed       text,
	date_of_birth       date        not null,
	sex                 text        not null,
	gender              text,
	address_line_1      text,
	address_line_2      text,
	town                text,
	postcode            text,
	phone               text,
	email               text,
	language            text,
	interpreter_needed  boolean     not null default false,
	communication_needs text,
	restricted          boolean     not null default false,
	version             bigint      not null default 0,
	created_at          timestamptz not null default now(),
	updated_at          timestamptz not null default now(),
	constraint nhs_number_format check (nhs_number is null or nhs_number ~ '^[0-9]{10}$')
);
create index person_by_family_name on person.person (lower(family_name) text_pattern_ops, lower(given_name));
create index person_by_date_of_birth on person.person (date_of_birth);

create table person.identifier (
	person_id uuid not null references person.person (id),
	system    text not null,
	value     text not null,
	primary key (system, value)
);
create index identifier_by_person on person.identifier (person_id);

create table person.related_person (
	id           uuid    not null primary key,
	person_id    uuid    not null references person.person (id),
	relationship text    not null,
	name         text    not null,
	phone        text,
	email        text,
	may_contact  boolean not null default true,
	period_start date,
	period_end   date,
	version      bigint  not null default 0
);
create index related_person_by_person on person.related_person (person_id);
