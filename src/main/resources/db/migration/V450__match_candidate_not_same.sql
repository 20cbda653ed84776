-- Every candidate query leaves out the pairs a reviewer has said are not the same person (ADR 86). With no index
-- on those pairs the check read the whole of linkage.match_candidate once a query: on a copy of the 1M population
-- with 3,031 pending pairs, 439 of the 667 buffers and 4 of the 5 ms of a FHIR create's candidate query, growing with
-- every possible match ever proposed. The not-the-same pairs are few, so the index is small; pairs are stored in
-- order (match_candidate_ordered), so one probe by (left, right) finds a pair either way round.
create index match_candidate_not_same on linkage.match_candidate (left_person, right_person)
	where status = 'NOT_SAME';
