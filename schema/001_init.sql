-- aikg knowledge graph, schema version 1.
--
-- Applied by the store in one BEGIN IMMEDIATE transaction that also sets
-- PRAGMA user_version (and application_id = 0x41494B47 on a new file), so a
-- failure leaves the file as it was. Migrations are append-only: never edit
-- this file once released; add schema/002_*.sql instead.
--
-- Conventions, for analysts opening the file with sqlite3, Datasette or pandas:
-- every table has a single-column INTEGER PRIMARY KEY `id` (or a TEXT `name`
-- for the lookup tables), foreign keys are declared (check them with
-- PRAGMA foreign_key_check), dates are ISO 8601 text (YYYY-MM-DD) or NULL
-- when unknown, character offsets count code points (as Python's str and
-- SQL substr() do), and the v_* views resolve ids to names.
-- No STRICT tables: SQLite older than 3.37, still embedded by some analysts'
-- tools, could not read the file at all.

-- Lookup tables. Their rows are not written here: aikg fills them from the
-- taxonomy compiled into the binary (include/aikg/taxonomy.hpp) each time it
-- opens the file for writing, so the taxonomy is defined in exactly one place.

-- The kinds of relation between two entities (mou, investment, ...).
-- directed = 1 when source -> target carries meaning (investor -> investee).
CREATE TABLE relation_types (
  name        TEXT PRIMARY KEY,
  directed    INTEGER NOT NULL,
  description TEXT NOT NULL
);

-- How far along a relation is. rank 0 is the most definite status; the rank
-- breaks ties when several pieces of evidence share the latest date.
CREATE TABLE statuses (
  name        TEXT PRIMARY KEY,
  rank        INTEGER NOT NULL,
  description TEXT NOT NULL
);

-- What an entity is: company, group, government, project, person, media, other.
CREATE TABLE entity_kinds (
  name TEXT PRIMARY KEY
);

-- One row per ingested article. doc_id is the caller's id (file stem or the
-- JSON Lines `id`); content_hash (of the normalised text) detects re-ingests
-- and the same article published under another id. `date` is the document
-- date, which evidence falls back to when a sentence has no date of its own.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL UNIQUE,
  title        TEXT,
  published    TEXT,
  url          TEXT,
  source       TEXT,
  origin       TEXT,
  date         TEXT,
  content_hash TEXT NOT NULL,
  char_count   INTEGER,
  ingested_at  TEXT
);
CREATE INDEX documents_content_hash ON documents(content_hash);

-- Organisations, projects and people, under their canonical name (the
-- gazetteer's, or the surface form for candidates the gazetteer does not
-- know). parent_id points at the business group of an affiliate or at the
-- organisation a person leads.
CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL REFERENCES entity_kinds(name),
  parent_id INTEGER REFERENCES entities(id),
  candidate INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_parent_id ON entities(parent_id);

-- The names an entity is written under (Korean and English spellings, the
-- canonical name itself). alias_key is the alias lower-cased, NFC, without
-- spaces: one key identifies exactly one entity, so lookups are unambiguous.
CREATE TABLE aliases (
  id        INTEGER PRIMARY KEY,
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias     TEXT NOT NULL,
  alias_key TEXT NOT NULL UNIQUE
);
CREATE INDEX aliases_entity_id ON aliases(entity_id);

-- The knowledge graph's edges, one per (type, source, target) across all
-- documents. For undirected types source is the entity with the smaller name.
-- The other columns summarise the relation's evidence: status of the latest
-- evidence (the most definite one on equal dates), first and last evidence
-- date, highest confidence, number of evidence rows. aikg keeps them in step
-- with the evidence table.
CREATE TABLE relations (
  id             INTEGER PRIMARY KEY,
  type           TEXT NOT NULL REFERENCES relation_types(name),
  source_id      INTEGER NOT NULL REFERENCES entities(id),
  target_id      INTEGER NOT NULL REFERENCES entities(id),
  status         TEXT NOT NULL REFERENCES statuses(name),
  first_seen     TEXT,
  last_seen      TEXT,
  confidence     REAL,
  evidence_count INTEGER NOT NULL DEFAULT 0,
  UNIQUE (type, source_id, target_id)
);
CREATE INDEX relations_source_id ON relations(source_id);
CREATE INDEX relations_target_id ON relations(target_id);

-- Why a relation is believed: one sentence of one document per row.
-- mention_key is the extractor's stable mention id, so ingesting the same
-- output twice adds nothing. begin_char/end_char are code-point offsets of the
-- sentence in the document text; cue is the trigger word that fired.
CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mention_key TEXT NOT NULL UNIQUE,
  sentence    TEXT NOT NULL,
  begin_char  INTEGER,
  end_char    INTEGER,
  status      TEXT NOT NULL REFERENCES statuses(name),
  date        TEXT,
  confidence  REAL,
  cue         TEXT
);
CREATE INDEX evidence_relation_id ON evidence(relation_id);
CREATE INDEX evidence_document_id ON evidence(document_id);

-- Relations with entity names resolved: the table to start from.
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
       rt.directed
  FROM relations r
  JOIN entities s ON s.id = r.source_id
  JOIN entities t ON t.id = r.target_id
  JOIN relation_types rt ON rt.name = r.type;

-- Every piece of evidence with its relation and document spelled out: what
-- to read when checking why aikg believes something.
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
       e.sentence
  FROM evidence e
  JOIN relations r ON r.id = e.relation_id
  JOIN entities s ON s.id = r.source_id
  JOIN entities t ON t.id = r.target_id
  JOIN documents d ON d.id = e.document_id;
