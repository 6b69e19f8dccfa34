-- aikg knowledge graph, schema version 2: full-text search over evidence,
-- analysts' curation that re-ingest never undoes, and summary views.
--
-- Applied in one transaction with PRAGMA user_version = 2 (see 001_init.sql).
-- Append-only once released.

-- Curated evidence belongs to no document: an analyst's note is the source.
-- SQLite cannot drop NOT NULL from a column, so evidence is rebuilt (the
-- documented 12-step procedure; nothing references evidence, so the foreign
-- keys stay on). The views read evidence and are recreated below.
DROP VIEW v_evidence;
DROP VIEW v_relations;

-- Why a relation is believed: one sentence of one document per row, or one
-- analyst's note (curated = 1, document_id and mention_key NULL).
-- mention_key is the extractor's stable mention id, so ingesting the same
-- output twice adds nothing. begin_char/end_char are code-point offsets of the
-- sentence in the document text; cue is the trigger word that fired.
-- note and curated_at (UTC, ISO 8601) record who-said-so for curated rows.
CREATE TABLE evidence_v2 (
  id          INTEGER PRIMARY KEY,
  relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  mention_key TEXT UNIQUE,
  sentence    TEXT NOT NULL,
  begin_char  INTEGER,
  end_char    INTEGER,
  status      TEXT NOT NULL REFERENCES statuses(name),
  date        TEXT,
  confidence  REAL,
  cue         TEXT,
  curated     INTEGER NOT NULL DEFAULT 0,
  note        TEXT,
  curated_at  TEXT
);
INSERT INTO evidence_v2(id, relation_id, document_id, mention_key, sentence, begin_char, end_char, status, date,
                        confidence, cue)
SELECT id, relation_id, document_id, mention_key, sentence, begin_char, end_char, status, date, confidence, cue
  FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_v2 RENAME TO evidence;
CREATE INDEX evidence_relation_id ON evidence(relation_id);
CREATE INDEX evidence_document_id ON evidence(document_id);

-- Aliases an analyst added (aikg alias add) rather than the gazetteer.
ALTER TABLE aliases ADD COLUMN curated INTEGER NOT NULL DEFAULT 0;

-- Full-text search over evidence sentences. The trigram tokenizer matches
-- any substring of 3 or more characters, which is what Korean needs
-- (삼성전자는 is one unicode61 token); aikg search falls back to LIKE for
-- shorter queries such as 삼성. External content: the text lives only in
-- evidence, the triggers below keep the index in step, and
-- INSERT INTO evidence_fts(evidence_fts) VALUES('rebuild') repairs it.
-- Named <table>_fts so that Datasette and sqlite-utils find it.
CREATE VIRTUAL TABLE evidence_fts USING fts5(
  sentence, content='evidence', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF sentence ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
  INSERT INTO evidence_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');

-- Relations an analyst retracted (aikg relation retract). Keyed by the
-- relation's (type, source, target) rather than its id, so the retraction
-- still holds when ingest drops the relation and finds it again later.
CREATE TABLE retractions (
  id           INTEGER PRIMARY KEY,
  type         TEXT NOT NULL REFERENCES relation_types(name),
  source_id    INTEGER NOT NULL REFERENCES entities(id),
  target_id    INTEGER NOT NULL REFERENCES entities(id),
  note         TEXT NOT NULL,
  retracted_at TEXT NOT NULL,
  UNIQUE (type, source_id, target_id)
);

-- Entities an analyst merged (aikg merge KEEP DROP): the dropped entity's
-- name, its alias_key (as in aliases), and the entity it now is. Ingest looks
-- names up here first, so a later article naming the dropped entity lands on
-- the kept one.
CREATE TABLE merges (
  id         INTEGER PRIMARY KEY,
  drop_name  TEXT NOT NULL,
  drop_key   TEXT NOT NULL UNIQUE,
  keep_id    INTEGER NOT NULL REFERENCES entities(id),
  merged_at  TEXT NOT NULL
);
CREATE INDEX merges_keep_id ON merges(keep_id);

-- Relations with entity names resolved: the table to start from.
-- curated: evidence rows from analysts; retracted = 1 when an analyst
-- retracted the relation (aikg hides it unless asked).
CREATE VIEW v_relations AS
SELECT r.id,
       r.type,
       s.name AS source,
       t.name AS target,
       r.status,
       r.first_seen,
       r.last_seen,
       r.evidence_count,
       r.confidence,
       rt.directed,
       (SELECT count(*) FROM evidence e WHERE e.relation_id = r.id AND e.curated = 1) AS curated,
       x.id IS NOT NULL AS retracted,
       x.note AS retraction_note
  FROM relations r
  JOIN entities s ON s.id = r.source_id
  JOIN entities t ON t.id = r.target_id
  JOIN relation_types rt ON rt.name = r.type
  LEFT JOIN retractions x ON x.type = r.type AND x.source_id = r.source_id AND x.target_id = r.target_id;

-- Every piece of evidence with its relation and document spelled out: what
-- to read when checking why aikg believes something. Curated rows have no
-- document; their sentence is the analyst's note.
CREATE VIEW v_evidence AS
SELECT e.id,
       e.relation_id,
       r.type,
       s.name AS source,
       t.name AS target,
       e.status,
       e.date,
       e.confidence,
       d.doc_id,
       d.title,
       d.url,
       e.sentence,
       e.curated,
       e.note,
       e.curated_at
  FROM evidence e
  JOIN relations r ON r.id = e.relation_id
  JOIN entities s ON s.id = r.source_id
  JOIN entities t ON t.id = r.target_id
  LEFT JOIN documents d ON d.id = e.document_id;

-- One row per entity: how connected it is and its latest deal, counting
-- relations that are not retracted. degree = distinct partners.
CREATE VIEW v_entity_summary AS
WITH live AS (
  SELECT r.* FROM relations r
   WHERE NOT EXISTS (SELECT 1 FROM retractions x
                      WHERE x.type = r.type AND x.source_id = r.source_id AND x.target_id = r.target_id)
), ends AS (
  SELECT id, type, status, last_seen, evidence_count, source_id AS entity_id, target_id AS partner_id FROM live
  UNION ALL
  SELECT id, type, status, last_seen, evidence_count, target_id, source_id FROM live
), latest AS (
  SELECT entity_id, type, status, last_seen, partner_id,
         row_number() OVER (PARTITION BY entity_id ORDER BY coalesce(last_seen, '') DESC, id DESC) AS n
    FROM ends
)
SELECT e.id,
       e.name,
       e.kind,
       p.name AS parent,
       (SELECT count(DISTINCT partner_id) FROM ends WHERE ends.entity_id = e.id) AS degree,
       (SELECT count(*) FROM ends WHERE ends.entity_id = e.id) AS relation_count,
       (SELECT coalesce(sum(evidence_count), 0) FROM ends WHERE ends.entity_id = e.id) AS evidence_count,
       l.last_seen AS latest_deal_date,
       l.type AS latest_deal_type,
       l.status AS latest_deal_status,
       lp.name AS latest_deal_partner
  FROM entities e
  LEFT JOIN entities p ON p.id = e.parent_id
  LEFT JOIN latest l ON l.entity_id = e.id AND l.n = 1
  LEFT JOIN entities lp ON lp.id = l.partner_id;

-- Everything analysts changed by hand, newest first.
CREATE VIEW v_curation AS
SELECT 'relation added' AS action, e.curated_at AS at, r.type, s.name AS source, t.name AS target, e.note
  FROM evidence e
  JOIN relations r ON r.id = e.relation_id
  JOIN entities s ON s.id = r.source_id
  JOIN entities t ON t.id = r.target_id
 WHERE e.curated = 1
UNION ALL
SELECT 'relation retracted', x.retracted_at, x.type, s.name, t.name, x.note
  FROM retractions x
  JOIN entities s ON s.id = x.source_id
  JOIN entities t ON t.id = x.target_id
UNION ALL
SELECT 'merged', m.merged_at, NULL, k.name, m.drop_name, NULL
  FROM merges m JOIN entities k ON k.id = m.keep_id
UNION ALL
SELECT 'alias added', NULL, NULL, en.name, a.alias, NULL
  FROM aliases a JOIN entities en ON en.id = a.entity_id
 WHERE a.curated = 1
ORDER BY at DESC;
