-- Issue 19 (and 18): a pooled fund's commitments, linked to the funding work. An approved personal budget (or
-- package) is committed to one budget line of a pooled fund for the line's year; the row names the budget only by
-- its id, so the partnership's ledger stays free of personal data, and the budget page names the line back.
-- A new commitment for the same budget ends the current one (history kept).
create table partnership.pool_commitment (
	id            uuid           not null primary key,
	line_id       uuid           not null references partnership.pool_line (id),
	source_kind   text           not null,
	source_id     uuid           not null,
	weekly_amount numeric(14, 2) not null,
	annual_amount numeric(14, 2) not null,
	committed_on  date           not null,
	recorded_by   uuid           not null,
	recorded_at   timestamptz    not null default now(),
	ended_at      timestamptz,
	constraint pool_commitment_kind check (source_kind in ('PERSONAL_BUDGET')),
	constraint pool_commitment_amounts check (weekly_amount >= 0 and annual_amount >= 0)
);
create unique index pool_commitment_current on partnership.pool_commitment (source_id) where ended_at is null;
create index pool_commitment_by_line on partnership.pool_commitment (line_id);
