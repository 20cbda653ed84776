-- Each CSV file an organisation has imported, known by the SHA-256 digest of its bytes. A row without an NHS number
-- cannot be recognised as someone the same file registered before, so the same file imported twice registers
-- everyone in it again and fills the review queue with possible duplicates; the import page now asks first. One row
-- per import (the latest is shown); no personal data: the digest, when, which account, and how many people.
create table linkage.imported_file (
	id uuid primary key,
	organisation_id uuid not null,
	digest bytea not null,
	imported_at timestamptz not null,
	imported_by text not null,
	people integer not null
);

create index imported_file_by_digest on linkage.imported_file (organisation_id, digest, imported_at desc);
