-- A link may carry a care-team relationship from one record of a person to another only as far as the organisation
-- holding the other record shares with the viewer's (issue 10, hole 2). The access rules therefore need to know which
-- organisation holds each linked record, without reading the person module's tables: consent.LinkedIdentities records
-- it when linkage joins a record to a group. Null means a record that belongs to the whole partnership.
alter table consent.identity_link add column holder_organisation_id uuid;

update consent.identity_link l set holder_organisation_id = p.source_organisation_id
from person.person p where p.id = l.person_id;
