-- The choice functions run for every row a list query checks. As SQL-language functions that cannot be inlined they
-- were planned again on every call (about 0.5 ms each, measured); PL/pgSQL caches the plans for the session.
-- Same rules as V6 and V20, unchanged.
create or replace function consent.source_effective_choice(p_person uuid, p_viewer_org uuid, p_category text)
	returns text language plpgsql stable as $$
declare
	result text;
begin
	select ch.kind into result from consent.choice ch
	where ch.person_id = p_person
	  and ch.withdrawn_at is null
	  and ch.effective_from <= current_date
	  and (ch.expires_on is null or ch.expires_on > current_date)
	  and (ch.organisation_id is null or ch.organisation_id = p_viewer_org)
	  and (ch.category is null or ch.category = p_category)
	order by ch.effective_from desc, case when ch.kind = 'CONSENT' then 1 else 0 end, ch.recorded_at desc
	limit 1;
	return result;
end $$;

create or replace function consent.effective_choice(p_person uuid, p_viewer_org uuid, p_category text)
	returns text language plpgsql stable as $$
declare
	result text;
begin
	-- Most people are not linked to another record: answer from their own choices without the set walk.
	if not exists (select 1 from consent.identity_link where person_id = p_person) then
		return consent.source_effective_choice(p_person, p_viewer_org, p_category);
	end if;
	select kind into result from (
		select consent.source_effective_choice(sp, p_viewer_org, p_category) as kind
		from consent.same_person(p_person) sp
	) choices
	where kind is not null
	order by case kind when 'OBJECTION' then 0 when 'DISSENT' then 1 else 2 end
	limit 1;
	return result;
end $$;
