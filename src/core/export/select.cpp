// What an export shows: the selected relations with their evidence, cut to an
// ego network with --focus, plus the groups, aliases and caption the writers
// draw beside the graph.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "export/common.hpp"

namespace aikg {
namespace {

// Keeps the relations whose two ends are within `depth` hops of `start`.
void cut_to_ego_network(std::vector<RelationRow>& rows, const std::vector<EntityRow>& entities, std::int64_t start,
                        std::size_t depth) {
  const auto whole = build_graph(rows, entities);
  const auto v = whole.find(start);
  if (!v) {
    rows.clear();
    return;
  }
  std::unordered_set<std::int64_t> keep{start};
  for (const auto& n : neighbors(whole, *v, depth)) keep.insert(whole.graph[n.vertex].entity_id);
  std::erase_if(rows, [&](const RelationRow& r) { return !keep.contains(r.source_id) || !keep.contains(r.target_id); });
}

}  // namespace

std::string detail::export_caption(const Selection& s, std::size_t nodes, std::size_t edges,
                                   const std::string& focus_name, std::size_t depth) {
  std::string out = fmt::format("AI alliances: {} organisation{}, {} relation{}", nodes, nodes == 1 ? "" : "s", edges,
                                edges == 1 ? "" : "s");
  if (!focus_name.empty()) out += fmt::format(" within {} hop{} of {}", depth, depth == 1 ? "" : "s", focus_name);
  std::vector<std::string> filters;
  std::vector<std::string_view> names;
  for (const auto t : s.types) names.push_back(name(t));
  if (!names.empty()) filters.push_back(fmt::format("types {}", fmt::join(names, ", ")));
  names.clear();
  for (const auto t : s.exclude_types) names.push_back(name(t));
  if (!names.empty()) filters.push_back(fmt::format("without {}", fmt::join(names, ", ")));
  names.clear();
  for (const auto st : s.statuses) names.push_back(name(st));
  if (!names.empty()) filters.push_back(fmt::format("status {}", fmt::join(names, ", ")));
  if (s.min_status) filters.push_back(fmt::format("at least {}", name(*s.min_status)));
  if (!s.since.empty()) filters.push_back("since " + s.since);
  if (!s.until.empty()) filters.push_back("until " + s.until);
  if (s.min_confidence > 0) filters.push_back(fmt::format("confidence >= {}", s.min_confidence));
  if (s.min_evidence > 1) filters.push_back(fmt::format("evidence >= {}", s.min_evidence));
  if (s.group) filters.push_back("affiliates rolled up into their groups");
  if (!filters.empty()) out += fmt::format(" ({})", fmt::join(filters, "; "));
  return out;
}

ExportGraph select_export(const Store& store, const Selection& selection, const std::optional<Focus>& focus,
                          bool with_evidence) {
  auto rows = select_relations(store, selection, with_evidence);
  const auto entities = store.entities();
  const auto top = group_tops(entities);
  ExportGraph out;
  std::string focus_name;
  if (focus) {
    std::int64_t start = focus->entity_id;
    if (const auto it = top.find(start); selection.group && it != top.end()) start = it->second->id;
    cut_to_ego_network(rows, entities, start, focus->depth);
    const auto e = std::find_if(entities.begin(), entities.end(), [&](const EntityRow& x) { return x.id == start; });
    if (e != entities.end()) focus_name = e->name;
    out.focus = start;
  }
  out.alliances = build_graph(rows, entities);
  if (out.focus && !out.alliances.find(*out.focus)) out.focus.reset();
  for (auto& r : rows) {
    if (!with_evidence) break;
    std::stable_sort(r.evidence.begin(), r.evidence.end(),
                     [](const EvidenceRow& a, const EvidenceRow& b) { return a.date < b.date; });
    out.evidence.emplace(r.id, std::move(r.evidence));
  }
  for (const auto& e : entities) {
    if (!out.alliances.find(e.id)) continue;
    if (const auto t = top.at(e.id); t->id != e.id) out.group_of.emplace(e.id, t->name);
    out.aliases.emplace(e.id, e.aliases);
  }
  out.title = detail::export_caption(selection, boost::num_vertices(out.alliances.graph),
                                     boost::num_edges(out.alliances.graph), focus_name, focus ? focus->depth : 0);
  return out;
}

const EvidenceRow* representative_evidence(const std::vector<EvidenceRow>& evidence) {
  const EvidenceRow* best = nullptr;
  for (const auto& e : evidence)
    if (!best || e.date > best->date || (e.date == best->date && e.confidence > best->confidence)) best = &e;
  return best;
}

const EvidenceRow* representative_evidence(const ExportGraph& g, std::int64_t relation_id) {
  const auto it = g.evidence.find(relation_id);
  return it == g.evidence.end() ? nullptr : representative_evidence(it->second);
}

std::string latest_web_url(const std::vector<EvidenceRow>& evidence) {
  for (auto e = evidence.rbegin(); e != evidence.rend(); ++e)
    if (is_web_url(e->url)) return e->url;
  return {};
}

std::string latest_web_url(const ExportGraph& g, std::int64_t relation_id) {
  const auto it = g.evidence.find(relation_id);
  return it == g.evidence.end() ? std::string() : latest_web_url(it->second);
}

}  // namespace aikg
