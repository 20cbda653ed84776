-- The Community Care (Delayed Discharges etc.) Act 2003 scheme, in force in England from 5 January 2004
-- (reimbursement; notices from 1 October 2003, reg. 1 of SI 2003/2277) until the Care Act 2014 replaced it on
-- 1 April 2015. Regulation 5: a discharge notice at least one day before the proposed discharge date. The other
-- periods and the daily amounts (regulation 9, with higher-rate authorities in its Schedule) could not be confirmed
-- from the text available here: the assessment period is left at 2 days as under the 2014 scheme, which "largely
-- carried forward the effect of the existing delayed discharge regulations", and no daily rate is seeded; a
-- partnership enters the rates it used as dated data (discharge.daily_rate).
insert into discharge.rule_set (id, name, legal_basis, valid_from, valid_to, local_agreement, statutory_notices,
	assessment_notice_max_days_before_admission, discharge_notice_min_days_before_discharge, assessment_period_days,
	daily_reimbursement, daily_reimbursement_currency, created_by, created_at)
values ('7d7f2a7e-0a11-4c55-9d4e-3c2003000005', 'Community Care (Delayed Discharges etc.) Act 2003 (England)',
	'Community Care (Delayed Discharges etc.) Act 2003 Part 1; Delayed Discharges (England) Regulations 2003 (SI 2003/2277); repealed in England by the Care Act 2014 from 1 April 2015',
	'2003-10-01', '2015-03-31', false, true, null, 1, 2, null, null, 'migration', now());
