// put_document: one document, its entities, relations and evidence, all or
// nothing.
#include <algorithm>

#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::known;
using detail::RelationKey;
using detail::returned_id;
using detail::Sql;

// Real group structures are two or three levels deep; the bound only stops a
// parent cycle in a hand-edited gazetteer from recursing forever.
constexpr int kMaxParentDepth = 8;

void validate(const DocumentMentions& doc) {
  if (doc.article.id.empty()) throw StoreError("a document without an id");
  if (doc.content_hash.empty()) throw StoreError("a document without a content hash");
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.id.empty() || m.source.name.empty() || m.target.name.empty())
      throw StoreError(fmt::format("mention {} has no id or an unnamed entity", i + 1));
  }
}

}  // namespace

// A trigger makes every INSERT a statement SQLite must be able to undo alone,
// so each one copied every page it touched into a statement journal: a
// quarter of a bulk ingest's instructions (callgrind), more than the
// triggers' own work. For one put_documents transaction the connection's
// triggers are off and the writer does their work itself, with the same
// result: new evidence indexed for search before the commit (insert_evidence
// notes the first new id; no queue row per evidence row), a replaced
// document's evidence taken out of the index (remove_evidence_of), and the
// graph generation moved once, before the commit, if anything was written.
// Other writers (curation, the sqlite3 shell) keep the triggers.
class Store::Impl::TriggersDoneByHand {
 public:
  explicit TriggersDoneByHand(Store::Impl& s) : s_(s), changes_before_(sqlite3_total_changes64(s.db.get())) {
    set(false);
  }
  TriggersDoneByHand(const TriggersDoneByHand&) = delete;
  TriggersDoneByHand& operator=(const TriggersDoneByHand&) = delete;
  ~TriggersDoneByHand() { set(true); }

  // Before the commit: the generation triggers' work, once.
  void move_generation_if_written() {
    if (sqlite3_total_changes64(s_.db.get()) != changes_before_) s_.use(Sql::move_generation)->run();
  }

 private:
  // Changing the setting expires the prepared statements; SQLite prepares
  // each again on its next use, with or without the triggers.
  void set(bool on) noexcept {
    sqlite3_db_config(s_.db.get(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, nullptr);
    s_.triggers_by_hand = !on;
  }

  Store::Impl& s_;
  const sqlite3_int64 changes_before_;
};

IngestResult Store::put_document(const DocumentMentions& doc, const Gazetteer& gazetteer) {
  impl_->require_writable("store documents");
  try {
    Impl::Savepoint scope(*impl_, "put_document", "document", false);
    const IngestResult result = impl_->store_document(doc, gazetteer);
    scope.commit();
    return result;
  } catch (const StoreError& e) {
    throw StoreError(fmt::format("{}: storing document '{}': {}", impl_->path, doc.article.id, e.what()));
  }
}

// Optimistic: the batch goes in without a savepoint per document, since a
// savepoint journals every page its document touches (for a document of
// thousands of mentions SQLite's in-memory journal made that quadratic). Only
// when a document fails is the batch rolled back and stored again with one.
std::vector<PutOutcome> Store::put_documents(std::span<const DocumentMentions> docs, const Gazetteer& gazetteer) {
  Impl& s = *impl_;
  s.require_writable("store documents");
  if (s.in_transaction) throw StoreError(fmt::format("{}: put_documents() inside begin()", s.path));
  std::vector<PutOutcome> out;
  out.reserve(docs.size());
  Impl::TriggersDoneByHand triggers(s);
  s.begin_immediate();
  try {
    bool failed = false;
    for (const DocumentMentions& doc : docs) {
      try {
        out.push_back({s.store_document(doc, gazetteer), {}});
      } catch (const std::exception&) {
        failed = true;
        break;
      }
    }
    if (failed) {
      s.rollback_quietly();
      s.begin_immediate();
      out.clear();
      for (const DocumentMentions& doc : docs) {
        try {
          out.push_back({put_document(doc, gazetteer), {}});
        } catch (const std::exception& e) {
          if (!s.inside_transaction()) throw;  // SQLite gave up the whole transaction (disk full)
          out.push_back({{}, e.what()});
        }
      }
    }
    triggers.move_generation_if_written();
    s.index_new_evidence();
    s.index_pending_evidence();
    s.exec("COMMIT", fmt::format("{}: committing", s.path));
  } catch (...) {
    s.rollback_quietly();
    throw;
  }
  return out;
}

IngestResult Store::Impl::store_document(const DocumentMentions& doc, const Gazetteer& gazetteer) {
  validate(doc);
  const auto stored = find_document(doc.article.id);
  if (stored && stored->content_hash == doc.content_hash) return {IngestResult::Outcome::unchanged, 0};
  if (content_stored_elsewhere(doc.content_hash, doc.article.id)) return {IngestResult::Outcome::duplicate, 0};

  // A new version replaces the old one's evidence. Its relations are
  // recomputed only after the new mentions are in, so a relation the new
  // version still supports keeps its id.
  std::vector<std::int64_t> touched;
  if (stored) touched = remove_evidence_of(stored->id);
  const std::int64_t document_id = upsert_document(doc);

  IngestResult result{stored ? IngestResult::Outcome::updated : IngestResult::Outcome::added, 0};
  for (const Mention& m : doc.mentions)
    if (add_mention(document_id, m, doc.date, gazetteer)) ++result.evidence_added;
  for (const std::int64_t relation : touched) {
    recompute_summary(relation);
    drop_if_unsupported(relation);
  }
  return result;
}

std::optional<Store::Impl::StoredDocument> Store::Impl::find_document(const std::string& doc_id) {
  const auto q = use(Sql::find_document);
  q->bind_text(1, doc_id);
  if (!q->step()) return std::nullopt;
  return StoredDocument{q->column_int(0), q->column_text(1)};
}

bool Store::Impl::content_stored_elsewhere(const std::string& content_hash, const std::string& doc_id) {
  const auto q = use(Sql::find_same_content);
  q->bind_text(1, content_hash);
  q->bind_text(2, doc_id);
  return q->step();
}

// Deletes the document's evidence; returns the relations it supported.
std::vector<std::int64_t> Store::Impl::remove_evidence_of(std::int64_t document_id) {
  std::vector<std::int64_t> relations;
  {
    const auto q = use(Sql::relations_of_document);
    q->bind_int(1, document_id);
    while (q->step()) relations.push_back(q->column_int(0));
  }
  if (triggers_by_hand) {  // what evidence_fts_delete would do, row by row
    bound(Sql::unindex_document_evidence, document_id)->run();
    bound(Sql::unqueue_document_evidence, document_id)->run();
  }
  const auto q = use(Sql::delete_document_evidence);
  q->bind_int(1, document_id);
  q->run();
  return relations;
}

std::int64_t Store::Impl::upsert_document(const DocumentMentions& doc) {
  const Article& a = doc.article;
  const auto q = use(Sql::upsert_document);
  q->bind_text(1, a.id);
  q->bind_text_or_null(2, a.title);
  q->bind_text_or_null(3, a.published);
  q->bind_text_or_null(4, a.url);
  q->bind_text_or_null(5, a.source);
  q->bind_text_or_null(6, a.origin);
  q->bind_text_or_null(7, doc.date);
  q->bind_text(8, doc.content_hash);
  // Mentions read back from `aikg extract` output come without the text (and
  // older output without char_count).
  const std::size_t chars = a.text.empty() ? doc.char_count : count_code_points(a.text);
  if (chars == 0)
    q->bind_null(9);
  else
    q->bind_int(9, static_cast<std::int64_t>(chars));
  return returned_id(*q);
}

// Stores one mention; false when it was stored before (same mention id).
bool Store::Impl::add_mention(std::int64_t document_id, const Mention& m, std::string_view document_date,
                              const Gazetteer& gazetteer) {
  if (rejected(m.source) || rejected(m.target)) return false;  // aikg alias reject
  std::int64_t source = entity_id(m.source.name, m.source.kind, m.source.candidate, gazetteer, 0);
  std::int64_t target = entity_id(m.target.name, m.target.kind, m.target.candidate, gazetteer, 0);
  if (source == target) return false;  // two names an analyst merged into one entity
  if (redirected_names.contains(m.source.name) || redirected_names.contains(m.target.name))
    orient(m.type, source, target);  // the extractor ordered the names before curation renamed one
  // A sentence without a date of its own is dated by its document.
  const std::string_view date = m.date.empty() ? document_date : std::string_view(m.date);
  const auto [relation, created] = relation_id(m, source, target, date);
  if (!insert_evidence(relation, document_id, m, date)) {
    if (created) delete_relation(relation, RelationKey{m.type, source, target});
    return false;
  }
  if (!created) add_to_summary(relation, m, date);
  return true;
}

// The entity's id, creating it (with its parent and aliases) on first sight.
std::int64_t Store::Impl::entity_id(const std::string& name, EntityKind kind, bool candidate,
                                    const Gazetteer& gazetteer, int depth) {
  if (const auto it = entity_ids.find(name); it != entity_ids.end()) return it->second;
  // An analyst's merge or alias decides where this name belongs.
  if (const auto curated = curated_entity(name)) {
    redirected_names.insert(name);
    return entity_ids.emplace(name, *curated).first->second;
  }
  const GazetteerEntry* entry = gazetteer.by_name(name);
  const auto parent = parent_entity_id(entry, kind, gazetteer, depth);
  const std::int64_t id = upsert_entity(name, kind, parent, candidate);
  add_alias(id, name);
  if (entry)
    for (const std::string& alias : entry->aliases) add_alias(id, alias);
  entity_ids.emplace(name, id);
  return id;
}

std::optional<std::int64_t> Store::Impl::parent_entity_id(const GazetteerEntry* entry, EntityKind child_kind,
                                                          const Gazetteer& gazetteer, int depth) {
  if (!entry || entry->parent.empty() || entry->parent == entry->name || depth >= kMaxParentDepth)
    return std::nullopt;
  const GazetteerEntry* parent = gazetteer.by_name(entry->parent);
  // A parent the gazetteer does not list on its own line is still kept, as a
  // candidate: the organisation a person leads, or else a business group.
  const EntityKind kind = parent                         ? parent->kind
                          : child_kind == EntityKind::person ? EntityKind::company
                                                             : EntityKind::group;
  return entity_id(entry->parent, kind, parent == nullptr, gazetteer, depth + 1);
}

// Inserting first costs one statement for a new name, the common case in a
// bulk ingest; only a stored name needs the upsert.
std::int64_t Store::Impl::upsert_entity(const std::string& name, EntityKind kind, std::optional<std::int64_t> parent,
                                        bool candidate) {
  const auto bind = [&](detail::Statement& q) {
    q.bind_text(1, name);
    q.bind_text(2, aikg::name(kind));
    if (parent)
      q.bind_int(3, *parent);
    else
      q.bind_null(3);
    q.bind_int(4, candidate ? 1 : 0);
  };
  {
    const auto q = use(Sql::insert_entity);
    bind(*q);
    q->run();
    if (sqlite3_changes(db.get()) == 1) return sqlite3_last_insert_rowid(db.get());
  }
  const auto q = use(Sql::upsert_entity);
  bind(*q);
  return returned_id(*q);
}

void Store::Impl::add_alias(std::int64_t entity, std::string_view alias) {
  const std::string key = alias_key(alias);
  if (key.empty()) return;
  const auto q = use(Sql::insert_alias);
  q->bind_int(1, entity);
  q->bind_text(2, alias);
  q->bind_text(3, key);
  q->run();
}

// The id of the mention's relation, and whether this call created it (then
// already summarising the mention).
std::pair<std::int64_t, bool> Store::Impl::relation_id(const Mention& m, std::int64_t source, std::int64_t target,
                                                       std::string_view date) {
  const RelationKey key{m.type, source, target};
  if (const auto it = relation_ids.find(key); it != relation_ids.end()) return {it->second, false};
  // Inserting first costs one statement for a new relation, the common
  // case in a bulk ingest; only a known relation needs the lookup.
  bool created = false;
  {
    const auto q = use(Sql::insert_relation);
    q->bind_text(1, name(m.type));
    q->bind_int(2, source);
    q->bind_int(3, target);
    q->bind_text(4, name(m.status));
    q->bind_text_or_null(5, date);
    q->bind_double(6, m.confidence);
    q->run();
    created = sqlite3_changes(db.get()) == 1;
  }
  std::int64_t id = sqlite3_last_insert_rowid(db.get());
  if (!created) {
    const auto q = use(Sql::find_relation);
    q->bind_text(1, name(m.type));
    q->bind_int(2, source);
    q->bind_int(3, target);
    if (!q->step()) throw StoreError("a relation vanished while it was being stored");
    id = q->column_int(0);
  }
  relation_ids.emplace(key, id);
  return {id, created};
}

bool Store::Impl::insert_evidence(std::int64_t relation, std::int64_t document_id, const Mention& m,
                                  std::string_view date) {
  const auto q = use(Sql::insert_evidence);
  q->bind_int(1, relation);
  q->bind_int(2, document_id);
  q->bind_text(3, m.id);
  q->bind_text(4, m.sentence);
  q->bind_int(5, static_cast<std::int64_t>(m.begin));
  q->bind_int(6, static_cast<std::int64_t>(m.end));
  q->bind_text(7, name(m.status));
  q->bind_text_or_null(8, date);
  q->bind_double(9, m.confidence);
  q->bind_text_or_null(10, m.cue);
  q->run();
  if (sqlite3_changes(db.get()) != 1) return false;
  // The smallest, not the first: a document replaced twice in one batch frees
  // the largest ids, which SQLite then gives out again.
  if (triggers_by_hand) {
    const std::int64_t id = sqlite3_last_insert_rowid(db.get());
    first_new_evidence = first_new_evidence ? std::min(*first_new_evidence, id) : id;
  }
  return true;
}

// Undoes relation_id() creating a relation for a mention that was not stored.
void Store::Impl::delete_relation(std::int64_t relation, const RelationKey& key) {
  const auto q = use(Sql::delete_relation);
  q->bind_int(1, relation);
  q->run();
  relation_ids.erase(key);
}

void Store::Impl::drop_if_unsupported(std::int64_t relation) {
  const auto q = use(Sql::drop_unsupported_relation);
  q->bind_int(1, relation);
  if (!q->step()) return;
  const RelationType type = known(parse_relation_type(q->column_text(0)), "relation type", q->column_text(0));
  relation_ids.erase(RelationKey{type, q->column_int(1), q->column_int(2)});
  q->run();
}

}  // namespace aikg
