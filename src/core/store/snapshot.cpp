// The graph snapshot (schema/004): built from the tables, stored as one blob
// per column in graph_snapshot, read back and checked before use.
#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "aikg/snapshot.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::known;
using detail::read_int;
using detail::Statement;

static_assert(std::endian::native == std::endian::little, "the snapshot's columns are stored little-endian");

constexpr int kFirstSnapshotSchema = 4;
constexpr std::string_view kFormat = "aikg graph snapshot 1";
constexpr std::size_t kTypes = static_cast<std::size_t>(RelationType::competition) + 1;
constexpr std::size_t kStatuses = static_cast<std::size_t>(Status::ended) + 1;
constexpr std::size_t kKinds = static_cast<std::size_t>(EntityKind::other) + 1;

// A column as bytes and back (enums as their underlying int).
template <typename T>
std::string_view bytes_of(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

template <typename T>
bool read_column(std::string_view blob, std::vector<T>& out) {
  if (blob.size() % sizeof(T) != 0) return false;
  out.resize(blob.size() / sizeof(T));
  if (!blob.empty()) std::memcpy(out.data(), blob.data(), blob.size());
  return true;
}

template <typename Visit, typename Snapshot>
void for_each_part(Snapshot& s, Visit&& visit) {
  visit("entity_id", s.entity_id);
  visit("entity_kind", s.entity_kind);
  visit("entity_parent", s.entity_parent);
  visit("name_offset", s.name_offset);
  visit("names", s.names);
  visit("relation_id", s.relation_id);
  visit("type", s.type);
  visit("status", s.status);
  visit("source", s.source);
  visit("target", s.target);
  visit("first_seen", s.first_seen);
  visit("last_seen", s.last_seen);
  visit("confidence", s.confidence);
  visit("evidence_count", s.evidence_count);
  visit("evidence_offset", s.evidence_offset);
  visit("evidence_status", s.evidence_status);
  visit("evidence_date", s.evidence_date);
  visit("evidence_confidence", s.evidence_confidence);
  visit("date_offset", s.date_offset);
  visit("dates", s.dates);
}

bool offsets_valid(const std::vector<std::uint32_t>& offsets, std::size_t count, std::size_t bytes) {
  if (offsets.size() != count + 1 || offsets.front() != 0 || offsets.back() != bytes) return false;
  return std::is_sorted(offsets.begin(), offsets.end());
}

template <typename E>
bool enums_valid(const std::vector<E>& v, std::size_t count) {
  return std::all_of(v.begin(), v.end(), [&](E e) { return static_cast<std::size_t>(e) < count; });
}

bool indices_valid(const std::vector<std::uint32_t>& v, std::size_t count, bool npos_allowed = false) {
  return std::all_of(v.begin(), v.end(), [&](std::uint32_t i) {
    return i < count || (npos_allowed && i == GraphSnapshot::npos);
  });
}

// Whether a snapshot read from a file can be used without reading out of
// bounds: a file may come from anyone (docs/schema.md).
bool consistent(const GraphSnapshot& s, bool with_evidence) {
  const std::size_t n = s.entity_id.size(), r = s.relation_id.size();
  if (s.entity_kind.size() != n || s.entity_parent.size() != n) return false;
  if (s.date_offset.empty() || !offsets_valid(s.name_offset, n, s.names.size())) return false;
  const std::size_t dates = s.date_offset.size() - 1;
  if (!offsets_valid(s.date_offset, dates, s.dates.size())) return false;
  for (const auto* column : {&s.source, &s.target, &s.first_seen, &s.last_seen})
    if (column->size() != r) return false;
  if (s.type.size() != r || s.status.size() != r || s.confidence.size() != r || s.evidence_count.size() != r)
    return false;
  const std::size_t evidence = s.evidence_status.size();
  if (with_evidence && (!offsets_valid(s.evidence_offset, r, evidence) || s.evidence_date.size() != evidence ||
                        s.evidence_confidence.size() != evidence))
    return false;
  return enums_valid(s.evidence_status, kStatuses) && indices_valid(s.evidence_date, dates) &&
         enums_valid(s.entity_kind, kKinds) && enums_valid(s.type, kTypes) && enums_valid(s.status, kStatuses) &&
         indices_valid(s.entity_parent, n, true) && indices_valid(s.source, n) && indices_valid(s.target, n) &&
         indices_valid(s.first_seen, dates) && indices_valid(s.last_seen, dates);
}

// Interns date strings: index 0 is the empty date.
class DateTable {
 public:
  explicit DateTable(GraphSnapshot& s) : s_(s) {
    s_.date_offset = {0, 0};
    index_.emplace("", 0);
  }
  std::uint32_t intern(std::string_view date) {
    const auto [it, added] = index_.try_emplace(std::string(date), static_cast<std::uint32_t>(index_.size()));
    if (added) {
      s_.dates += date;
      s_.date_offset.push_back(static_cast<std::uint32_t>(s_.dates.size()));
    }
    return it->second;
  }

 private:
  GraphSnapshot& s_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

void read_entities(sqlite3* db, GraphSnapshot& s, std::unordered_map<std::int64_t, std::uint32_t>& index) {
  std::vector<std::int64_t> parent_id;
  Statement q(db, "SELECT id, name, kind, parent_id FROM entities ORDER BY name", "reading entities", 0);
  s.name_offset = {0};
  while (q.step()) {
    index.emplace(q.column_int(0), static_cast<std::uint32_t>(s.entity_id.size()));
    s.entity_id.push_back(q.column_int(0));
    s.names += q.column_view(1);
    s.name_offset.push_back(static_cast<std::uint32_t>(s.names.size()));
    s.entity_kind.push_back(known(parse_entity_kind(q.column_view(2)), "entity kind", q.column_view(2)));
    parent_id.push_back(q.is_null(3) ? 0 : q.column_int(3));
  }
  s.entity_parent.reserve(parent_id.size());
  for (const auto p : parent_id) {
    const auto it = index.find(p);
    s.entity_parent.push_back(it == index.end() ? GraphSnapshot::npos : it->second);
  }
}

// The relations' rows in table order; sorted into listing order after.
void read_relations(sqlite3* db, GraphSnapshot& s, const std::unordered_map<std::int64_t, std::uint32_t>& index,
                    DateTable& dates) {
  Statement q(db,
              "SELECT r.id, r.type, r.source_id, r.target_id, r.status, r.first_seen, r.last_seen, r.confidence, "
              "r.evidence_count FROM relations r WHERE NOT EXISTS (SELECT 1 FROM retractions x WHERE x.type = r.type "
              "AND x.source_id = r.source_id AND x.target_id = r.target_id)",
              "reading relations", 0);
  auto entity = [&](std::int64_t id) {
    const auto it = index.find(id);
    if (it == index.end()) throw StoreError(fmt::format("a relation points at entity {}, which does not exist", id));
    return it->second;
  };
  while (q.step()) {
    s.relation_id.push_back(q.column_int(0));
    s.type.push_back(known(parse_relation_type(q.column_view(1)), "relation type", q.column_view(1)));
    s.source.push_back(entity(q.column_int(2)));
    s.target.push_back(entity(q.column_int(3)));
    s.status.push_back(known(parse_status(q.column_view(4)), "status", q.column_view(4)));
    s.first_seen.push_back(dates.intern(q.column_view(5)));
    s.last_seen.push_back(dates.intern(q.column_view(6)));
    s.confidence.push_back(q.column_double(7));
    s.evidence_count.push_back(q.column_int(8));
  }
}

// Each relation's evidence rows (status, date, confidence), grouped by
// relation in listing order. Evidence of retracted relations is left out.
void read_evidence(sqlite3* db, GraphSnapshot& s, DateTable& dates) {
  std::unordered_map<std::int64_t, std::uint32_t> row_of;
  row_of.reserve(s.relations());
  for (std::uint32_t r = 0; r < s.relations(); ++r) row_of.emplace(s.relation_id[r], r);
  struct Row {
    std::uint32_t relation, date;
    Status status;
    double confidence;
  };
  std::vector<Row> rows;
  Statement q(db, "SELECT relation_id, status, date, confidence FROM evidence", "reading evidence", 0);
  while (q.step()) {
    const auto it = row_of.find(q.column_int(0));
    if (it == row_of.end()) continue;
    rows.push_back({it->second, dates.intern(q.column_view(2)),
                    known(parse_status(q.column_view(1)), "status", q.column_view(1)), q.column_double(3)});
  }
  s.evidence_offset.assign(s.relations() + 1, 0);
  for (const auto& e : rows) ++s.evidence_offset[e.relation + 1];
  for (std::size_t r = 0; r < s.relations(); ++r) s.evidence_offset[r + 1] += s.evidence_offset[r];
  s.evidence_status.resize(rows.size());
  s.evidence_date.resize(rows.size());
  s.evidence_confidence.resize(rows.size());
  std::vector<std::uint32_t> fill(s.evidence_offset.begin(), s.evidence_offset.end() - 1);
  for (const auto& e : rows) {
    const auto at = fill[e.relation]++;
    s.evidence_status[at] = e.status, s.evidence_date[at] = e.date, s.evidence_confidence[at] = e.confidence;
  }
}

template <typename T>
void permute(std::vector<T>& column, const std::vector<std::uint32_t>& order) {
  std::vector<T> out;
  out.reserve(column.size());
  for (const auto i : order) out.push_back(column[i]);
  column = std::move(out);
}

// Listing order, as sort_relations: type name, then source and target name
// (entity indices are name ranks).
void sort_relations(GraphSnapshot& s) {
  std::array<std::uint32_t, kTypes> type_rank{};
  std::array<std::size_t, kTypes> by_name{};
  std::iota(by_name.begin(), by_name.end(), 0);
  std::sort(by_name.begin(), by_name.end(),
            [](std::size_t a, std::size_t b) { return name(RelationType(a)) < name(RelationType(b)); });
  for (std::size_t i = 0; i < kTypes; ++i) type_rank[by_name[i]] = static_cast<std::uint32_t>(i);
  std::vector<std::uint32_t> order(s.relation_id.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tuple(type_rank[static_cast<std::size_t>(s.type[a])], s.source[a], s.target[a]) <
           std::tuple(type_rank[static_cast<std::size_t>(s.type[b])], s.source[b], s.target[b]);
  });
  permute(s.relation_id, order), permute(s.type, order), permute(s.status, order);
  permute(s.source, order), permute(s.target, order);
  permute(s.first_seen, order), permute(s.last_seen, order);
  permute(s.confidence, order), permute(s.evidence_count, order);
}

// Makes the calling block one read transaction (unless one is open), so
// the generation and the rows read belong to one state of the file.
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite3* db) : db_(db), own_(sqlite3_get_autocommit(db) != 0) {
    if (own_) detail::exec(db_, "BEGIN", "starting a read");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  ~ReadTransaction() {
    if (own_ && sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_;
  bool own_;
};

std::int64_t generation(sqlite3* db) {
  return read_int(db, "SELECT value FROM graph_generation WHERE id = 1", "reading the graph generation");
}

// The stored snapshot of `gen`, if complete and sound. Each blob is copied
// once, straight into its column.
// The columns of single evidence rows (not a relation's evidence_count).
bool is_evidence_part(std::string_view part) {
  return part == "evidence_offset" || part == "evidence_status" || part == "evidence_date" ||
         part == "evidence_confidence";
}

std::optional<GraphSnapshot> load_stored(sqlite3* db, std::int64_t gen, bool with_evidence = true) {
  Statement q(db, "SELECT part, data FROM graph_snapshot WHERE generation = ?1", "reading the graph snapshot", 0);
  q.bind_int(1, gen);
  GraphSnapshot s;
  s.generation = gen;
  bool format_known = false, sound = true;
  std::size_t parts = 0;
  while (q.step()) {
    const auto part = q.column_view(0);
    if (part == "format") {
      format_known = q.column_blob(1) == kFormat;
      continue;
    }
    if (!with_evidence && is_evidence_part(part)) continue;
    for_each_part(s, [&](std::string_view name, auto& column) {
      if (name != part) return;
      ++parts;
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(column)>, std::string>)
        column = q.column_blob(1);
      else
        sound = read_column(q.column_blob(1), column) && sound;
    });
  }
  std::size_t expected = 0;
  for_each_part(s, [&](std::string_view name, const auto&) { expected += with_evidence || !is_evidence_part(name); });
  if (!format_known || !sound || parts != expected || !consistent(s, with_evidence)) return std::nullopt;
  return s;
}

bool snapshots_disabled() {
  const char* v = std::getenv("AIKG_SNAPSHOT");
  return v && std::string_view(v) == "off";
}

}  // namespace

std::uint32_t GraphSnapshot::index_of(std::int64_t id) const {
  const auto it = std::find(entity_id.begin(), entity_id.end(), id);
  return it == entity_id.end() ? npos : static_cast<std::uint32_t>(it - entity_id.begin());
}

GraphSnapshot Store::Impl::build_snapshot() {
  sqlite3* raw = db.get();
  GraphSnapshot s;
  ReadTransaction read(raw);
  s.generation = schema_version >= kFirstSnapshotSchema ? generation(raw) : 0;
  std::unordered_map<std::int64_t, std::uint32_t> index;
  read_entities(raw, s, index);
  DateTable dates(s);
  read_relations(raw, s, index, dates);
  sort_relations(s);
  read_evidence(raw, s, dates);
  return s;
}

std::optional<GraphSnapshot> Store::Impl::stored_snapshot() {
  if (schema_version < kFirstSnapshotSchema) return std::nullopt;
  ReadTransaction read(db.get());
  return load_stored(db.get(), generation(db.get()));
}

// Keeps `s` in the file for the next command, if the file can be written
// now: through a connection of its own (this one may be read-only), without
// waiting for a writer, and only while the data is still what `s` was built
// from. Best effort: a cache that cannot be written is rebuilt next time.
void Store::Impl::save_snapshot(const GraphSnapshot& s) noexcept {
  try {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
    detail::DbHandle w(raw);
    if (rc != SQLITE_OK) return;
    sqlite3_db_config(w.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    if (sqlite3_exec(w.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return;
    // Writing the table must run nothing but the write: a trigger on it
    // would be someone else's code.
    const bool ours = read_int(w.get(), "PRAGMA application_id", "identifying the file") == 0x41494B47 &&
                      read_int(w.get(), "PRAGMA user_version", "identifying the file") >= kFirstSnapshotSchema &&
                      read_int(w.get(), "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND "
                               "tbl_name = 'graph_snapshot'", "reading the schema") == 0;
    if (!ours || generation(w.get()) != s.generation) {
      sqlite3_exec(w.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      return;
    }
    detail::exec(w.get(), "DELETE FROM graph_snapshot", "clearing the graph snapshot");
    Statement q(w.get(), "INSERT INTO graph_snapshot(part, generation, data) VALUES (?1, ?2, ?3)",
                "storing the graph snapshot", 0);
    auto put = [&](std::string_view part, std::string_view data) {
      q.bind_text(1, part);
      q.bind_int(2, s.generation);
      q.bind_blob(3, data.empty() ? std::string_view("", 0) : data);  // a null pointer would bind NULL
      q.run();
      q.reset();
    };
    put("format", kFormat);
    for_each_part(s, [&](std::string_view part, const auto& column) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(column)>, std::string>)
        put(part, column);
      else
        put(part, bytes_of(column));
    });
    if (sqlite3_exec(w.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
      sqlite3_exec(w.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  } catch (...) {
    // the connection's handle rolls back on close
  }
}

std::optional<GraphSnapshot> Store::graph_snapshot(bool with_evidence) const {
  Impl& s = *impl_;
  if (s.schema_version < kFirstSnapshotSchema || snapshots_disabled()) return std::nullopt;
  std::optional<GraphSnapshot> snapshot;
  {
    ReadTransaction read(s.db.get());
    const std::int64_t gen = generation(s.db.get());
    snapshot = load_stored(s.db.get(), gen, with_evidence);
    if (snapshot) return snapshot;
    snapshot = s.build_snapshot();  // in the same read transaction: of generation `gen`
  }
  if (s.keep_snapshot) s.save_snapshot(*snapshot);
  return snapshot;
}

std::optional<std::string> Store::Impl::snapshot_problem() {
  if (schema_version < kFirstSnapshotSchema) return std::nullopt;
  ReadTransaction read(db.get());
  const std::int64_t gen = generation(db.get());
  const auto what = "reading the graph snapshot";
  if (read_int(db.get(), fmt::format("SELECT count(*) FROM graph_snapshot WHERE generation = {}", gen), what) == 0)
    return std::nullopt;  // none, or a stale one: the next reader builds it
  const auto fix = "delete it (DELETE FROM graph_snapshot) and the next query rebuilds it";
  const auto stored = load_stored(db.get(), gen);
  if (!stored)
    return fmt::format("graph snapshot of generation {} is incomplete or points out of bounds: {}", gen, fix);
  if (!(*stored == build_snapshot())) return fmt::format("graph snapshot of generation {} disagrees with the tables: {}", gen, fix);
  return std::nullopt;
}

GraphSnapshot Store::build_graph_snapshot() const { return impl_->build_snapshot(); }

}  // namespace aikg
