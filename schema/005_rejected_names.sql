-- Schema version 5: names an analyst rejected as organisations.
--
-- `aikg alias reject NAME` says a discovered name (entities.candidate = 1) is
-- no organisation ("Beats" the verb, a product, a person): its entity, its
-- relations and their evidence go, and later ingests file no relation under
-- the name. Keyed like aliases.alias_key (case, width and spaces folded).
CREATE TABLE rejected_names (
  alias_key   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  rejected_at TEXT NOT NULL
);
