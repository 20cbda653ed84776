-- A grant may name one item (an assessment section, a plan objective or action) instead of
-- a whole category, so a referral sends exactly what the referrer chose. A category grant
-- that does not reach itemised information (reaches_items false) still opens the record and
-- its category-level information, but no assessment section or plan item unless that item
-- is granted by name.
alter table consent.access_grant add column item_type text;
alter table consent.access_grant add column item_id uuid;
alter table consent.access_grant add column reaches_items boolean not null default true;
alter table consent.access_grant add constraint access_grant_item_whole
	check ((item_type is null) = (item_id is null));
create index access_grant_by_item on consent.access_grant (item_id) where item_id is not null;
