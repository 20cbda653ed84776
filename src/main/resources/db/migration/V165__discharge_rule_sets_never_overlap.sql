-- Two rule sets of the same kind (national, or the partnership's local agreement) may not
-- cover the same day: otherwise which rules an admission takes would depend on a tie-break
-- nobody chose. RuleSets names the overlap on the form; this constraint holds it when two
-- administrators save at once. btree_gist lets the gist index compare the kind with "=".
create extension if not exists btree_gist;

-- Rule sets added before this check may overlap. Until now the one that started last won on
-- the shared days, so the earlier one is ended the day before the later one starts: the
-- same rules apply on every day up to the later one's end. Two of a kind that start on the
-- same day cannot be separated this way: the migration then stops, naming both, for an
-- administrator to end one.
do $$
declare
	later record;
	earlier record;
begin
	for later in select id, name, valid_from, valid_to, local_agreement from discharge.rule_set
		order by valid_from desc, name loop
		for earlier in select id, name, valid_from, valid_to from discharge.rule_set e
			where e.local_agreement = later.local_agreement and e.id <> later.id
			  and e.valid_from <= later.valid_from
			  and daterange(e.valid_from, e.valid_to, '[]') && daterange(later.valid_from, later.valid_to, '[]') loop
			if earlier.valid_from = later.valid_from then
				raise exception 'Discharge rule sets "%" and "%" start on the same day; end one of them before upgrading',
					earlier.name, later.name;
			end if;
			update discharge.rule_set set valid_to = later.valid_from - 1, version = version + 1
				where id = earlier.id;
		end loop;
	end loop;
end $$;

alter table discharge.rule_set add constraint rule_set_no_overlap
	exclude using gist (local_agreement with =, daterange(valid_from, valid_to, '[]') with &&);
