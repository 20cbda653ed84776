-- Break glass used by a practitioner without current information-governance training: allowed (it is an emergency),
-- but recorded on the override so the Caldicott guardian sees it when reviewing.
alter table consent.override add column without_training boolean not null default false;
