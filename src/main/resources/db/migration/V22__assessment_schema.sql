-- The assessment module's schema. Instruments shipped on the classpath are read at start-up;
-- definitions imported since are kept here so they survive a restart.
create schema assessment;
