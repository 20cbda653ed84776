-- A reassessment marks the old assessment as replaced by the new one before the new row is written (one current
-- assessment per person is a unique index), so the reference is checked at commit, not at once.
alter table funding.financial_assessment drop constraint financial_assessment_replaced_by_fkey;
alter table funding.financial_assessment add constraint financial_assessment_replaced_by_fkey
	foreign key (replaced_by) references funding.financial_assessment (id) deferrable initially deferred;
