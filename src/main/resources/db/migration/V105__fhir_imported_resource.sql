-- Provenance of what partner systems sent over FHIR, and the key that makes importing
-- the same resource again a no-op: one row per (source system, resource type, id there).
create schema if not exists fhir;

create table fhir.imported_resource (
	source_system text        not null,
	resource_type text        not null,
	source_id     text        not null,
	person_id     uuid        not null references person.person (id),
	imported_by   text        not null,
	imported_at   timestamptz not null,
	primary key (source_system, resource_type, source_id)
);
create index imported_resource_by_person on fhir.imported_resource (person_id);
