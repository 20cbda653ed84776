-- Rate rows are corrected by later migrations or an administrator; like every mutable row they carry a version.
alter table funding.income_guarantee add column version bigint not null default 0;
