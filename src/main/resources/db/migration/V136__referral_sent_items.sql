-- The assessment sections and plan items a referrer chose to send, one row each. The
-- receiving team reads exactly these (consent.access_grant names each item); the label is
-- the section's or plan part's title, never the person's information.
create table referral.sent_item (
	referral_id uuid not null references referral.referral (id),
	person_id   uuid not null,
	item_kind   text not null check (item_kind in ('ASSESSMENT_SECTION', 'PLAN_OBJECTIVE', 'PLAN_ACTION')),
	item_id     uuid not null,
	category    text not null,
	label       text not null,
	primary key (referral_id, item_kind, item_id)
);
