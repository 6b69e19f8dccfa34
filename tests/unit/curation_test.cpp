// Curation, search, publish and check: what analysts do to and with the file.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "aikg/error.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/mention.hpp"
#include "aikg/store.hpp"

namespace fs = std::filesystem;
using namespace aikg;
using Catch::Matchers::Contains;

namespace {

void remove_db(const fs::path& p) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix, ignored);
}

class TempDb {
 public:
  TempDb() : path_(fs::temp_directory_path() / fmt::format("aikg_curation_test_{}_{}.db", ::getpid(), counter_++)) {
    remove_db(path_);
  }
  ~TempDb() { remove_db(path_); }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

// Runs SQL on the file behind aikg's back, as an analyst's tool would.
std::string raw_value(const fs::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
  INFO(sql << ": " << sqlite3_errmsg(db));
  REQUIRE(rc == SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

Mention mention(std::string id, RelationType type, std::string source, std::string target, std::string sentence) {
  Mention m;
  m.id = std::move(id);
  m.type = type;
  m.source = EntityRef{std::move(source), EntityKind::company, false};
  m.target = EntityRef{std::move(target), EntityKind::company, false};
  m.status = Status::done;
  m.confidence = 0.8;
  m.sentence = std::move(sentence);
  m.date = "2024-05-01";
  return m;
}

DocumentMentions document(std::string id, std::string hash, std::vector<Mention> mentions) {
  DocumentMentions d;
  d.article.id = std::move(id);
  d.article.text = "text";
  d.content_hash = std::move(hash);
  d.date = "2024-05-01";
  d.mentions = std::move(mentions);
  return d;
}

const Gazetteer kNoGazetteer;

// Three companies, two relations, Korean sentences.
void seed(Store& store) {
  store.put_document(document("d1", "h1",
                              {mention("m1", RelationType::mou, "OpenAI", "Samsung", "삼성전자는 오픈AI와 업무협약을 맺었다"),
                               mention("m2", RelationType::mou, "Kakao", "OpenAI", "카카오가 오픈AI와 손잡았다")}),
                     kNoGazetteer);
}

std::vector<std::string> pairs(const Store& store, bool include_retracted = false) {
  Store::RelationFilter f;
  f.include_retracted = include_retracted;
  std::vector<std::string> out;
  for (const auto& r : store.relations(f, false)) out.push_back(r.source_name + "-" + r.target_name);
  return out;
}

}  // namespace

TEST_CASE("search uses the trigram index for 3+ characters and LIKE for shorter terms", "[curation]") {
  TempDb db;
  Store store(db.path());
  seed(store);
  CHECK(store.search("업무협약").size() == 1);
  CHECK(store.search("오픈AI").size() == 2);
  CHECK(store.search("오픈ai").size() == 2);  // trigram is case-insensitive
  CHECK(store.search("삼성").size() == 1);     // two syllables: the LIKE fallback
  CHECK(store.search("오픈AI 카카오").size() == 1);
  CHECK(store.search("오픈AI 카카오", 0).empty());
  CHECK(store.search("   ").empty());
}

TEST_CASE("search takes FTS5 operators and LIKE wildcards literally", "[curation]") {
  TempDb db;
  Store store(db.path());
  seed(store);
  CHECK(store.search("오픈AI OR 없는말").empty());  // OR is a term, not an operator
  CHECK(store.search("\"오픈AI").empty());
  CHECK(store.search("NEAR(삼성전자 오픈AI)").empty());
  CHECK(store.search("%").empty());
  CHECK(store.search("_").empty());
  CHECK_NOTHROW(store.search("*"));
}

TEST_CASE("check reports a clean file as clean and a broken foreign key as a problem", "[curation]") {
  TempDb db;
  {
    Store store(db.path());
    seed(store);
    const auto report = store.check();
    INFO(fmt::format("{}", fmt::join(report.problems, "\n")));
    CHECK(report.clean());
    CHECK(report.relations == 2);
    CHECK(report.schema_version == Store::latest_schema_version());
  }
  raw_value(db.path(), "UPDATE evidence SET relation_id = 4242 WHERE id = 1");  // foreign keys are off here
  StoreOptions read_only;
  read_only.read_only = true;
  const Store store(db.path(), read_only);
  const auto report = store.check();
  REQUIRE_FALSE(report.clean());
  CHECK_THAT(fmt::format("{}", fmt::join(report.problems, "\n")), Contains("foreign key: evidence row 1"));
}

TEST_CASE("a trigger added by hand makes the file refuse writes", "[curation]") {
  TempDb db;
  { Store store(db.path()); }
  raw_value(db.path(), "CREATE TRIGGER sneaky AFTER INSERT ON entities BEGIN SELECT 1; END");
  CHECK_THROWS_WITH(Store(db.path()), Contains("trigger sneaky"));
}

TEST_CASE("publish writes one self-contained file and refuses to overwrite", "[curation]") {
  TempDb db, out;
  Store store(db.path());
  seed(store);
  store.publish(out.path());
  CHECK_FALSE(fs::exists(out.path().string() + "-wal"));
  CHECK(raw_value(out.path(), "PRAGMA journal_mode") == "delete");
  CHECK(raw_value(out.path(), "SELECT count(*) FROM v_relations") == "2");
  CHECK_THROWS_WITH(store.publish(out.path()), Contains("already exists"));
  CHECK_NOTHROW(store.publish(out.path(), true));
}

TEST_CASE("a curated alias files later mentions under its entity", "[curation]") {
  TempDb db;
  Store store(db.path());
  seed(store);
  store.add_alias("OpenAI", "Open A.I.");
  CHECK(store.resolve("open a.i.") == store.resolve("OpenAI"));
  CHECK_THROWS_WITH(store.add_alias("OpenAI", "Kakao"), Contains("aikg merge"));
  store.put_document(document("d2", "h2", {mention("m3", RelationType::mou, "Open A.I.", "Kakao", "again")}),
                     kNoGazetteer);
  CHECK(pairs(store) == std::vector<std::string>{"Kakao-OpenAI", "OpenAI-Samsung"});
}

TEST_CASE("merge moves relations, merges duplicates, and redirects later ingests", "[curation]") {
  TempDb db;
  Store store(db.path());
  seed(store);
  store.put_document(document("d2", "h2",
                              {mention("m3", RelationType::mou, "Kakao", "Samsung Electronics", "카카오와 삼성"),
                               mention("m4", RelationType::mou, "OpenAI", "Samsung Electronics", "오픈AI와 삼성")}),
                     kNoGazetteer);
  const auto r = store.merge("Samsung Electronics", "Samsung");
  CHECK(r.moved == 0);
  CHECK(r.merged == 1);  // OpenAI-Samsung folds into OpenAI-Samsung Electronics
  CHECK(store.resolve("Samsung") == store.resolve("Samsung Electronics"));
  const auto before = pairs(store);
  CHECK(before == std::vector<std::string>{"Kakao-OpenAI", "Kakao-Samsung Electronics", "OpenAI-Samsung Electronics"});
  // A changed version of d1 still says "Samsung": it lands on the kept entity.
  auto d1 = document("d1", "h1-v2",
                     {mention("m1", RelationType::mou, "OpenAI", "Samsung", "삼성전자는 오픈AI와 업무협약을 맺었다")});
  store.put_document(d1, kNoGazetteer);
  CHECK(pairs(store) == std::vector<std::string>{"Kakao-Samsung Electronics", "OpenAI-Samsung Electronics"});
  CHECK(store.check().clean());
}

TEST_CASE("curated relations and retractions survive re-ingest", "[curation]") {
  TempDb db;
  Store store(db.path());
  seed(store);
  const auto id = store.add_relation({RelationType::investment, "Kakao", "Samsung", Status::planned,
                                      "Analyst: from the annual report", "2025-01-02"});
  const auto kakao_openai = store.retract_relation(RelationType::mou, "OpenAI", "Kakao", "Analyst: misread");
  CHECK(pairs(store) == std::vector<std::string>{"Kakao-Samsung", "OpenAI-Samsung"});
  CHECK(pairs(store, true).size() == 3);
  // Every document replaced by a version that says the same again.
  store.put_document(document("d1", "h1-v2",
                              {mention("m1b", RelationType::mou, "OpenAI", "Samsung", "삼성전자는 오픈AI와"),
                               mention("m2b", RelationType::mou, "Kakao", "OpenAI", "카카오가 오픈AI와")}),
                     kNoGazetteer);
  CHECK(pairs(store) == std::vector<std::string>{"Kakao-Samsung", "OpenAI-Samsung"});
  const auto evidence = store.evidence(id);
  REQUIRE(evidence.size() == 1);
  CHECK(evidence[0].curated);
  CHECK(evidence[0].sentence == "Analyst: from the annual report");
  CHECK(store.search("annual report").size() == 1);
  // Adding the retracted relation back by hand lifts the retraction.
  store.add_relation({RelationType::mou, "OpenAI", "Kakao", Status::done, "Analyst: confirmed after all", ""});
  CHECK(pairs(store).size() == 3);
  CHECK_THROWS_WITH(store.retract_relation(kakao_openai, ""), Contains("note"));
  CHECK_THROWS_WITH(store.retract_relation(99999, "x"), Contains("no relation with id 99999"));
  CHECK(store.check().clean());
}

TEST_CASE("an older schema migrates in place and keeps its data", "[curation]") {
  TempDb db;
  // Build version 1 from the schema file itself.
  const fs::path v1 = fs::path(AIKG_SOURCE_DIR) / "schema" / "001_init.sql";
  std::ifstream in(v1);
  const std::string schema((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.path().string().c_str(), &raw) == SQLITE_OK);
    const std::string data =
        schema +
        "PRAGMA application_id = 1095322439; PRAGMA user_version = 1;"
        "INSERT INTO entity_kinds VALUES ('company'); INSERT INTO statuses VALUES ('done', 0, 'done');"
        "INSERT INTO relation_types VALUES ('mou', 0, 'm');"
        "INSERT INTO entities(name, kind) VALUES ('Alpha', 'company'), ('Beta', 'company');"
        "INSERT INTO documents(doc_id, content_hash) VALUES ('old', 'h');"
        "INSERT INTO relations(type, source_id, target_id, status, evidence_count) VALUES ('mou', 1, 2, 'done', 1);"
        "INSERT INTO evidence(relation_id, document_id, mention_key, sentence, status) "
        "VALUES (1, 1, 'k', '알파와 베타의 업무협약', 'done');";
    REQUIRE(sqlite3_exec(raw, data.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  StoreOptions read_only;
  read_only.read_only = true;
  CHECK_THROWS_WITH(Store(db.path(), read_only), Contains("open it once for writing"));
  Store store(db.path());
  CHECK(store.schema_version() == Store::latest_schema_version());
  CHECK(pairs(store) == std::vector<std::string>{"Alpha-Beta"});
  CHECK(store.search("업무협약").size() == 1);
  CHECK(store.check().clean());
}
