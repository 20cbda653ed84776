-- The working-day calendar that response clocks run on: bank holidays per region (data,
-- so a partnership adds next year's or a local closure day without a release). Working
-- hours and the region in use are configuration (seamless.calendar.*).
create schema referral;

create table referral.bank_holiday (
	region text not null,
	day    date not null,
	name   text not null,
	primary key (region, day)
);

-- England and Wales, 2025 to 2027 (gov.uk/bank-holidays), with substitute days where a
-- holiday falls at a weekend.
insert into referral.bank_holiday (region, day, name) values
	('england-and-wales', date '2025-01-01', 'New Year''s Day'),
	('england-and-wales', date '2025-04-18', 'Good Friday'),
	('england-and-wales', date '2025-04-21', 'Easter Monday'),
	('england-and-wales', date '2025-05-05', 'Early May bank holiday'),
	('england-and-wales', date '2025-05-26', 'Spring bank holiday'),
	('england-and-wales', date '2025-08-25', 'Summer bank holiday'),
	('england-and-wales', date '2025-12-25', 'Christmas Day'),
	('england-and-wales', date '2025-12-26', 'Boxing Day'),
	('england-and-wales', date '2026-01-01', 'New Year''s Day'),
	('england-and-wales', date '2026-04-03', 'Good Friday'),
	('england-and-wales', date '2026-04-06', 'Easter Monday'),
	('england-and-wales', date '2026-05-04', 'Early May bank holiday'),
	('england-and-wales', date '2026-05-25', 'Spring bank holiday'),
	('england-and-wales', date '2026-08-31', 'Summer bank holiday'),
	('england-and-wales', date '2026-12-25', 'Christmas Day'),
	('england-and-wales', date '2026-12-28', 'Boxing Day (substitute day)'),
	('england-and-wales', date '2027-01-01', 'New Year''s Day'),
	('england-and-wales', date '2027-03-26', 'Good Friday'),
	('england-and-wales', date '2027-03-29', 'Easter Monday'),
	('england-and-wales', date '2027-05-03', 'Early May bank holiday'),
	('england-and-wales', date '2027-05-31', 'Spring bank holiday'),
	('england-and-wales', date '2027-08-30', 'Summer bank holiday'),
	('england-and-wales', date '2027-12-27', 'Christmas Day (substitute day)'),
	('england-and-wales', date '2027-12-28', 'Boxing Day (substitute day)');
