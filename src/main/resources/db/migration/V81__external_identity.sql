-- An account's identity at a partner organisation's OpenID Connect provider (docs/sign-in.md, ADR 17). The provider is
-- the key of its entry in configuration (seamless.sso.providers.<provider>), the subject the value of that provider's
-- identifying claim (sub, email, a CIS2 uid). One identity per provider and account; one account per identity.
create table team.external_identity (
	provider   text        not null,
	subject    text        not null,
	account_id uuid        not null references team.account (id),
	created_at timestamptz not null default now(),
	primary key (provider, subject),
	unique (account_id, provider)
);
