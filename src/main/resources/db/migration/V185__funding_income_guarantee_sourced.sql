-- Issue 18: the Minimum Income Guarantee for 2025/26 as published, replacing the amounts V110 derived by hand.
-- Sources (docs/funding.md, "Rates and where they come from"): the amounts DHSC published in "Social care -
-- charging for care and support: local authority circular 2025 to 2026" (LAC(DHSC)(2025)1) and set in the
-- Care and Support (Charging and Assessment of Resources) (Amendment) Regulations 2025, in force 6 April 2025.
-- Where the circular's own figure could not be read offline the row stays marked for checking, with how it was
-- derived. V110 is not edited: rows are corrected here.
update funding.income_guarantee set weekly_amount = 89.15,
	note = 'LAC(DHSC)(2025)1 Annex; reg 7(2)(a) as amended in 2025'
	where year_label = '2025/26' and code = 'SINGLE_18_24';
update funding.income_guarantee set weekly_amount = 112.50,
	note = 'LAC(DHSC)(2025)1 Annex; reg 7(2)(b) as amended in 2025'
	where year_label = '2025/26' and code = 'SINGLE_25_TO_PENSION_AGE';
update funding.income_guarantee set weekly_amount = 112.50,
	note = 'Reg 7(3): the same amount as a single person aged 25 or over (both GBP 103.65 in SI 2023/277); check against LAC(DHSC)(2025)1 Annex'
	where year_label = '2025/26' and code = 'LONE_PARENT_18_PLUS';
update funding.income_guarantee set weekly_amount = 49.65,
	note = 'LAC(DHSC)(2025)1 Annex (disability premium)'
	where year_label = '2025/26' and code = 'DISABILITY_PREMIUM';
update funding.income_guarantee set weekly_amount = 24.25,
	note = 'LAC(DHSC)(2025)1 Annex (enhanced disability premium)'
	where year_label = '2025/26' and code = 'ENHANCED_DISABILITY_PREMIUM';
update funding.income_guarantee set weekly_amount = 232.60,
	note = 'Derived: reg 7(2)(c) GBP 214.35 in SI 2023/277, uprated by CPI 6.7% (2024) and 1.7% (2025) to the nearest 5p; check against LAC(DHSC)(2025)1 Annex'
	where year_label = '2025/26' and code = 'PENSION_AGE_SINGLE';
update funding.income_guarantee set weekly_amount = 102.95,
	note = 'Derived: reg 7(1)(b) GBP 94.90 in SI 2023/277, GBP 101.25 in 2024/25, uprated by CPI 1.7% to the nearest 5p; check against LAC(DHSC)(2025)1 Annex'
	where year_label = '2025/26' and code = 'DEPENDENT_CHILD';
update funding.income_guarantee set weekly_amount = 53.25,
	note = 'Derived: GBP 52.35 in 2024/25 uprated by CPI 1.7% to the nearest 5p; check against LAC(DHSC)(2025)1 Annex'
	where year_label = '2025/26' and code = 'CARER_PREMIUM';
update funding.income_guarantee
	set note = 'Not found offline: V110''s derived amount; check against LAC(DHSC)(2025)1 Annex'
	where year_label = '2025/26' and code in ('COUPLE_EACH_18_PLUS', 'PENSION_AGE_COUPLE_EACH');

-- 2026/27: the 2026/27 circular could not be read offline, so the year stays carried forward, now from the
-- corrected 2025/26 amounts.
update funding.income_guarantee g
	set weekly_amount = c.weekly_amount,
		note = 'CARRIED FORWARD from 2025/26: the 2026/27 circular (LAC(DHSC)(2026)1) could not be read here'
	from funding.income_guarantee c
	where g.year_label = '2026/27' and c.year_label = '2025/26' and c.code = g.code;
