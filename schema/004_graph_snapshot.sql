-- aikg knowledge graph, schema version 4: the graph snapshot (issue 19).
--
-- A command that needs the whole graph used to read every relation row,
-- every entity and alias, and sort the rows by name before it could start.
-- The snapshot is that work done once: the relation summaries in listing
-- order and the entities in name order, as packed little-endian columns
-- (docs/schema.md: the layout). It is a cache, never the truth: aikg rebuilds
-- it from the tables whenever it is missing or stale, and `aikg check`
-- compares it with them.
--
-- Staleness is decided by a generation counter that every write of what the
-- snapshot summarises moves on, whoever writes (ingest, curation, the sqlite3
-- shell), because triggers move it: a reader compares the counter with the
-- snapshot's in one read transaction, so it never uses a stale snapshot, even
-- while another process writes.

CREATE TABLE graph_generation (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO graph_generation(id, value) VALUES (1, 1);

-- One row per column of the snapshot; every row carries the generation it
-- was built from (they are written together, in one transaction).
CREATE TABLE graph_snapshot (
  part       TEXT PRIMARY KEY,
  generation INTEGER NOT NULL,
  data       BLOB NOT NULL
);

CREATE TRIGGER graph_generation_relation_insert AFTER INSERT ON relations BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_relation_update AFTER UPDATE ON relations BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_relation_delete AFTER DELETE ON relations BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_entity_insert AFTER INSERT ON entities BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_entity_update AFTER UPDATE ON entities BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_entity_delete AFTER DELETE ON entities BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_retraction_insert AFTER INSERT ON retractions BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_retraction_update AFTER UPDATE ON retractions BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
CREATE TRIGGER graph_generation_retraction_delete AFTER DELETE ON retractions BEGIN
  UPDATE graph_generation SET value = value + 1;
END;
