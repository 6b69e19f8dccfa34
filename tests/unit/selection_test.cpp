// select_relations answers a selection without evidence filters from the
// stored summaries; those must agree with summaries recomputed from evidence.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <tuple>

#include "aikg/extractor.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/ingest.hpp"
#include "aikg/selection.hpp"

namespace fs = std::filesystem;
using namespace aikg;

namespace {

auto summary(const RelationRow& r) {
  return std::tie(r.id, r.type, r.source_id, r.target_id, r.status, r.first_seen, r.last_seen, r.confidence,
                  r.evidence_count);
}

}  // namespace

TEST_CASE("stored summaries and evidence give the same selection, rolled up or not", "[selection]") {
  const auto path = fs::temp_directory_path() / fmt::format("aikg_selection_test_{}.db", ::getpid());
  fs::remove(path);
  {
    Store store(path);
    const auto extractor = make_default_extractor();
    ingest_files(store, extractor, {fs::path(AIKG_SOURCE_DIR) / "samples"}, {}, [](const ReadProblem&) {}, {});
    Selection by_type;
    by_type.types = {RelationType::mou, RelationType::partnership, RelationType::investment};
    Selection grouped;
    grouped.group = true;
    Selection well_evidenced = grouped;
    well_evidenced.min_evidence = 2;
    for (const auto& s : {Selection{}, by_type, grouped, well_evidenced}) {
      const auto fast = select_relations(store, s, /*with_evidence=*/false);
      const auto full = select_relations(store, s, /*with_evidence=*/true);
      REQUIRE(fast.size() == full.size());
      CHECK_FALSE(fast.empty());
      for (std::size_t i = 0; i < fast.size(); ++i) {
        INFO(fast[i].source_name << " " << name(fast[i].type) << " " << fast[i].target_name);
        CHECK(summary(fast[i]) == summary(full[i]));
        CHECK(fast[i].evidence.empty());
      }
    }
    // The roll-up merges relations: some rows stand for several stored ones.
    CHECK(select_relations(store, grouped).size() < select_relations(store, {}).size());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("many relations read their evidence in one pass, the same as one query each", "[selection]") {
  const auto path = fs::temp_directory_path() / fmt::format("aikg_selection_bulk_{}.db", ::getpid());
  fs::remove(path);
  {
    Store store(path);
    const auto gazetteer = Gazetteer::builtin();
    for (int d = 0; d < 3; ++d) {  // three documents, so relations have evidence from several
      DocumentMentions doc;
      doc.article.id = fmt::format("doc{}", d);
      doc.content_hash = fmt::format("hash{}", d);
      doc.date = fmt::format("2025-0{}-01", d + 1);
      for (int i = 0; i < 400; i += d + 1) {
        Mention m;
        m.id = fmt::format("m{}-{}", d, i);
        m.type = i % 2 ? RelationType::mou : RelationType::investment;
        m.source = {fmt::format("Org {:03}", i), EntityKind::company, true};
        m.target = {fmt::format("Org {:03}", i + 1), EntityKind::company, true};
        m.status = d == 2 ? Status::done : Status::talks;
        m.confidence = 0.5 + 0.1 * d;
        m.sentence = fmt::format("Org {} and Org {} (document {}).", i, i + 1, d);
        m.begin = 0, m.end = m.sentence.size();
        m.date = doc.date;
        doc.mentions.push_back(m);
      }
      store.put_document(doc, gazetteer);
    }
    const auto rows = store.relations({}, true);
    REQUIRE(rows.size() == 400);  // above the one-query-each limit
    std::size_t evidence = 0;
    for (const auto& r : rows) {
      const auto one = store.evidence(r.id);
      REQUIRE(r.evidence.size() == one.size());
      CHECK(static_cast<std::int64_t>(one.size()) == r.evidence_count);
      for (std::size_t i = 0; i < one.size(); ++i) {
        CHECK(r.evidence[i].id == one[i].id);
        CHECK(r.evidence[i].sentence == one[i].sentence);
        CHECK(r.evidence[i].date == one[i].date);
      }
      evidence += one.size();
    }
    CHECK(evidence == 400 + 200 + 134);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("one relation's selected evidence is what the whole selection keeps for it", "[selection]") {
  const auto path = fs::temp_directory_path() / fmt::format("aikg_selection_one_{}.db", ::getpid());
  fs::remove(path);
  {
    Store store(path);
    const auto extractor = make_default_extractor();
    ingest_files(store, extractor, {fs::path(AIKG_SOURCE_DIR) / "samples"}, {}, [](const ReadProblem&) {}, {});
    Selection planned;
    planned.min_status = Status::planned;
    Selection dated;
    dated.since = "2025-01-01";
    dated.min_confidence = 0.6;
    for (const auto& s : {Selection{}, planned, dated}) {
      const auto rows = select_relations(store, s, /*with_evidence=*/true);
      CHECK_FALSE(rows.empty());
      for (const auto& r : rows) {
        const auto one = selected_evidence(store, s, r.id);
        REQUIRE(one.size() == r.evidence.size());
        for (std::size_t i = 0; i < one.size(); ++i) CHECK(one[i].id == r.evidence[i].id);
      }
    }
    // A filter that drops sentences: fewer than the relation holds.
    std::size_t all = 0, kept = 0;
    for (const auto& r : select_relations(store, {}, true)) {
      all += r.evidence.size();
      kept += selected_evidence(store, dated, r.id).size();
    }
    CHECK(kept < all);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("a path's hops get the evidence the selection keeps for them, rolled up or not", "[selection][path]") {
  const auto path = fs::temp_directory_path() / fmt::format("aikg_selection_path_{}.db", ::getpid());
  fs::remove(path);
  {
    Store store(path);
    const auto extractor = make_default_extractor();
    ingest_files(store, extractor, {fs::path(AIKG_SOURCE_DIR) / "samples"}, {}, [](const ReadProblem&) {}, {});
    Selection grouped;
    grouped.group = true;
    for (const auto& s : {Selection{}, grouped}) {
      const auto rows = select_relations(store, s, true);
      const auto ag = build_graph(rows, store.entities());
      // Every relation as a one-hop path.
      std::vector<Path> paths;
      for (const auto e : boost::make_iterator_range(boost::edges(ag.graph)))
        paths.push_back({{boost::source(e, ag.graph), boost::target(e, ag.graph)}, {e}, 1});
      REQUIRE_FALSE(paths.empty());
      const auto evidence = evidence_of_hops(store, s, rows, ag, paths);
      for (const auto& r : rows) {
        INFO(r.source_name << " " << name(r.type) << " " << r.target_name);
        REQUIRE(evidence.contains(r.id));
        const auto& e = evidence.at(r.id);
        REQUIRE(e.size() == r.evidence.size());
        for (std::size_t i = 0; i < e.size(); ++i) CHECK(e[i].id == r.evidence[i].id);
        const EvidenceRow* shown = hop_evidence(r.status, e);
        REQUIRE(shown);
        for (const auto& other : e)  // none states the status and is later, or as late and more confident
          CHECK(std::make_tuple(other.status == r.status, other.date, other.confidence) <=
                std::make_tuple(shown->status == r.status, shown->date, shown->confidence));
      }
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
}

TEST_CASE("hop_evidence prefers the current status, then the latest, then the most confident", "[selection][path]") {
  std::vector<EvidenceRow> e(3);
  e[0].status = Status::talks, e[0].date = "2025-03-01", e[0].confidence = 0.9;
  e[1].status = Status::done, e[1].date = "2025-01-01", e[1].confidence = 0.5;
  e[2].status = Status::done, e[2].date = "2025-01-01", e[2].confidence = 0.7;
  CHECK(hop_evidence(Status::done, e) == &e[2]);
  CHECK(hop_evidence(Status::talks, e) == &e[0]);
  CHECK(hop_evidence(Status::done, {}) == nullptr);
}

TEST_CASE("excluded types are left out of every type, or of the listed ones", "[selection]") {
  Selection s;
  CHECK(selected_types(s).empty());  // every type
  s.exclude_types = {RelationType::competition};
  const auto without_rivals = selected_types(s);
  CHECK(without_rivals.size() == kRelationTypes.size() - 1);
  CHECK(std::find(without_rivals.begin(), without_rivals.end(), RelationType::competition) == without_rivals.end());
  s.types = {RelationType::mou, RelationType::competition};
  CHECK(selected_types(s) == std::vector<RelationType>{RelationType::mou});
  s.types = {RelationType::competition};
  CHECK(selected_types(s).empty());
}
