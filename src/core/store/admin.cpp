// The file as a product: trusting our own schema, search, publish, check.
#include <algorithm>
#include <map>

#include "aikg/text.hpp"
#include "store/impl.hpp"

namespace aikg {
namespace {

using detail::read_int;
using detail::Statement;

// The trigram tokenizer indexes 3-character substrings; shorter terms match nothing.
constexpr std::size_t kTrigram = 3;

struct SchemaObject {
  std::string type, sql;
  bool operator==(const SchemaObject&) const = default;
};
using Schema = std::map<std::string, SchemaObject>;

Schema read_schema(sqlite3* db) {
  Schema out;
  Statement q(db, "SELECT name, type, coalesce(sql, '') FROM sqlite_schema", "reading the schema", 0);
  while (q.step()) out[q.column_text(0)] = {q.column_text(1), q.column_text(2)};
  return out;
}

// The schema the migrations create, built once in memory.
const Schema& expected_schema() {
  static const Schema schema = [] {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    detail::DbHandle db(raw);
    for (const auto& m : detail::migrations()) detail::exec(db.get(), std::string(m.sql), "building the schema");
    return read_schema(db.get());
  }();
  return schema;
}

// Objects of `actual` that could run code aikg did not write: every trigger
// and view, and anything under one of our names, must be exactly ours.
std::vector<std::string> foreign_objects(const Schema& actual, const Schema& expected) {
  std::vector<std::string> out;
  for (const auto& [name, object] : actual) {
    const auto it = expected.find(name);
    const bool may_run_code = object.type == "trigger" || object.type == "view";
    if (it == expected.end() ? may_run_code : !(it->second == object)) out.push_back(object.type + " " + name);
  }
  return out;
}

// Search terms: whitespace-separated, and whether all are long enough for the index.
std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> terms;
  std::string term;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!term.empty()) terms.push_back(std::move(term)), term.clear();
    } else {
      term += c;
    }
  }
  if (!term.empty()) terms.push_back(std::move(term));
  return terms;
}

// An FTS5 string: in double quotes, with quotes doubled, so that AND, OR,
// NEAR, * and column filters in the user's text are plain characters.
std::string fts5_string(std::string_view term) {
  std::string out = "\"";
  for (const char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A LIKE pattern matching `term` anywhere, with the wildcards % and _ (and
// the escape character itself) taken literally.
std::string like_pattern(std::string_view term) {
  std::string out = "%";
  for (const char c : term) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

constexpr std::string_view kSearchColumns =
    "SELECT e.id, e.relation_id, r.type, s.name, t.name, e.status, e.date, d.doc_id, d.url, e.sentence, e.curated, "
    "x.id IS NOT NULL FROM evidence e JOIN relations r ON r.id = e.relation_id "
    "JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id "
    "LEFT JOIN documents d ON d.id = e.document_id "
    "LEFT JOIN retractions x ON x.type = r.type AND x.source_id = r.source_id AND x.target_id = r.target_id ";

SearchHit hit_from(const Statement& q) {
  SearchHit h;
  h.evidence_id = q.column_int(0);
  h.relation_id = q.column_int(1);
  h.type = detail::known(parse_relation_type(q.column_text(2)), "relation type", q.column_text(2));
  h.source = q.column_text(3);
  h.target = q.column_text(4);
  h.status = detail::known(parse_status(q.column_text(5)), "status", q.column_text(5));
  h.date = q.column_text(6);
  h.doc = q.column_text(7);
  h.url = q.column_text(8);
  h.sentence = q.column_text(9);
  h.curated = q.column_int(10) != 0;
  h.retracted = q.column_int(11) != 0;
  return h;
}

}  // namespace

// With trusted_schema OFF, SQLite refuses the FTS sync triggers (a virtual
// table used from a trigger). Turning it back on is safe only when every
// trigger and view in the file is one our migrations wrote, byte for byte.
void Store::Impl::trust_schema_if_ours() {
  const auto foreign = foreign_objects(read_schema(db.get()), expected_schema());
  if (!foreign.empty())
    throw StoreError(fmt::format("{}: refusing to write: the file has schema objects aikg did not create ({}); "
                                 "it may run code when written to",
                                 path, fmt::join(foreign, ", ")));
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, nullptr);
}

void Store::Impl::quick_check(std::int64_t max_bytes) {
  const auto what = fmt::format("{}: checking the file", path);
  const std::int64_t bytes = read_int(db.get(), "PRAGMA page_count", what) * read_int(db.get(), "PRAGMA page_size", what);
  if (bytes > max_bytes) return;
  Statement q(db.get(), "PRAGMA quick_check(1)", "checking the file", 0);
  const std::string answer = q.step() ? q.column_text(0) : "no answer";
  if (answer != "ok")
    throw DamagedError(fmt::format("{}: the file is damaged ({}); see `aikg check`", path, answer));
}

void Store::Impl::schema_problems(std::vector<std::string>& problems) const {
  const Schema actual = read_schema(db.get());
  const Schema& expected = expected_schema();
  for (const auto& object : foreign_objects(actual, expected))
    problems.push_back(fmt::format("schema: {} is not aikg's (changed or added by hand?)", object));
  for (const auto& [name, object] : expected)
    if (!actual.contains(name)) problems.push_back(fmt::format("schema: {} {} is missing", object.type, name));
}

std::vector<SearchHit> Store::search(std::string_view text, std::size_t limit) const {
  const auto terms = terms_of(text);
  if (terms.empty() || limit == 0) return {};
  const bool indexed = std::all_of(terms.begin(), terms.end(),
                                   [](const std::string& t) { return count_code_points(t) >= kTrigram; });
  std::string sql(kSearchColumns);
  std::vector<std::string> values;
  if (indexed) {
    std::string match;
    for (const auto& t : terms) match += (match.empty() ? "" : " ") + fts5_string(t);
    values.push_back(std::move(match));
    sql += "JOIN evidence_fts f ON f.rowid = e.id WHERE evidence_fts MATCH ?1 ORDER BY f.rank, e.id LIMIT ?2";
  } else {
    sql += "WHERE 1";
    for (std::size_t i = 0; i < terms.size(); ++i) {
      values.push_back(like_pattern(terms[i]));
      sql += fmt::format(" AND e.sentence LIKE ?{} ESCAPE '\\'", i + 2);
    }
    sql += " ORDER BY coalesce(e.date, '') DESC, e.id LIMIT ?1";
  }
  Statement q(impl_->db.get(), sql, "searching evidence", 0);
  const int limit_index = indexed ? 2 : 1;
  q.bind_int(limit_index, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  for (std::size_t i = 0; i < values.size(); ++i) q.bind_text(indexed ? 1 : static_cast<int>(i + 2), values[i]);
  std::vector<SearchHit> out;
  while (q.step()) out.push_back(hit_from(q));
  return out;
}

}  // namespace aikg
