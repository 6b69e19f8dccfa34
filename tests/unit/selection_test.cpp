// select_relations answers a selection without evidence filters from the
// stored summaries; those must agree with summaries recomputed from evidence.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <tuple>

#include "aikg/extractor.hpp"
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
