// The graph snapshot (issue 19): stored with the database, keyed by the
// generation every write moves on, and giving the same graphs as the tables.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>

#include "aikg/extractor.hpp"
#include "aikg/ingest.hpp"
#include "aikg/selection.hpp"

namespace fs = std::filesystem;
using namespace aikg;

namespace {

struct TempDb {
  fs::path path = fs::temp_directory_path() / fmt::format("aikg_snapshot_test_{}.db", ::getpid());
  TempDb() { remove(); }
  ~TempDb() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  }
};

void ingest_samples(Store& store) {
  const auto extractor = make_default_extractor();
  ingest_files(store, extractor, {fs::path(AIKG_SOURCE_DIR) / "samples"}, {}, [](const ReadProblem&) {}, {});
}

// Runs one statement on the file through a connection of its own (another writer).
void sql(const fs::path& path, const char* statement) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const int rc = sqlite3_exec(db, statement, nullptr, nullptr, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// select_* with the snapshot turned off: straight from the tables.
struct WithoutSnapshot {
  WithoutSnapshot() { ::setenv("AIKG_SNAPSHOT", "off", 1); }
  ~WithoutSnapshot() { ::unsetenv("AIKG_SNAPSHOT"); }
};

auto edge_key(const Graph& g, const Edge& e) {
  const auto& p = g[e];
  return std::tuple(g[boost::source(e, g)].name, g[boost::target(e, g)].name, p.relation_id, p.type, p.status,
                    p.evidence_count, p.confidence, p.first_seen, p.last_seen);
}

auto props_key(const EdgeProps& p) {
  return std::tuple(p.relation_id, p.type, p.status, p.source_id, p.target_id, p.evidence_count, p.confidence,
                    p.first_seen, p.last_seen);
}

void check_same_graph(const AllianceGraph& a, const AllianceGraph& b) {
  REQUIRE(boost::num_vertices(a.graph) == boost::num_vertices(b.graph));
  REQUIRE(boost::num_edges(a.graph) == boost::num_edges(b.graph));
  for (Vertex v = 0; v < boost::num_vertices(a.graph); ++v) {
    CHECK(a.graph[v].name == b.graph[v].name);
    CHECK(a.graph[v].entity_id == b.graph[v].entity_id);
    CHECK(a.graph[v].kind == b.graph[v].kind);
    CHECK(a.graph[v].parent == b.graph[v].parent);
    auto [ea, enda] = boost::out_edges(v, a.graph);
    auto [eb, endb] = boost::out_edges(v, b.graph);
    for (; ea != enda && eb != endb; ++ea, ++eb) CHECK(edge_key(a.graph, *ea) == edge_key(b.graph, *eb));
    CHECK((ea == enda && eb == endb));
  }
}

}  // namespace

TEST_CASE("the snapshot is the tables' graph, stored once and rebuilt when a write moves the generation",
          "[snapshot]") {
  TempDb file;
  Store store(file.path);
  ingest_samples(store);
  const auto built = store.build_graph_snapshot();
  REQUIRE(built.relations() > 10);
  const auto first = store.graph_snapshot();
  REQUIRE(first);
  CHECK(*first == built);
  CHECK(store.graph_snapshot()->generation == first->generation);  // read back, same data
  const auto light = store.graph_snapshot(/*with_evidence=*/false);  // the columns most selections need
  CHECK(light->relation_id == built.relation_id);
  CHECK(light->evidence_count == built.evidence_count);
  CHECK(light->names == built.names);
  CHECK(light->evidence_status.empty());

  SECTION("another connection's write makes it stale") {
    sql(file.path, "UPDATE relations SET evidence_count = evidence_count + 1 WHERE id = (SELECT min(id) FROM relations)");
    const auto after = store.graph_snapshot();
    REQUIRE(after);
    CHECK(after->generation > first->generation);
    CHECK(*after == store.build_graph_snapshot());
    CHECK_FALSE(*after == *first);
  }
  SECTION("curation makes it stale") {
    store.retract_relation(first->relation_id[0], "wrong");
    const auto after = store.graph_snapshot();
    CHECK(after->generation > first->generation);
    CHECK(after->relations() == first->relations() - 1);
  }
  SECTION("a damaged stored column is not used, and check reports a wrong one") {
    sql(file.path, "UPDATE graph_snapshot SET data = zeroblob(3) WHERE part = 'source'");
    CHECK(*store.graph_snapshot() == built);  // rebuilt, not read out of bounds
    CHECK(store.check().clean());             // and stored again
    sql(file.path, "UPDATE graph_snapshot SET data = (SELECT data FROM graph_snapshot WHERE part = 'target') "
                   "WHERE part = 'source'");
    const auto report = store.check();
    REQUIRE(report.problems.size() == 1);
    CHECK_THAT(report.problems[0], Catch::Contains("graph snapshot"));
  }
}

TEST_CASE("selections from the snapshot equal selections from the tables", "[snapshot][selection]") {
  TempDb file;
  Store store(file.path);
  ingest_samples(store);
  Selection by_type;
  by_type.types = {RelationType::mou, RelationType::partnership, RelationType::investment};
  Selection well_evidenced;
  well_evidenced.min_evidence = 2;
  Selection planned;
  planned.min_status = Status::planned;
  Selection dated;
  dated.since = "2025-01-01";
  dated.min_confidence = 0.5;
  dated.min_evidence = 0;  // evidence filters still drop relations none of whose evidence passed
  Selection grouped;
  grouped.group = true;
  for (const auto& s : {Selection{}, by_type, well_evidenced, planned, dated, grouped}) {
    AllianceGraph tables_graph;
    std::vector<RelationRow> tables_rows;
    Csr tables_csr;
    {
      WithoutSnapshot off;
      tables_graph = select_graph(store, s);
      tables_rows = select_relations(store, s);
      tables_csr = make_csr(tables_graph);
    }
    check_same_graph(select_graph(store, s), tables_graph);
    const auto rows = select_relations(store, s);
    REQUIRE(rows.size() == tables_rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CHECK(rows[i].id == tables_rows[i].id);
      CHECK(rows[i].source_name == tables_rows[i].source_name);
      CHECK(rows[i].last_seen == tables_rows[i].last_seen);
      CHECK(rows[i].evidence_count == tables_rows[i].evidence_count);
      CHECK(rows[i].first_seen == tables_rows[i].first_seen);
      CHECK(rows[i].status == tables_rows[i].status);
      CHECK(rows[i].confidence == tables_rows[i].confidence);
    }
    const auto simple = select_simple(store, s);
    CHECK(simple.csr.offsets == tables_csr.offsets);
    CHECK(simple.csr.adj == tables_csr.adj);
    for (Vertex v = 0; v < boost::num_vertices(tables_graph.graph); ++v) {
      CHECK(simple.name(static_cast<std::uint32_t>(v)) == tables_graph.graph[v].name);
      CHECK(simple.relations(static_cast<std::uint32_t>(v)) == boost::out_degree(v, tables_graph.graph));
    }
  }
}

TEST_CASE("the local ego network and timeline rows equal the whole graph's", "[snapshot][neighbors]") {
  TempDb file;
  Store store(file.path);
  ingest_samples(store);
  const auto openai = store.resolve("OpenAI");
  REQUIRE(openai);
  Selection planned;
  planned.min_status = Status::planned;
  for (const auto& s : {Selection{}, planned}) {
    const auto whole = select_graph(store, s);
    for (std::size_t depth = 1; depth <= 3; ++depth) {
      const auto local = select_local_graph(store, s, *openai, depth);
      const auto a = neighbors(whole, *whole.find(*openai), depth);
      const auto b = neighbors(local, *local.find(*openai), depth);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(whole.graph[a[i].vertex].name == local.graph[b[i].vertex].name);
        CHECK(a[i].depth == b[i].depth);
        REQUIRE(a[i].edges.size() == b[i].edges.size());
        for (std::size_t j = 0; j < a[i].edges.size(); ++j)
          CHECK(whole.graph[a[i].edges[j]].relation_id == local.graph[b[i].edges[j]].relation_id);
      }
    }
    auto all = select_relations(store, s, true);
    std::erase_if(all, [&](const RelationRow& r) { return r.source_id != *openai && r.target_id != *openai; });
    const auto mine = select_relations_of(store, s, *openai);
    REQUIRE(mine.size() == all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      CHECK(mine[i].id == all[i].id);
      CHECK(mine[i].status == all[i].status);
      CHECK(mine[i].evidence.size() == all[i].evidence.size());
    }
  }
}

TEST_CASE("paths from the snapshot are the whole graph's, hop by hop", "[snapshot][path]") {
  TempDb file;
  Store store(file.path);
  ingest_samples(store);
  AllianceGraph whole;
  {
    WithoutSnapshot off;
    whole = select_graph(store, {});
  }
  const auto csr = make_csr(whole, true);
  const auto n = boost::num_vertices(whole.graph);
  REQUIRE(n > 5);
  std::size_t found = 0;
  for (const bool weighted : {false, true})
    for (Vertex a = 0; a < n; a += 3)
      for (Vertex b = 1; b < n; b += 5) {
        PathFinder finder(csr, weighted);
        const auto expected = finder.k_shortest(a, b, 3);
        AllianceGraph shown;
        const auto paths = select_paths(store, {}, whole.graph[a].entity_id, whole.graph[b].entity_id, weighted,
                                        [](PathFinder& f, Vertex x, Vertex y) { return f.k_shortest(x, y, 3); }, shown);
        REQUIRE(paths.size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
          const auto& e = expected[i];
          const auto& g = paths[i];
          CHECK(g.length == e.length);
          REQUIRE(g.vertices.size() == e.vertices.size());
          REQUIRE(g.hops.size() == e.hops.size());
          for (std::size_t j = 0; j < e.vertices.size(); ++j)
            CHECK(shown.graph[g.vertices[j]].name == whole.graph[e.vertices[j]].name);
          for (std::size_t j = 0; j < e.hops.size(); ++j)
            CHECK(props_key(shown.graph[g.hops[j]]) == props_key(whole.graph[e.hops[j]]));
          ++found;
        }
      }
  CHECK(found > 10);
}

TEST_CASE("an empty database has an empty snapshot, stored like any other", "[snapshot]") {
  TempDb file;
  Store store(file.path);
  const auto first = store.graph_snapshot();
  REQUIRE(first);
  CHECK(first->relations() == 0);
  CHECK(first->entities() == 0);
  CHECK(store.check().clean());  // a stored empty snapshot agrees with the tables
  CHECK(select_simple(store, {}).num_vertices() == 0);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM graph_snapshot", -1, &q, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(sqlite3_column_int(q, 0) > 1);
  sqlite3_finalize(q);
  sqlite3_close(db);
}
