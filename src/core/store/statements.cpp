// The SQL of the store: every statement it runs more than once, in one table,
// each prepared on first use and kept for the Store's lifetime. The only SQL
// elsewhere is run once per call (opening, migrations, check, search).
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::Sql;
using detail::Statement;

// The SQL of every statement in enum Sql, in the enum's order. All values
// are bound parameters (?N); no text is ever formatted into SQL.
struct SqlText {
  Sql id;
  std::string_view what;  // for error messages: "<what>: <sqlite message>"
  std::string_view sql;
};

constexpr std::array<SqlText, static_cast<std::size_t>(Sql::count_)> kSql{{
    {Sql::data_version, "checking for other writers", "PRAGMA data_version"},
    {Sql::find_document, "looking up a document", "SELECT id, content_hash FROM documents WHERE doc_id = ?1"},
    {Sql::find_same_content, "looking up a document by content",
     "SELECT doc_id FROM documents WHERE content_hash = ?1 AND doc_id <> ?2 LIMIT 1"},
    {Sql::relations_of_document, "finding the relations of a document",
     "SELECT DISTINCT relation_id FROM evidence WHERE document_id = ?1"},
    {Sql::delete_document_evidence, "deleting a document's old evidence",
     "DELETE FROM evidence WHERE document_id = ?1"},
    {Sql::upsert_document, "storing a document",
     "INSERT INTO documents(doc_id, title, published, url, source, origin, date, content_hash, char_count, "
     "ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
     "ON CONFLICT(doc_id) DO UPDATE SET title = excluded.title, published = excluded.published, "
     "url = excluded.url, source = excluded.source, origin = excluded.origin, date = excluded.date, "
     "content_hash = excluded.content_hash, char_count = excluded.char_count, ingested_at = excluded.ingested_at "
     "RETURNING id"},
    // A name not stored yet: a plain insert, whose id last_insert_rowid()
    // gives (RETURNING costs SQLite a temporary table per statement).
    {Sql::insert_entity, "storing an entity",
     "INSERT INTO entities(name, kind, parent_id, candidate) VALUES (?1, ?2, ?3, ?4) ON CONFLICT(name) DO NOTHING"},
    // A reference backed by the gazetteer (candidate = 0) is authoritative for
    // the kind and clears the candidate flag; a candidate never overrides it.
    {Sql::upsert_entity, "storing an entity",
     "INSERT INTO entities(name, kind, parent_id, candidate) VALUES (?1, ?2, ?3, ?4) "
     "ON CONFLICT(name) DO UPDATE SET "
     "kind = CASE WHEN excluded.candidate = 0 THEN excluded.kind ELSE entities.kind END, "
     "parent_id = coalesce(excluded.parent_id, entities.parent_id), "
     "candidate = min(entities.candidate, excluded.candidate) "
     "RETURNING id"},
    // The first entity to claim an alias key keeps it: one key, one entity.
    {Sql::insert_alias, "storing an alias",
     "INSERT INTO aliases(entity_id, alias, alias_key) VALUES (?1, ?2, ?3) ON CONFLICT(alias_key) DO NOTHING"},
    {Sql::find_relation, "looking up a relation",
     "SELECT id FROM relations WHERE type = ?1 AND source_id = ?2 AND target_id = ?3"},
    // A new relation starts out summarising its first evidence (status ?4,
    // date ?5, confidence ?6), which saves updating the row right after.
    {Sql::insert_relation, "storing a relation",
     "INSERT INTO relations(type, source_id, target_id, status, first_seen, last_seen, confidence, evidence_count) "
     "VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, 1) ON CONFLICT(type, source_id, target_id) DO NOTHING"},
    {Sql::delete_relation, "deleting a relation", "DELETE FROM relations WHERE id = ?1"},
    // A mention stored before (same extractor output ingested again) is skipped.
    {Sql::insert_evidence, "storing evidence",
     "INSERT INTO evidence(relation_id, document_id, mention_key, sentence, begin_char, end_char, status, date, "
     "confidence, cue) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(mention_key) DO NOTHING"},
    // What the triggers of schema/003 and 004 do, done by put_documents itself
    // while the triggers are off for its connection (store/ingest.cpp). Its
    // new evidence is not queued row by row: every row it inserted has an id
    // from ?1 up (SQLite gives an INTEGER PRIMARY KEY the largest id plus
    // one), so one statement before the commit indexes them all; an older row
    // in that range is already indexed, which the docsize check sees.
    {Sql::index_new_evidence, "indexing new evidence for search",
     "INSERT INTO evidence_fts(rowid, sentence) SELECT e.id, e.sentence FROM evidence e "
     "WHERE e.id >= ?1 AND NOT EXISTS (SELECT 1 FROM evidence_fts_docsize d WHERE d.id = e.id)"},
    // Only a row the index holds may leave it (deleting one FTS5 never
    // indexed damages an external-content index): the index's docsize table
    // lists exactly those, whether they were queued or inserted by put_documents.
    {Sql::unindex_document_evidence, "deleting a document's old evidence from search",
     "INSERT INTO evidence_fts(evidence_fts, rowid, sentence) SELECT 'delete', e.id, e.sentence FROM evidence e "
     "WHERE e.document_id = ?1 AND EXISTS (SELECT 1 FROM evidence_fts_docsize d WHERE d.id = e.id)"},
    {Sql::unqueue_document_evidence, "deleting a document's old evidence from search",
     "DELETE FROM evidence_fts_pending WHERE id IN (SELECT id FROM evidence WHERE document_id = ?1)"},
    {Sql::move_generation, "moving the graph generation", "UPDATE graph_generation SET value = value + 1"},
    {Sql::drop_unsupported_relation, "deleting a relation without evidence",
     "DELETE FROM relations WHERE id = ?1 AND evidence_count = 0 RETURNING type, source_id, target_id"},
    {Sql::entity_rows, "listing entities",
     "SELECT e.id, e.name, e.kind, p.name, e.candidate FROM entities e "
     "LEFT JOIN entities p ON p.id = e.parent_id ORDER BY e.name"},
    {Sql::entity_row, "reading an entity",
     "SELECT e.id, e.name, e.kind, p.name, e.candidate FROM entities e "
     "LEFT JOIN entities p ON p.id = e.parent_id WHERE e.id = ?1"},
    {Sql::all_aliases, "listing aliases", "SELECT entity_id, alias FROM aliases"},
    {Sql::aliases_of, "listing an entity's aliases", "SELECT alias FROM aliases WHERE entity_id = ?1"},
    {Sql::alias_owner, "resolving an alias", "SELECT entity_id FROM aliases WHERE alias_key = ?1"},
    {Sql::entity_named, "resolving a name", "SELECT id FROM entities WHERE name = ?1"},
    {Sql::entity_names, "listing entity names", "SELECT id, name FROM entities ORDER BY id"},
    {Sql::entity_name, "reading an entity's name", "SELECT name FROM entities WHERE id = ?1"},
    {Sql::names_and_alias_keys, "listing names for suggestions",
     "SELECT a.alias_key, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id "
     "UNION ALL SELECT NULL, name FROM entities"},
    {Sql::evidence_of, "reading evidence",
     "SELECT e.id, d.doc_id, e.sentence, e.status, e.date, e.confidence, e.begin_char, e.end_char, d.url, "
     "e.curated FROM evidence e LEFT JOIN documents d ON d.id = e.document_id WHERE e.relation_id = ?1 "
     "ORDER BY coalesce(e.date, ''), d.doc_id, e.begin_char"},
    {Sql::evidence_all, "reading evidence",
     "SELECT e.id, d.doc_id, e.sentence, e.status, e.date, e.confidence, e.begin_char, e.end_char, d.url, "
     "e.curated, e.relation_id FROM evidence e LEFT JOIN documents d ON d.id = e.document_id "
     "ORDER BY e.relation_id, coalesce(e.date, ''), d.doc_id, e.begin_char"},
    {Sql::counts, "counting rows",
     "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM entities), "
     "(SELECT count(*) FROM relations), (SELECT count(*) FROM evidence)"},
    {Sql::pending_evidence, "looking for evidence not yet indexed",
     "SELECT EXISTS (SELECT 1 FROM evidence_fts_pending)"},
    // The docsize check keeps a row indexed twice out of the index, should
    // someone have rebuilt it by hand while rows were queued.
    {Sql::index_pending_evidence, "indexing new evidence for search",
     "INSERT INTO evidence_fts(rowid, sentence) SELECT e.id, e.sentence FROM evidence_fts_pending p "
     "JOIN evidence e ON e.id = p.id WHERE NOT EXISTS (SELECT 1 FROM evidence_fts_docsize d WHERE d.id = p.id)"},
    {Sql::clear_pending_evidence, "indexing new evidence for search", "DELETE FROM evidence_fts_pending"},
    // Relation summaries: read, written and fed by C++; RelationSummary
    // (model/summary.cpp) holds the rule, so the SQL holds none of it.
    {Sql::relation_summary, "reading a relation's summary",
     "SELECT status, first_seen, last_seen, confidence, evidence_count FROM relations WHERE id = ?1"},
    {Sql::write_relation_summary, "updating a relation's summary",
     "UPDATE relations SET status = ?2, first_seen = ?3, last_seen = ?4, confidence = ?5, evidence_count = ?6 "
     "WHERE id = ?1"},
    {Sql::evidence_summaries, "recomputing a relation's summary",
     "SELECT status, date, confidence FROM evidence WHERE relation_id = ?1"},
    // Curation (curation.cpp). An analyst's merge or curated alias decides
    // where a name belongs.
    {Sql::curated_entity, "curating",
     "SELECT keep_id FROM merges WHERE drop_key = ?1 "
     "UNION ALL SELECT entity_id FROM aliases WHERE alias_key = ?1 AND curated = 1 LIMIT 1"},
    {Sql::curation_recorded, "curating",
     "SELECT EXISTS (SELECT 1 FROM merges) OR EXISTS (SELECT 1 FROM aliases WHERE curated = 1)"},
    {Sql::relations_of_entity, "curating",
     "SELECT id, type, source_id, target_id FROM relations WHERE ?1 IN (source_id, target_id)"},
    {Sql::repoint_relation, "curating", "UPDATE relations SET source_id = ?2, target_id = ?3 WHERE id = ?1"},
    {Sql::move_evidence, "curating", "UPDATE evidence SET relation_id = ?2 WHERE relation_id = ?1"},
    {Sql::retractions_of_entity, "curating",
     "SELECT id, type, source_id, target_id FROM retractions WHERE ?1 IN (source_id, target_id)"},
    {Sql::copy_retraction, "curating",
     "INSERT INTO retractions(type, source_id, target_id, note, retracted_at) "
     "SELECT ?2, ?3, ?4, note, retracted_at FROM retractions WHERE id = ?1 "
     "ON CONFLICT(type, source_id, target_id) DO NOTHING"},
    {Sql::delete_retraction, "curating", "DELETE FROM retractions WHERE id = ?1"},
    {Sql::delete_retraction_of, "curating",
     "DELETE FROM retractions WHERE type = ?1 AND source_id = ?2 AND target_id = ?3"},
    {Sql::retract_relation, "curating",
     "INSERT INTO retractions(type, source_id, target_id, note, retracted_at) "
     "SELECT type, source_id, target_id, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM relations WHERE id = ?1 "
     "ON CONFLICT(type, source_id, target_id) DO UPDATE SET note = excluded.note, "
     "retracted_at = excluded.retracted_at"},
    {Sql::move_aliases, "curating", "UPDATE aliases SET entity_id = ?2 WHERE entity_id = ?1"},
    {Sql::move_children, "curating", "UPDATE entities SET parent_id = ?2 WHERE parent_id = ?1 AND id <> ?2"},
    // KEEP (?2) takes DROP's (?1) parent when it has none, and loses DROP as its parent.
    {Sql::inherit_parent, "curating",
     "UPDATE entities SET parent_id = CASE WHEN parent_id = ?1 THEN NULL ELSE coalesce(parent_id, "
     "(SELECT parent_id FROM entities WHERE id = ?1 AND parent_id <> ?2)) END WHERE id = ?2"},
    {Sql::move_merges, "curating", "UPDATE merges SET keep_id = ?2 WHERE keep_id = ?1"},
    {Sql::record_merge, "curating",
     "INSERT INTO merges(drop_name, drop_key, keep_id, merged_at) "
     "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
     "ON CONFLICT(drop_key) DO UPDATE SET keep_id = excluded.keep_id, merged_at = excluded.merged_at"},
    {Sql::delete_entity, "curating", "DELETE FROM entities WHERE id = ?1"},
    {Sql::insert_curated_alias, "curating",
     "INSERT INTO aliases(entity_id, alias, alias_key, curated) VALUES (?1, ?2, ?3, 1) "
     "ON CONFLICT(alias_key) DO UPDATE SET curated = 1"},
    {Sql::insert_curated_relation, "curating",
     "INSERT INTO relations(type, source_id, target_id, status, evidence_count) VALUES (?1, ?2, ?3, ?4, 0) "
     "ON CONFLICT(type, source_id, target_id) DO NOTHING"},
    // The note is also the sentence (?2), so search and the exports show it.
    {Sql::insert_curated_evidence, "curating",
     "INSERT INTO evidence(relation_id, sentence, status, date, confidence, curated, note, curated_at) "
     "VALUES (?1, ?2, ?3, nullif(?4, ''), 1.0, 1, nullif(?5, ''), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"},
}};

constexpr bool sql_table_in_enum_order() {
  for (std::size_t i = 0; i < kSql.size(); ++i)
    if (static_cast<std::size_t>(kSql[i].id) != i) return false;
  return true;
}
static_assert(sql_table_in_enum_order(), "kSql must list the statements in the order of enum Sql");

}  // namespace

Statement& Store::Impl::statement(Sql id) {
  const auto i = static_cast<std::size_t>(id);
  if (!statements[i]) statements[i] = Statement(db.get(), kSql[i].sql, kSql[i].what, SQLITE_PREPARE_PERSISTENT);
  return statements[i];
}

}  // namespace aikg
