#include "aikg/store.hpp"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "aikg/error.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/mention.hpp"
#include "aikg/summary.hpp"
#include "aikg/taxonomy.hpp"

namespace fs = std::filesystem;
using namespace aikg;
using Catch::Matchers::Contains;

namespace {

// A database path in the temp directory; the file and its WAL companions are
// removed when the test ends.
class TempDb {
 public:
  TempDb() : path_(fs::temp_directory_path() / fmt::format("aikg_store_test_{}_{}.db", ::getpid(), counter_++)) {
    remove_files();
  }
  ~TempDb() { remove_files(); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;

  const fs::path& path() const { return path_; }

 private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path_.string() + suffix, ignored);
  }
  static inline int counter_ = 0;
  fs::path path_;
};

// The file opened with the plain SQLite API, as an analyst's tool would.
class RawDb {
 public:
  explicit RawDb(const fs::path& path) { REQUIRE(sqlite3_open(path.string().c_str(), &db_) == SQLITE_OK); }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  void exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    INFO(sql << ": " << (message ? message : ""));
    sqlite3_free(message);
    REQUIRE(rc == SQLITE_OK);
  }
  // All rows, each as its columns joined by '|'.
  std::vector<std::string> rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        if (i) row += '|';
        row += text ? text : "NULL";
      }
      out.push_back(row);
    }
    sqlite3_finalize(stmt);
    return out;
  }
  std::string value(const std::string& sql) {
    const auto r = rows(sql);
    REQUIRE(r.size() == 1);
    return r.front();
  }
  std::int64_t integer(const std::string& sql) { return std::stoll(value(sql)); }

 private:
  sqlite3* db_ = nullptr;
};

EntityRef company(std::string name) { return EntityRef{std::move(name), EntityKind::company, false}; }

Mention mention(std::string id, RelationType type, std::string source, std::string target, Status status,
                std::string date, double confidence = 0.8) {
  Mention m;
  m.id = std::move(id);
  m.type = type;
  m.source = company(std::move(source));
  m.target = company(std::move(target));
  m.status = status;
  m.confidence = confidence;
  m.sentence = fmt::format("{} and {} announced it.", m.source.name, m.target.name);
  m.begin = 10;
  m.end = 10 + m.sentence.size();
  m.date = std::move(date);
  m.cue = "announced";
  return m;
}

DocumentMentions document(std::string id, std::string content_hash, std::vector<Mention> mentions,
                          std::string date = "2024-01-01") {
  DocumentMentions d;
  d.article.id = std::move(id);
  d.article.title = "Title of " + d.article.id;
  d.article.url = "https://news.example/" + d.article.id;
  d.article.source = "Example News";
  d.article.published = date;
  d.article.text = "Some article text.";
  d.article.origin = "samples/" + d.article.id + ".txt";
  d.content_hash = std::move(content_hash);
  d.date = std::move(date);
  d.mentions = std::move(mentions);
  return d;
}

const RelationRow& only_relation(const std::vector<RelationRow>& rows) {
  REQUIRE(rows.size() == 1);
  return rows.front();
}

std::vector<RelationRow> all_relations(const Store& store, bool with_evidence = false) {
  return store.relations({}, with_evidence);
}

bool same_counts(const Store::Counts& a, const Store::Counts& b) {
  return a.documents == b.documents && a.entities == b.entities && a.relations == b.relations &&
         a.evidence == b.evidence;
}

void require_consistent(const fs::path& path) {
  RawDb raw(path);
  CHECK(raw.rows("PRAGMA foreign_key_check").empty());
  CHECK(raw.value("PRAGMA integrity_check") == "ok");
  // The stored summary equals a recount of the evidence.
  CHECK(raw.rows("SELECT r.id FROM relations r WHERE r.evidence_count <> "
                 "(SELECT count(*) FROM evidence e WHERE e.relation_id = r.id) OR r.evidence_count = 0")
            .empty());
  // The search index holds exactly the evidence sentences, nothing waits.
  raw.exec("INSERT INTO evidence_fts(evidence_fts, rank) VALUES ('integrity-check', 1)");
  CHECK(raw.integer("SELECT count(*) FROM evidence_fts_pending") == 0);
  CHECK(raw.integer("SELECT count(*) FROM evidence_fts_docsize") == raw.integer("SELECT count(*) FROM evidence"));
}

// Makes SQLite refuse an entity named 'Poison': a document naming it in its
// second mention fails halfway, after its first mention's entities, relation
// and evidence were written.
void poison_entity_named_poison(const fs::path& path) {
  RawDb(path).exec(
      "CREATE TRIGGER poison BEFORE INSERT ON entities WHEN NEW.name = 'Poison' "
      "BEGIN SELECT RAISE(ABORT, 'poisoned entity'); END");
}

// The same failure without a trigger: put_documents runs with the triggers
// off (store/ingest.cpp), so there an index on an expression that fails
// (integer overflow) for that one name makes the insert fail instead.
void poison_entity_named_poison_by_index(const fs::path& path) {
  RawDb(path).exec(
      "CREATE INDEX poison ON entities(CASE WHEN name = 'Poison' THEN abs(-9223372036854775807 - 1) END)");
}

const Gazetteer kNoGazetteer;

}  // namespace

TEST_CASE("a new file is marked as aikg's and migrated to the latest schema", "[store]") {
  TempDb db;
  REQUIRE(Store::latest_schema_version() >= 1);
  {
    Store store(db.path());
    CHECK(store.schema_version() == Store::latest_schema_version());
    CHECK(same_counts(store.counts(), {}));
  }
  RawDb raw(db.path());
  CHECK(raw.integer("PRAGMA application_id") == 0x41494B47);
  CHECK(raw.integer("PRAGMA user_version") == Store::latest_schema_version());
  CHECK(raw.value("PRAGMA journal_mode") == "wal");
  CHECK(raw.rows("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name") ==
        std::vector<std::string>{"v_curation", "v_entity_summary", "v_evidence", "v_relations"});
}

TEST_CASE("opening a missing file without create fails", "[store]") {
  TempDb db;
  StoreOptions no_create;
  no_create.create = false;
  CHECK_THROWS_AS(Store(db.path(), no_create), StoreError);
  CHECK_FALSE(fs::exists(db.path()));
}

TEST_CASE("reopening an aikg file writes nothing", "[store]") {
  TempDb db;
  { Store store(db.path()); }
  RawDb watcher(db.path());
  const auto before = watcher.integer("PRAGMA data_version");
  {
    Store again(db.path());
    CHECK(again.schema_version() == Store::latest_schema_version());
  }
  // data_version changes when any other connection commits.
  CHECK(watcher.integer("PRAGMA data_version") == before);
}

TEST_CASE("a SQLite file made by someone else is refused and left alone", "[store]") {
  TempDb db;
  {
    RawDb other(db.path());
    other.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
  }
  CHECK_THROWS_WITH(Store(db.path()), Contains("not an aikg database"));
  StoreOptions read_only;
  read_only.read_only = true;
  CHECK_THROWS_WITH(Store(db.path(), read_only), Contains("not an aikg database"));

  RawDb raw(db.path());
  CHECK(raw.integer("PRAGMA application_id") == 0);
  CHECK(raw.integer("PRAGMA user_version") == 0);
  CHECK(raw.value("PRAGMA journal_mode") == "delete");
}

TEST_CASE("a file that is not SQLite at all is refused and left alone", "[store]") {
  TempDb db;
  const std::string text = "name\tkind\nThis is a TSV file, not a database. It is long enough to have a header.\n";
  { std::ofstream(db.path(), std::ios::binary) << text; }
  CHECK_THROWS_WITH(Store(db.path()), Contains("not an aikg database"));
  std::ifstream in(db.path(), std::ios::binary);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == text);
}

TEST_CASE("a file with another application id is refused", "[store]") {
  TempDb db;
  { RawDb(db.path()).exec("PRAGMA application_id = 0x47504B47"); }  // GeoPackage
  CHECK_THROWS_WITH(Store(db.path()), Contains("not an aikg database") && Contains("0x47504b47"));
}

TEST_CASE("a file written by a newer aikg is refused", "[store]") {
  TempDb db;
  { Store store(db.path()); }
  const int newer = Store::latest_schema_version() + 1;
  { RawDb(db.path()).exec(fmt::format("PRAGMA user_version = {}", newer)); }
  CHECK_THROWS_WITH(Store(db.path()), Contains("newer") && Contains(std::to_string(newer)));
}

TEST_CASE("a failed migration changes nothing and names its file", "[store]") {
  TempDb db;
  {
    // aikg's mark, but no schema and a table in the way of the first migration.
    RawDb raw(db.path());
    raw.exec("PRAGMA application_id = 0x41494B47");
    raw.exec("CREATE TABLE documents(x)");
  }
  CHECK_THROWS_WITH(Store(db.path()), Contains("schema/001_init.sql") && Contains("already exists"));
  StoreOptions read_only;
  read_only.read_only = true;
  CHECK_THROWS_WITH(Store(db.path(), read_only), Contains("too old"));

  RawDb raw(db.path());
  CHECK(raw.integer("PRAGMA user_version") == 0);
  CHECK(raw.rows("SELECT name FROM sqlite_schema") == std::vector<std::string>{"documents"});
}

TEST_CASE("lookup tables are filled from taxonomy.hpp", "[store]") {
  TempDb db;
  { Store store(db.path()); }
  RawDb raw(db.path());
  CHECK(raw.integer("SELECT count(*) FROM relation_types") == static_cast<std::int64_t>(kRelationTypes.size()));
  CHECK(raw.integer("SELECT count(*) FROM statuses") == static_cast<std::int64_t>(kStatuses.size()));
  CHECK(raw.integer("SELECT count(*) FROM entity_kinds") == static_cast<std::int64_t>(kEntityKinds.size()));
  CHECK(raw.value("SELECT directed || '|' || description FROM relation_types WHERE name = 'investment'") ==
        "1|investor -> investee: equity, funding, stake");
  CHECK(raw.integer("SELECT rank FROM statuses WHERE name = 'ended'") == rank(Status::ended));

  SECTION("and repaired when someone edited them") {
    raw.exec("UPDATE relation_types SET description = 'edited' WHERE name = 'mou'");
    { Store store(db.path()); }
    CHECK(raw.value("SELECT description FROM relation_types WHERE name = 'mou'") ==
          "memorandum of understanding or business agreement");
  }
}

TEST_CASE("ingesting the same document twice changes nothing", "[store]") {
  TempDb db;
  Store store(db.path());
  const auto doc = document("d1", "h1",
                            {mention("m1", RelationType::mou, "Naver", "Samsung Electronics", Status::done, ""),
                             mention("m2", RelationType::investment, "SK Telecom", "Anthropic", Status::done, "")});
  const auto first = store.put_document(doc, kNoGazetteer);
  CHECK(first.outcome == IngestResult::Outcome::added);
  CHECK(first.evidence_added == 2);
  const auto counts = store.counts();
  CHECK(counts.documents == 1);
  CHECK(counts.entities == 4);
  CHECK(counts.relations == 2);
  CHECK(counts.evidence == 2);

  const auto second = store.put_document(doc, kNoGazetteer);
  CHECK(second.outcome == IngestResult::Outcome::unchanged);
  CHECK(second.evidence_added == 0);
  CHECK(same_counts(store.counts(), counts));

  SECTION("also from a new Store on the same file") {
    Store again(db.path());
    CHECK(again.put_document(doc, kNoGazetteer).outcome == IngestResult::Outcome::unchanged);
    CHECK(same_counts(again.counts(), counts));
  }
  require_consistent(db.path());
}

TEST_CASE("a changed document replaces its evidence and drops orphan relations", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(document("d1", "v1",
                              {mention("d1-a", RelationType::partnership, "Kakao", "Naver", Status::talks, "2024-01-01"),
                               mention("d1-b", RelationType::mou, "Kakao", "LG CNS", Status::done, "2024-01-01")}),
                     kNoGazetteer);
  store.put_document(
      document("d2", "other", {mention("d2-a", RelationType::partnership, "Kakao", "Naver", Status::talks, "2023-06-01")}),
      kNoGazetteer);
  const auto partnership_id = store.relations({{}, {RelationType::partnership}}, false).at(0).id;

  const auto result = store.put_document(
      document("d1", "v2", {mention("d1-c", RelationType::partnership, "Kakao", "Naver", Status::done, "2024-02-01")}),
      kNoGazetteer);
  CHECK(result.outcome == IngestResult::Outcome::updated);
  CHECK(result.evidence_added == 1);

  const auto rows = all_relations(store, true);
  const RelationRow& r = only_relation(rows);  // the MOU lost its only evidence
  CHECK(r.id == partnership_id);              // still supported, so it keeps its id
  CHECK(r.type == RelationType::partnership);
  CHECK(r.evidence_count == 2);
  CHECK(r.status == Status::done);
  CHECK(r.first_seen == "2023-06-01");
  CHECK(r.last_seen == "2024-02-01");
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].doc == "d2");
  CHECK(r.evidence[1].doc == "d1");
  CHECK(r.evidence[1].date == "2024-02-01");

  const auto counts = store.counts();
  CHECK(counts.documents == 2);
  CHECK(counts.evidence == 2);
  CHECK(counts.entities == 3);  // entities stay: they are knowledge, not evidence
  require_consistent(db.path());
}

TEST_CASE("an update that drops every mention leaves the document without evidence", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(
      document("d1", "v1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  CHECK(store.put_document(document("d1", "v2", {}), kNoGazetteer).outcome == IngestResult::Outcome::updated);
  const auto counts = store.counts();
  CHECK(counts.documents == 1);
  CHECK(counts.relations == 0);
  CHECK(counts.evidence == 0);
  require_consistent(db.path());
}

TEST_CASE("a mention id stored before is not stored again, nor its relation", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(
      document("d1", "h1", {mention("same-id", RelationType::mou, "Kakao", "Naver", Status::done, "")}), kNoGazetteer);
  const auto result = store.put_document(
      document("d2", "h2", {mention("same-id", RelationType::mou, "Kakao", "KT", Status::done, "")}), kNoGazetteer);
  CHECK(result.outcome == IngestResult::Outcome::added);
  CHECK(result.evidence_added == 0);
  CHECK(only_relation(all_relations(store)).target_name == "Naver");
  require_consistent(db.path());
}

TEST_CASE("the same content under another id is a duplicate", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(
      document("d1", "same", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  const auto counts = store.counts();
  const auto result = store.put_document(
      document("copy-of-d1", "same", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  CHECK(result.outcome == IngestResult::Outcome::duplicate);
  CHECK(result.evidence_added == 0);
  CHECK(same_counts(store.counts(), counts));
}

TEST_CASE("a relation seen in two documents is stored once", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-03-05", 0.7)}),
      kNoGazetteer);
  store.put_document(
      document("d2", "h2", {mention("m2", RelationType::mou, "Kakao", "Naver", Status::done, "2023-11-20", 0.9)}),
      kNoGazetteer);
  // Another type between the same two is another relation.
  store.put_document(
      document("d3", "h3", {mention("m3", RelationType::meeting, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);

  const auto mous = store.relations({{}, {RelationType::mou}}, true);
  const RelationRow& r = only_relation(mous);
  CHECK(r.source_name == "Kakao");
  CHECK(r.target_name == "Naver");
  CHECK(r.evidence_count == 2);
  CHECK(r.first_seen == "2023-11-20");
  CHECK(r.last_seen == "2024-03-05");
  CHECK(r.confidence == Approx(0.9));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].doc == "d2");  // evidence in date order
  CHECK(r.evidence[0].url == "https://news.example/d2");
  CHECK(r.evidence[1].doc == "d1");
  CHECK(store.evidence(r.id).size() == 2);
  CHECK(all_relations(store).size() == 2);
  require_consistent(db.path());
}

TEST_CASE("a relation's status is that of its latest evidence, the most definite on equal dates", "[store]") {
  struct Evidence {
    Status status;
    const char* date;
  };
  struct Case {
    const char* name;
    std::vector<Evidence> evidence;
    Status expected;
  };
  const std::vector<Case> cases{
      {"later talks win over earlier done", {{Status::done, "2024-01-01"}, {Status::talks, "2024-02-01"}}, Status::talks},
      {"a later denial ends it", {{Status::planned, "2024-01-01"}, {Status::ended, "2024-03-01"}}, Status::ended},
      {"same date: the most definite", {{Status::talks, "2024-01-01"}, {Status::done, "2024-01-01"},
                                        {Status::speculated, "2024-01-01"}}, Status::done},
      {"undated evidence counts as the oldest", {{Status::done, ""}, {Status::speculated, "2023-01-01"}},
       Status::speculated},
      {"all undated: the most definite", {{Status::talks, ""}, {Status::planned, ""}}, Status::planned},
  };
  for (const Case& c : cases) {
    // Every arrival order gives the same answer, and a recomputation after
    // an update agrees with the incremental summary.
    std::vector<std::size_t> order(c.evidence.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    do {
      TempDb db;
      Store store(db.path());
      for (const std::size_t i : order) {
        const auto id = fmt::format("d{}", i);
        store.put_document(document(id, id, {mention(id, RelationType::contract, "KT", "Microsoft",
                                                     c.evidence[i].status, c.evidence[i].date)},
                                    ""),
                           kNoGazetteer);
      }
      INFO(c.name << ", first document d" << order.front());
      CHECK(only_relation(all_relations(store)).status == c.expected);

      store.put_document(document("unrelated", "u1", {mention("u1", RelationType::contract, "KT", "Microsoft",
                                                              Status::talks, "1999-01-01")}),
                         kNoGazetteer);
      store.put_document(document("unrelated", "u2", {}), kNoGazetteer);  // recomputes the relation
      CHECK(only_relation(all_relations(store)).status == c.expected);
    } while (std::next_permutation(order.begin(), order.end()));
  }
}

TEST_CASE("evidence without a date of its own takes the document's date", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")}, "2024-05-06"),
      kNoGazetteer);
  const auto rows = all_relations(store, true);
  const RelationRow& r = only_relation(rows);
  CHECK(r.first_seen == "2024-05-06");
  CHECK(r.evidence.at(0).date == "2024-05-06");
}

TEST_CASE("aliases from the gazetteer resolve entities", "[store]") {
  TempDb db;
  Gazetteer gazetteer;
  gazetteer.add_tsv(
      "# name\tkind\tparent\tko_aliases\ten_aliases\n"
      "SK Group\tgroup\t\tSK그룹\t\n"
      "SK Telecom\tcompany\tSK Group\tSK텔레콤|에스케이텔레콤\tSKT\n",
      "test.tsv");
  gazetteer.add(GazetteerEntry{"Samsung Electronics", EntityKind::company, "", {"삼성전자", "Samsung Electronics"}});

  Store store(db.path());
  store.put_document(
      document("d1", "h1",
               {mention("m1", RelationType::partnership, "SK Telecom", "Samsung Electronics", Status::done, "")}),
      gazetteer);

  const auto skt = store.resolve("SK Telecom");
  REQUIRE(skt);
  CHECK(store.resolve("sk 텔레콤") == skt);
  CHECK(store.resolve("SK텔레콤") == skt);
  CHECK(store.resolve("skt") == skt);
  CHECK(store.resolve("  SK TELECOM ") == skt);
  CHECK(store.resolve("삼성 전자") == store.resolve("Samsung Electronics"));
  CHECK_FALSE(store.resolve("LG Electronics"));
  CHECK_FALSE(store.resolve(""));

  const auto e = store.entity(*skt);
  REQUIRE(e);
  CHECK(e->name == "SK Telecom");
  CHECK(e->kind == EntityKind::company);
  CHECK(e->parent == "SK Group");  // the parent is created from the gazetteer too
  CHECK_FALSE(e->candidate);
  CHECK(e->aliases == std::vector<std::string>{"SK Telecom", "SKT", "SK텔레콤", "에스케이텔레콤"});

  const auto group = store.resolve("sk그룹");
  REQUIRE(group);
  CHECK(store.entity(*group)->kind == EntityKind::group);
  CHECK_FALSE(store.entity(9999));
}

TEST_CASE("entities are listed by name with sorted aliases", "[store]") {
  TempDb db;
  Gazetteer gazetteer;
  gazetteer.add(GazetteerEntry{"Naver", EntityKind::company, "", {"네이버", "NAVER Corp", "Naver"}});
  Store store(db.path());
  Mention m = mention("m1", RelationType::mou, "Naver", "Upstage AI", Status::done, "");
  m.target.candidate = true;
  store.put_document(document("d1", "h1", {m}), gazetteer);

  const auto entities = store.entities();
  REQUIRE(entities.size() == 2);
  CHECK(entities[0].name == "Naver");
  CHECK(entities[0].aliases == std::vector<std::string>{"NAVER Corp", "Naver", "네이버"});
  CHECK_FALSE(entities[0].candidate);
  CHECK(entities[1].name == "Upstage AI");
  CHECK(entities[1].aliases == std::vector<std::string>{"Upstage AI"});
  CHECK(entities[1].candidate);
}

TEST_CASE("suggest finds near misses, closest first", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(document("d1", "h1",
                              {mention("m1", RelationType::mou, "Samsung Electronics", "Samsung SDS", Status::done, ""),
                               mention("m2", RelationType::mou, "SK Hynix", "Naver", Status::done, "")}),
                     kNoGazetteer);
  const auto near = store.suggest("Samsung Electronic");
  REQUIRE_FALSE(near.empty());
  CHECK(near.front() == "Samsung Electronics");
  CHECK(store.suggest("sk hynics") == std::vector<std::string>{"SK Hynix"});
  CHECK(store.suggest("Completely Unrelated Corp").empty());
  CHECK(store.suggest("Samsung Electronic", 0).empty());
}

TEST_CASE("rollback inside begin() leaves nothing", "[store]") {
  TempDb db;
  Store store(db.path());
  store.begin();
  store.put_document(
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  store.put_document(
      document("d2", "h2", {mention("m2", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-02")}),
      kNoGazetteer);
  CHECK(store.counts().evidence == 2);
  store.rollback();
  CHECK(same_counts(store.counts(), {}));

  // The ids cached during the rolled-back transaction must not be reused.
  store.put_document(
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  CHECK(store.counts().relations == 1);
  require_consistent(db.path());
}

TEST_CASE("a failing document inside a batch is undone alone", "[store]") {
  TempDb db;
  Store store(db.path());
  poison_entity_named_poison(db.path());
  store.begin();
  store.put_document(
      document("good-1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")}), kNoGazetteer);
  const auto fails_halfway = document("bad-1", "h2",
                                      {mention("m2", RelationType::mou, "Kakao", "LG CNS", Status::done, ""),
                                       mention("m3", RelationType::mou, "Kakao", "Poison", Status::done, "")});
  CHECK_THROWS_WITH(store.put_document(fails_halfway, kNoGazetteer),
                    Contains("bad-1") && Contains("poisoned entity"));
  const auto invalid = document("bad-2", "h3",
                                {mention("m4", RelationType::mou, "Kakao", "LG CNS", Status::done, ""),
                                 mention("", RelationType::mou, "Kakao", "KT", Status::done, "")});  // no id
  CHECK_THROWS_WITH(store.put_document(invalid, kNoGazetteer), Contains("bad-2") && Contains("mention 2"));
  store.put_document(
      document("good-2", "h4", {mention("m5", RelationType::mou, "Kakao", "Naver", Status::done, "")}), kNoGazetteer);
  store.commit();

  const auto counts = store.counts();
  CHECK(counts.documents == 2);
  CHECK(counts.entities == 2);
  CHECK(counts.relations == 1);
  CHECK(counts.evidence == 2);
  CHECK_FALSE(store.resolve("LG CNS"));
  require_consistent(db.path());
}

TEST_CASE("a failing document outside a batch leaves nothing", "[store]") {
  TempDb db;
  Store store(db.path());
  {
    RawDb(db.path()).exec(
        "CREATE TRIGGER poison BEFORE INSERT ON evidence WHEN NEW.mention_key = 'poison' "
        "BEGIN SELECT RAISE(ABORT, 'poisoned evidence'); END");
  }
  const auto fails_halfway = document("bad", "h1",
                                      {mention("m1", RelationType::mou, "Kakao", "LG CNS", Status::done, ""),
                                       mention("poison", RelationType::mou, "Kakao", "KT", Status::done, "")});
  CHECK_THROWS_WITH(store.put_document(fails_halfway, kNoGazetteer), Contains("poisoned evidence"));
  CHECK(same_counts(store.counts(), {}));
  // Nothing cached from the failed attempt is reused.
  store.put_document(
      document("good", "h2", {mention("m2", RelationType::mou, "Kakao", "LG CNS", Status::done, "")}), kNoGazetteer);
  CHECK(store.counts().relations == 1);
  require_consistent(db.path());
}

TEST_CASE("begin, commit and rollback are checked", "[store]") {
  TempDb db;
  Store store(db.path());
  CHECK_THROWS_AS(store.commit(), StoreError);
  store.begin();
  CHECK_THROWS_AS(store.begin(), StoreError);
  store.commit();
  store.rollback();  // nothing open: nothing to do
}

TEST_CASE("another writer's commits do not confuse the cached ids", "[store]") {
  TempDb db;
  Store first(db.path());
  Store second(db.path());
  first.put_document(
      document("d1", "v1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")}),
      kNoGazetteer);
  // The second writer replaces d1, which deletes the relation first cached.
  second.put_document(document("d1", "v2", {}), kNoGazetteer);
  first.put_document(
      document("d2", "h2", {mention("m2", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-02")}),
      kNoGazetteer);
  CHECK(only_relation(all_relations(first)).evidence_count == 1);
  require_consistent(db.path());
}

TEST_CASE("a read-only store reads but does not write", "[store]") {
  TempDb db;
  const auto doc =
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "2024-01-01")});
  { Store(db.path()).put_document(doc, kNoGazetteer); }
  StoreOptions read_only;
  read_only.read_only = true;
  Store store(db.path(), read_only);
  CHECK(store.counts().evidence == 1);
  CHECK(store.schema_version() == Store::latest_schema_version());
  CHECK_THROWS_WITH(store.put_document(doc, kNoGazetteer), Contains("read-only"));
  CHECK_THROWS_WITH(store.begin(), Contains("read-only"));
}

TEST_CASE("relations are filtered by entity and type and sorted", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_document(document("d1", "h1",
                              {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, ""),
                               mention("m2", RelationType::investment, "Naver", "Upstage", Status::done, ""),
                               mention("m3", RelationType::mou, "KT", "Microsoft", Status::done, ""),
                               mention("m4", RelationType::mou, "Kakao", "LG CNS", Status::done, "")}),
                     kNoGazetteer);
  std::vector<std::string> listed;
  for (const auto& r : all_relations(store))
    listed.push_back(fmt::format("{} {} {}", name(r.type), r.source_name, r.target_name));
  CHECK(listed == std::vector<std::string>{"investment Naver Upstage", "mou KT Microsoft", "mou Kakao LG CNS",
                                           "mou Kakao Naver"});

  const auto naver = store.resolve("Naver");
  REQUIRE(naver);
  CHECK(store.relations({naver, {}}, false).size() == 2);
  CHECK(store.relations({naver, {RelationType::mou}}, false).size() == 1);
  CHECK(store.relations({{}, {RelationType::mou, RelationType::investment, RelationType::mou}}, false).size() == 4);
  CHECK(store.relations({{}, {RelationType::acquisition}}, false).empty());
  CHECK(all_relations(store).front().evidence.empty());  // only when asked
}

TEST_CASE("text is stored as given, never read as SQL", "[store]") {
  TempDb db;
  const std::string tricky = "O'Reilly \"Media\"; DROP TABLE entities; --";
  Store store(db.path());
  Mention m = mention("m1", RelationType::mou, tricky, "Naver", Status::done, "");
  m.sentence = std::string("A NUL\0inside", 13);  // bound with its length, not cut at the NUL
  store.put_document(document("d'1", "h1", {m}), kNoGazetteer);
  const auto rows = all_relations(store, true);
  const RelationRow& r = only_relation(rows);
  CHECK(r.source_name == tricky);
  CHECK(r.evidence.at(0).doc == "d'1");
  CHECK(r.evidence.at(0).sentence == m.sentence);
}

TEST_CASE("the analyst views resolve names", "[store]") {
  TempDb db;
  {
    Store store(db.path());
    store.put_document(
        document("d1", "h1", {mention("m1", RelationType::investment, "Naver", "Upstage", Status::planned, "2024-02-03")}),
        kNoGazetteer);
  }
  RawDb raw(db.path());
  CHECK(raw.value("SELECT type, source, target, status, first_seen, last_seen, evidence_count, directed "
                  "FROM v_relations") == "investment|Naver|Upstage|planned|2024-02-03|2024-02-03|1|1");
  CHECK(raw.value("SELECT type, source, target, status, date, doc_id, title, url FROM v_evidence") ==
        "investment|Naver|Upstage|planned|2024-02-03|d1|Title of d1|https://news.example/d1");
  CHECK(raw.value("SELECT char_count FROM documents") == "18");
}

TEST_CASE("evidence is searchable after each commit, also what another program inserted", "[store]") {
  TempDb db;
  {
    Store store(db.path());
    store.begin();
    store.put_document(
        document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")}), kNoGazetteer);
    {
      RawDb raw(db.path());  // the batch is not committed: nothing is visible, nothing indexed
      CHECK(raw.integer("SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH '\"Kakao\"'") == 0);
    }
    store.commit();
    CHECK(store.search("Kakao").size() == 1);
    // Outside a batch a document commits, and is indexed, on its own.
    store.put_document(
        document("d2", "h2", {mention("m2", RelationType::mou, "Kakao", "LG CNS", Status::done, "")}), kNoGazetteer);
    CHECK(store.search("LG CNS").size() == 1);
  }
  {
    RawDb raw(db.path());
    raw.exec("INSERT INTO evidence(relation_id, document_id, mention_key, sentence, begin_char, end_char, status) "
             "SELECT relation_id, document_id, 'by-hand', 'Naver typed this in by hand.', 0, 10, 'done' "
             "FROM evidence WHERE mention_key = 'm1'");
    raw.exec("UPDATE relations SET evidence_count = evidence_count + 1 WHERE id = "
             "(SELECT relation_id FROM evidence WHERE mention_key = 'm1')");
    CHECK(raw.integer("SELECT count(*) FROM evidence_fts_pending") == 1);
  }
  CHECK(Store(db.path(), {.read_only = true}).search("typed this").empty());  // a reader cannot index
  CHECK(Store(db.path()).search("typed this").size() == 1);                   // the next writer does
  require_consistent(db.path());
}

TEST_CASE("a batch does the triggers' work itself: one generation move, evidence searchable, triggers on after",
          "[store]") {
  TempDb db;
  Store store(db.path());
  const auto generation = [&] { return RawDb(db.path()).integer("SELECT value FROM graph_generation"); };
  const std::vector<DocumentMentions> batch{
      document("d1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")}),
      document("d2", "h2", {mention("m2", RelationType::investment, "Naver", "LG CNS", Status::done, "")})};
  const auto before = generation();
  store.put_documents(batch, kNoGazetteer);
  CHECK(generation() == before + 1);  // four entities and two relations, one move
  store.put_documents(batch, kNoGazetteer);
  CHECK(generation() == before + 1);  // nothing written, nothing moved
  CHECK(store.search("LG CNS").size() == 1);
  CHECK(RawDb(db.path()).integer("SELECT count(*) FROM evidence_fts_pending") == 0);

  // A new version replaces its evidence in the index too.
  auto changed = document("d2", "h2b", {mention("m2b", RelationType::investment, "Naver", "Kakao Bank", Status::done, "")});
  store.put_documents(std::vector<DocumentMentions>{changed}, kNoGazetteer);
  CHECK(store.search("LG CNS").empty());
  CHECK(store.search("Kakao Bank").size() == 1);
  CHECK(generation() == before + 2);

  // The connection's triggers are back on: a single document moves it through them.
  const auto after_batches = generation();
  store.put_document(document("d3", "h3", {mention("m3", RelationType::mou, "KT", "Naver", Status::done, "")}),
                     kNoGazetteer);
  CHECK(generation() > after_batches);
  require_consistent(db.path());
}

// put_documents indexes its new evidence by id range, from the smallest id it
// inserted; a document replaced within the batch frees the largest ids, which
// SQLite gives out again, below ids the batch inserted earlier.
TEST_CASE("a batch indexes all its evidence, also under ids a replaced document freed", "[store]") {
  TempDb db;
  Store store(db.path());
  store.put_documents(std::vector<DocumentMentions>{document(
                          "old", "h0", {mention("m0", RelationType::mou, "Kakao", "Naver", Status::done, "")})},
                      kNoGazetteer);
  const std::vector<DocumentMentions> batch{
      document("d1", "h1",
               {mention("m1", RelationType::mou, "Kakao", "LG CNS", Status::done, ""),
                mention("m2", RelationType::mou, "Kakao", "KT", Status::done, "")}),
      document("d1", "h1b", {}),  // frees ids 2 and 3
      document("old", "h0b", {mention("m4", RelationType::mou, "Naver", "Krafton", Status::done, "")})};
  const auto outcomes = store.put_documents(batch, kNoGazetteer);
  REQUIRE(outcomes.size() == 3);
  CHECK(RawDb(db.path()).value("SELECT group_concat(id) FROM evidence") == "1");  // m4 took m0's freed id
  CHECK(store.search("Krafton").size() == 1);
  CHECK(store.search("LG CNS").empty());
  CHECK(store.search("Kakao").empty());
  require_consistent(db.path());
}

TEST_CASE("a batch stores its documents in one go; a failing one is undone alone and reported", "[store]") {
  TempDb db;
  Store store(db.path());
  poison_entity_named_poison_by_index(db.path());
  const std::vector<DocumentMentions> batch{
      document("good-1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")}),
      document("bad-1", "h2",
               {mention("m2", RelationType::mou, "Kakao", "LG CNS", Status::done, ""),
                mention("m3", RelationType::mou, "Kakao", "Poison", Status::done, "")}),
      document("bad-2", "h3", {mention("", RelationType::mou, "Kakao", "KT", Status::done, "")}),
      document("good-2", "h4", {mention("m5", RelationType::mou, "Kakao", "Naver", Status::done, "")}),
      document("good-1", "h1", {mention("m1", RelationType::mou, "Kakao", "Naver", Status::done, "")})};
  const auto outcomes = store.put_documents(batch, kNoGazetteer);
  REQUIRE(outcomes.size() == batch.size());
  CHECK(outcomes[0].error.empty());
  CHECK(outcomes[0].result.outcome == IngestResult::Outcome::added);
  CHECK_THAT(outcomes[1].error, Contains("bad-1") && Contains("integer overflow"));
  CHECK_THAT(outcomes[2].error, Contains("bad-2"));
  CHECK(outcomes[3].error.empty());
  CHECK(outcomes[3].result.evidence_added == 1);
  CHECK(outcomes[4].result.outcome == IngestResult::Outcome::unchanged);  // the batch sees its own writes

  const auto counts = store.counts();
  CHECK(counts.documents == 2);
  CHECK(counts.relations == 1);
  CHECK(counts.evidence == 2);
  CHECK_FALSE(store.resolve("LG CNS"));
  require_consistent(db.path());

  store.begin();
  CHECK_THROWS_WITH(store.put_documents(batch, kNoGazetteer), Contains("inside begin()"));
  store.rollback();
}

TEST_CASE("a batch gives the same database as its documents stored one by one", "[store]") {
  std::vector<DocumentMentions> docs;
  for (int i = 0; i < 30; ++i)
    docs.push_back(document(fmt::format("d{}", i), fmt::format("h{}", i),
                            {mention(fmt::format("m{}a", i), RelationType::partnership, fmt::format("Org {}", i % 7),
                                     fmt::format("Org {}", (i * 3 + 1) % 11), Status::talks, ""),
                             mention(fmt::format("m{}b", i), RelationType::investment, "Fund",
                                     fmt::format("Org {}", i % 5), Status::done, fmt::format("2024-0{}-01", 1 + i % 9))}));
  docs.push_back(document("d3", "h3-v2", {mention("m3c", RelationType::mou, "Org 3", "Org 4", Status::done, "")}));
  TempDb one_by_one, batched;
  {
    Store store(one_by_one.path());
    for (const auto& d : docs) store.put_document(d, kNoGazetteer);
  }
  {
    Store store(batched.path());
    const auto outcomes = store.put_documents(docs, kNoGazetteer);
    CHECK(outcomes.back().result.outcome == IngestResult::Outcome::updated);
  }
  const std::string dump =
      "SELECT r.id, r.type, s.name, t.name, r.status, r.first_seen, r.last_seen, r.evidence_count, "
      "(SELECT group_concat(e.id || ':' || e.sentence, ';') FROM evidence e WHERE e.relation_id = r.id) "
      "FROM relations r JOIN entities s ON s.id = r.source_id JOIN entities t ON t.id = r.target_id ORDER BY r.id";
  CHECK(RawDb(batched.path()).rows(dump) == RawDb(one_by_one.path()).rows(dump));
  require_consistent(batched.path());
}

TEST_CASE("sort_relations orders by type name, source name, target name", "[store]") {
  std::vector<RelationRow> rows;
  const std::array<RelationType, 3> types{RelationType::supply, RelationType::investment, RelationType::mou};
  for (int i = 0; i < 500; ++i) {
    RelationRow r;
    r.id = i;
    r.type = types[static_cast<std::size_t>(i * 7 % 3)];
    r.source_name = fmt::format("Org {}", i * 37 % 41);
    r.target_name = fmt::format("삼성 {}", i * 13 % 29);
    r.first_seen = fmt::format("row {}", i);  // travels with its row
    rows.push_back(r);
  }
  auto expected = rows;
  std::stable_sort(expected.begin(), expected.end(), [](const RelationRow& a, const RelationRow& b) {
    return std::tuple(std::string(name(a.type)), a.source_name, a.target_name) <
           std::tuple(std::string(name(b.type)), b.source_name, b.target_name);
  });
  sort_relations(rows);
  REQUIRE(rows.size() == expected.size());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto key = [](const RelationRow& r) { return std::tuple(std::string(name(r.type)), r.source_name, r.target_name); };
    CHECK(key(rows[i - 1]) <= key(rows[i]));
    CHECK(key(rows[i]) == key(expected[i]));
    CHECK(rows[i].first_seen == fmt::format("row {}", rows[i].id));
  }
}

// The summary the database shows (v_relations) must be RelationSummary's rule
// applied to the evidence the database shows (v_evidence), whichever way the
// store got there: a new relation, evidence folded in, evidence replaced by a
// new version of a document, evidence moved by a merge.
TEST_CASE("the stored summary of every relation is RelationSummary over its evidence", "[store][summary]") {
  TempDb db;
  {
    Store store(db.path());
    const auto T = RelationType::partnership;
    store.put_document(document("a", "h1", {mention("a1", T, "Alpha", "Beta", Status::talks, "2024-03-01", 0.5),
                                             mention("a2", T, "Alpha", "Beta", Status::done, "2024-03-01", 0.7),
                                             mention("a3", RelationType::investment, "Beta", "Gamma",
                                                     Status::planned, "", 0.9)},
                                        ""),
                       kNoGazetteer);
    store.put_document(document("b", "h2", {mention("b1", T, "Alpha", "Beta", Status::speculated, "2024-02-01", 0.9),
                                             mention("b2", T, "Beta", "Delta", Status::ended, "2024-05-01"),
                                             mention("b3", RelationType::investment, "Beta", "Gamma",
                                                     Status::done, "2023-01-01", 0.4)}),
                       kNoGazetteer);
    // A new version of "a" replaces its evidence: the summaries are recomputed.
    store.put_document(document("a", "h3", {mention("a4", T, "Alpha", "Beta", Status::planned, "2024-04-01", 0.6)}),
                       kNoGazetteer);
    store.put_document(document("c", "h4", {mention("c1", T, "Delta", "Gamma", Status::talks, "2024-06-01")}), kNoGazetteer);
    store.merge("Delta", "Alpha");  // moves and folds relations: recomputed again
  }
  RawDb raw(db.path());
  const auto relations = raw.rows(
      "SELECT id, status, coalesce(first_seen, ''), coalesce(last_seen, ''), confidence, evidence_count "
      "FROM v_relations ORDER BY id");
  REQUIRE(relations.size() >= 3);
  for (const auto& row : relations) {
    CAPTURE(row);
    const std::string id = row.substr(0, row.find('|'));
    RelationSummary expected;
    for (const auto& e : raw.rows("SELECT status, coalesce(date, ''), confidence FROM v_evidence WHERE relation_id = " +
                                  id)) {
      const auto p1 = e.find('|'), p2 = e.find('|', p1 + 1);
      expected.add(RelationSummary::of(*parse_status(e.substr(0, p1)), e.substr(p1 + 1, p2 - p1 - 1),
                                       std::stod(e.substr(p2 + 1))));
    }
    const std::string want = fmt::format("{}|{}|{}|{}|{}|{}", id, name(expected.status), expected.first_seen,
                                         expected.last_seen, raw.value("SELECT max(confidence) FROM v_evidence "
                                                                       "WHERE relation_id = " + id),
                                         expected.evidence_count);
    CHECK(row == want);
    CHECK(std::stod(raw.value("SELECT confidence FROM relations WHERE id = " + id)) == expected.confidence);
  }
}

TEST_CASE("RelationSummary gives the same summary whatever the order of the evidence", "[summary]") {
  const std::vector<RelationSummary> evidence{
      RelationSummary::of(Status::talks, "2024-03-01", 0.5), RelationSummary::of(Status::done, "2024-03-01", 0.7),
      RelationSummary::of(Status::planned, "", 0.9), RelationSummary::of(Status::ended, "2024-01-01", 0.2)};
  std::vector<std::size_t> order{0, 1, 2, 3};
  do {
    RelationSummary s;
    for (const auto i : order) s.add(evidence[i]);
    CHECK(s.status == Status::done);  // the latest date, the most definite on it
    CHECK(s.first_seen == "2024-01-01");
    CHECK(s.last_seen == "2024-03-01");
    CHECK(s.confidence == 0.9);
    CHECK(s.evidence_count == 4);
  } while (std::next_permutation(order.begin(), order.end()));
}
