-- Schema version 3: evidence is indexed for search once per transaction
-- instead of once per row.
--
-- FTS5 writes its buffered terms out as a new index segment at every
-- savepoint, and ingest takes a savepoint per document, so indexing row by
-- row left thousands of tiny segments to merge: most of a bulk ingest's time.
-- New evidence now only queues its id in evidence_fts_pending; aikg indexes
-- the queue in one statement just before each commit, so a committed aikg
-- file has an empty queue and a complete index.
--
-- Rows inserted into evidence by hand (sqlite3, pandas) wait in the queue
-- until aikg next opens the file for writing; to index them at once:
--   INSERT INTO evidence_fts(rowid, sentence)
--     SELECT e.id, e.sentence FROM evidence_fts_pending p JOIN evidence e ON e.id = p.id;
--   DELETE FROM evidence_fts_pending;
CREATE TABLE evidence_fts_pending (
  id INTEGER PRIMARY KEY  -- evidence.id, not yet in evidence_fts
);

DROP TRIGGER evidence_fts_insert;
DROP TRIGGER evidence_fts_delete;
DROP TRIGGER evidence_fts_update;

CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts_pending(id) VALUES (new.id);
END;
-- A queued row is not in the index yet: it leaves the queue. Deleting a
-- row FTS5 never indexed would damage an external-content index.
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence)
    SELECT 'delete', old.id, old.sentence
     WHERE NOT EXISTS (SELECT 1 FROM evidence_fts_pending WHERE id = old.id);
  DELETE FROM evidence_fts_pending WHERE id = old.id;
END;
-- A queued row is indexed later with whatever sentence it has by then.
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF sentence ON evidence
  WHEN NOT EXISTS (SELECT 1 FROM evidence_fts_pending WHERE id = old.id) BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
  INSERT INTO evidence_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
