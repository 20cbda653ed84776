-- A read that was fast with the demo's 240 people and scanned a whole table at a million (found by `bench
-- assessment` on a generated 1M population, docs/benchmarks.md "Session 10, quiet machine"). "if not exists": the
-- index was first made by hand on that population to measure it.

-- An episode's current answers are read by episode (the findings, the summary's counts, what a reader may not
-- see): 45 s a request over 13.7M answers without it.
create index if not exists answer_by_episode on assessment.answer (episode_id) where current;
