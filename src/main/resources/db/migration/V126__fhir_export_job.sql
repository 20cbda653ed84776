-- Bulk Data $export jobs: who asked (only they may poll and download), how far it got,
-- what it wrote (NDJSON files under the data folder), and when the files go.
create table fhir.export_job (
	id           uuid        primary key,
	requested_by text        not null,
	status       text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
	requested_at timestamptz not null,
	finished_at  timestamptz,
	expires_at   timestamptz not null,
	-- [{"type": "Condition", "count": 12}, ...]
	output       jsonb       not null default '[]'
);
create index export_job_expiry on fhir.export_job (expires_at);
