// The alliance explorer: one HTML page in which an analyst searches, filters
// and explores the selected graph (Cytoscape.js), with every edge leading to
// the sentences that prove it. Two ways to feed it:
//   - write_explorer_html: one self-contained file, the graph and its evidence
//     embedded as JSON and the script and styles inlined (`aikg export html`);
//   - ExplorerApi: the JSON answers of a small read-only API over a database
//     too big to embed, behind the page of explorer_server_page (`aikg serve`).
//
// Pictures agree with the DOT export: colours per type from kRelationTypes,
// line style per status, width by evidence, shape per kind (export/style.hpp).
// `competition` (a rivalry, not a deal) starts hidden unless the selection
// asked for it by --types.
//
// Everything from the database is data: JSON in the page has < > & and
// U+2028/U+2029 written as \u escapes, so no name can close the <script>
// block it sits in, and the page's script only ever sets text (textContent),
// never markup; links are made only from http(s) URLs (is_web_url).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "aikg/export.hpp"
#include "aikg/selection.hpp"
#include "aikg/store.hpp"

namespace aikg {

// The page's data: {"title", "legend": {types, statuses, kinds},
// "show_competition", "nodes": [...], "edges": [...], "total": {nodes, edges},
// "truncated"}; each edge with its evidence when `with_evidence`. Node and
// edge ids are those of every other export (n<entity id>, r<relation id>).
// Plain JSON (not yet escaped for HTML).
std::string explorer_data_json(const ExportGraph& g, const Selection& selection, bool with_evidence);

// The self-contained page: the graph of `g` with all its evidence.
void write_explorer_html(std::ostream& out, const ExportGraph& g, const Selection& selection);

// The page `aikg serve` serves at /: no data, it asks the API below.
std::string explorer_server_page();

// The answers of the explorer's API over one selection of one database, read
// only. The selected graph is built once (without evidence, which is read per
// edge on demand), so a neighbourhood costs a breadth-first search, not a
// query of the whole database. Not thread-safe for the store: the caller
// serialises calls that read evidence (evidence_json).
class ExplorerApi {
 public:
  // Reads the selection from `store`, which must outlive the API.
  ExplorerApi(const Store& store, Selection selection);

  // The whole selected graph when it has at most `max_edges` edges; beyond
  // that the legend and totals with no edges and "truncated": true, so the
  // page starts from a search instead.
  std::string graph_json(std::size_t max_edges) const;
  // The ego network of node `node_id` ("n<entity id>") within `depth` hops
  // (induced subgraph), edges of the node itself first, at most `max_edges`
  // ("truncated" says when cut). nullopt when the node is not in the graph.
  // O(V) for the search plus the part's size.
  std::optional<std::string> neighbors_json(std::string_view node_id, std::size_t depth, std::size_t max_edges) const;
  // The evidence sentences of edge `edge_id` ("r<relation id>") that pass the
  // selection, oldest first. nullopt when the edge is not in the graph.
  std::optional<std::string> evidence_json(std::string_view edge_id) const;
  // Nodes whose name or an alias contains `query` (alias keys: case, spaces
  // and Unicode normalisation ignored): whole matches first, then those that
  // start with it, then the rest, each most connected first; at most `limit`.
  std::string search_json(std::string_view query, std::size_t limit) const;

  std::size_t num_nodes() const;
  std::size_t num_edges() const;

 private:
  const Store& store_;
  Selection selection_;
  ExportGraph graph_;
  std::vector<std::pair<std::string, Vertex>> keys_;  // alias key -> vertex, for search
  std::unordered_set<std::int64_t> relation_ids_;     // the edges in the graph
};

}  // namespace aikg
