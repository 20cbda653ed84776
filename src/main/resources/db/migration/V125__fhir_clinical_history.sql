-- Clinical history partners send (Condition, Observation, Encounter, MedicationRequest,
-- AllergyIntolerance, Procedure, Immunization): read-only for us, so the resource is kept
-- as the partner sent it (references rewritten to our ids) in jsonb, beside the columns
-- the access rules and the searches need (ADR 0027-fhir-clinical-history-as-jsonb).
create table fhir.clinical_resource (
	id                     uuid        primary key,
	resource_type          text        not null,
	person_id              uuid        not null references person.person (id),
	-- For the access rules: what kind of information (shared.DataCategory) and which
	-- organisation holds it here (the importer's).
	category               text        not null,
	source_organisation_id uuid,
	-- Provenance: where it came from, the id it had there, the file it was read from.
	source_system          text        not null,
	source_id              text        not null,
	source_file            text,
	imported_by            text        not null,
	imported_at            timestamptz not null,
	-- Search: "system|code" and the bare code, of the resource's code and category.
	codes                  text[]      not null,
	categories             text[]      not null,
	resource               jsonb       not null,
	unique (source_system, resource_type, source_id)
);
create index clinical_resource_by_person on fhir.clinical_resource (person_id, resource_type, imported_at);
create index clinical_resource_by_code on fhir.clinical_resource using gin (codes);

-- The file a Patient was read from, when it came from one.
alter table fhir.imported_resource add column source_file text;
