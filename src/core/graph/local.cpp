// Local questions stay local: the ego network of one organisation read
// relation by relation through the store's indexes on source and target,
// never the whole graph.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "aikg/selection.hpp"
#include "graph/snapshot_graph.hpp"

namespace aikg {

AllianceGraph select_local_graph(const Store& store, const Selection& selection, std::int64_t entity,
                                 std::size_t depth) {
  if (selection.group) return select_graph(store, selection);
  Store::RelationFilter filter;
  filter.types = selected_types(selection);
  if (filter.types.empty() && !selection.exclude_types.empty()) return build_graph({}, {});  // every type excluded
  filter.sorted = false;
  const bool per_evidence = detail::filters_evidence(selection);
  std::unordered_map<std::int64_t, RelationRow> kept;  // relation id -> row
  std::unordered_set<std::int64_t> reached{entity};
  std::vector<std::int64_t> level{entity};
  // Level by level: the relations of every organisation closer than `depth`,
  // which are all the edges the breadth-first search of neighbors() scans.
  for (std::size_t d = 0; d < depth && !level.empty(); ++d) {
    std::vector<std::int64_t> next;
    for (const auto u : level) {
      filter.entity = u;
      for (auto& r : store.relations(filter, per_evidence)) {
        if (kept.contains(r.id) || !detail::keep_selected(r, selection)) continue;
        r.evidence.clear();
        for (const auto w : {r.source_id, r.target_id})
          if (reached.insert(w).second) next.push_back(w);
        kept.emplace(r.id, std::move(r));
      }
    }
    level = std::move(next);
  }
  std::vector<RelationRow> rows;
  rows.reserve(kept.size());
  for (auto& [id, r] : kept) rows.push_back(std::move(r));
  // In listing order, as the whole graph adds them: each vertex's edges then
  // come in the order the whole graph has them, so the search meets
  // neighbours in the same order.
  sort_relations(rows);
  return build_graph(rows, {});
}

std::vector<RelationRow> select_relations_of(const Store& store, const Selection& selection, std::int64_t entity) {
  if (selection.group) {
    auto rows = select_relations(store, selection, true);
    std::erase_if(rows, [&](const RelationRow& r) { return r.source_id != entity && r.target_id != entity; });
    return rows;
  }
  Store::RelationFilter filter;
  filter.entity = entity;
  filter.types = selected_types(selection);
  if (filter.types.empty() && !selection.exclude_types.empty()) return {};  // every type excluded
  auto rows = store.relations(filter, true);  // in listing order
  std::erase_if(rows, [&](RelationRow& r) { return !detail::keep_selected(r, selection, true); });
  return rows;
}

}  // namespace aikg
