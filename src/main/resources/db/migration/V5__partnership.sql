create schema partnership;

-- Information-sharing agreements are data that drives access: nothing crosses between two organisations unless an
-- active agreement names both, the purpose and the data category.
create table partnership.sharing_agreement (
	id            uuid        not null primary key,
	title         text        not null,
	lawful_basis  text        not null,
	start_date    date        not null,
	review_date   date        not null,
	status        text        not null,
	version       bigint      not null default 0,
	created_at    timestamptz not null default now(),
	constraint agreement_status check (status in ('DRAFT', 'ACTIVE', 'SUSPENDED', 'ENDED'))
);

create table partnership.agreement_party (
	agreement_id    uuid not null references partnership.sharing_agreement (id),
	organisation_id uuid not null references team.organisation (id),
	primary key (agreement_id, organisation_id)
);
create index agreement_party_by_organisation on partnership.agreement_party (organisation_id, agreement_id);

create table partnership.agreement_purpose (
	agreement_id uuid not null references partnership.sharing_agreement (id),
	purpose      text not null,
	primary key (agreement_id, purpose)
);

create table partnership.agreement_category (
	agreement_id uuid not null references partnership.sharing_agreement (id),
	category     text not null,
	primary key (agreement_id, category)
);
