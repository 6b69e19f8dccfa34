// Exports of the alliance graph for the tools analysts already use: GraphML
// (Gephi, yEd, NetworkX, igraph), GEXF 1.3 with time intervals (Gephi's
// timeline), NetworkX node-link JSON, Cytoscape.js JSON and CSV (plain, Neo4j
// bulk import, Excel). DOT is in dot.hpp, rendering in render.hpp.
//
// Every writer takes an ExportView (an ExportGraph, or a view streaming from
// the store) and writes one document to a stream, as it reads; it throws only
// what the stream or the store throws. Ids are synthetic and the same in every
// format: node "n<entity id>", edge "r<relation id>". Names are data, never
// syntax: each writer escapes them for its format, so any name (quotes,
// backslashes, newlines, markup, spreadsheet formulas) comes out intact.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aikg/graph.hpp"
#include "aikg/selection.hpp"
#include "aikg/store.hpp"

namespace aikg {

// The selected relations as a graph, plus what the writers show beside it.
struct ExportGraph {
  AllianceGraph alliances;
  // Evidence that passed the selection, per relation id, oldest first.
  std::unordered_map<std::int64_t, std::vector<EvidenceRow>> evidence;
  // Entity id -> name of the top of its parent chain (the business group),
  // for entities that have a parent.
  std::unordered_map<std::int64_t, std::string> group_of;
  std::unordered_map<std::int64_t, std::vector<std::string>> aliases;
  std::optional<std::int64_t> focus;  // the --focus entity, when it is in the graph
  std::string title;                  // one line: what was selected (captions, metadata)
};

// An ego network: the entity and everything within `depth` hops, with every
// selected relation among them (the induced subgraph).
struct Focus {
  std::int64_t entity_id = 0;
  std::size_t depth = 1;
};

// Selects relations (with their evidence) as select_relations does, and cuts
// the ego network when `focus` is given. With selection.group the focus is
// moved to its business group, as its relations are. A focus without
// relations in the selection gives an empty graph. Without `with_evidence`
// the evidence map stays empty (the explorer's server reads it per edge).
ExportGraph select_export(const Store& store, const Selection& selection, const std::optional<Focus>& focus = {},
                          bool with_evidence = true);

// The evidence a picture shows for a relation: the latest, the most confident
// on equal dates. nullptr when the relation has none.
const EvidenceRow* representative_evidence(const ExportGraph& g, std::int64_t relation_id);
const EvidenceRow* representative_evidence(const std::vector<EvidenceRow>& evidence);  // oldest first
// The newest evidence URL that is_web_url accepts, or "".
std::string latest_web_url(const ExportGraph& g, std::int64_t relation_id);
std::string latest_web_url(const std::vector<EvidenceRow>& evidence);  // oldest first

// What the writers read: the nodes and edges of an export, by index, in the
// order of the ExportGraph the same selection gives (vertex order, then edges
// by type, source id, target id), with each edge's evidence read when the
// writer asks for it. An ExportGraph converts to a view of itself; open_export
// gives one that streams from the store: a writer going through it holds one
// node or edge at a time, not the graph (docs/architecture.md, "Exports").
class ExportView {
 public:
  // Where a view reads from: an ExportGraph in memory or the graph snapshot
  // and the store (view.cpp).
  class Source {
   public:
    virtual ~Source() = default;
    virtual std::size_t nodes() const = 0;
    virtual std::size_t edges() const = 0;
    virtual NodeProps node(std::size_t i) const = 0;
    virtual std::string group(std::size_t node) const = 0;
    virtual std::vector<std::string> aliases(std::size_t node) const = 0;
    virtual EdgeProps edge(std::size_t i) const = 0;
    virtual std::vector<EvidenceRow> evidence(std::size_t edge) const = 0;
    // Only status, date and confidence need be filled: for GEXF's timeline.
    virtual std::vector<EvidenceRow> evidence_dates(std::size_t edge) const { return evidence(edge); }
    virtual std::string name_of(std::int64_t entity_id) const = 0;
    virtual const std::string& title() const = 0;
    virtual std::optional<std::int64_t> focus() const = 0;
  };

  ExportView(const ExportGraph& g);  // NOLINT(google-explicit-constructor): a graph is a view of itself
  explicit ExportView(std::shared_ptr<const Source> source) : source_(std::move(source)) {}

  std::size_t nodes() const { return source_->nodes(); }
  std::size_t edges() const { return source_->edges(); }
  NodeProps node(std::size_t i) const { return source_->node(i); }
  // The name of the top of the node's business group; "" without a parent.
  std::string group(std::size_t node) const { return source_->group(node); }
  // Every alias, the name included, sorted.
  std::vector<std::string> aliases(std::size_t node) const { return source_->aliases(node); }
  EdgeProps edge(std::size_t i) const { return source_->edge(i); }
  // The edge's evidence that passed the selection, oldest first; empty when
  // the export was selected without evidence.
  std::vector<EvidenceRow> evidence(std::size_t edge) const { return source_->evidence(edge); }
  std::vector<EvidenceRow> evidence_dates(std::size_t edge) const { return source_->evidence_dates(edge); }
  // The name of a node's entity (an edge's endpoint).
  std::string name_of(std::int64_t entity_id) const { return source_->name_of(entity_id); }
  const std::string& title() const { return source_->title(); }
  std::optional<std::int64_t> focus() const { return source_->focus(); }

 private:
  std::shared_ptr<const Source> source_;
};

// The export select_export(store, selection, focus) gives, as a view that
// reads the store while it is written: from the graph snapshot (without
// --group), else from an ExportGraph. The view keeps `store` open in one read
// transaction until it is destroyed, so everything it reads is one state of
// the file, also while another process writes; `store` must outlive it.
ExportView open_export(const Store& store, const Selection& selection, const std::optional<Focus>& focus = {});

void write_graphml(std::ostream& out, const ExportView& g);
// GEXF 1.3, mode dynamic with date intervals: an edge exists from its first
// evidence date (until its `ended` evidence, if that is its latest status), a
// node from its first edge; status and evidence count change over time.
void write_gexf(std::ostream& out, const ExportView& g);
// NetworkX node-link data with the edges under "edges" (NetworkX >= 3.4:
// node_link_graph(d, edges="edges"); older: link="edges").
void write_node_link_json(std::ostream& out, const ExportView& g);
// Cytoscape.js elements JSON; also what NetworkX's cytoscape_graph reads.
void write_cytoscape_json(std::ostream& out, const ExportView& g);

enum class CsvFlavour {
  plain,  // RFC 4180, UTF-8, CRLF
  neo4j,  // `neo4j-admin database import` headers (name:type, :ID, :START_ID, :TYPE, :LABEL); LF
  excel,  // plain plus a UTF-8 BOM and the formula-injection guard on text cells
};
void write_nodes_csv(std::ostream& out, const ExportView& g, CsvFlavour flavour);
void write_edges_csv(std::ostream& out, const ExportView& g, CsvFlavour flavour);

// --- Escaping, shared by the writers (and pinned by tests/unit/export_test.cpp).

// Text safe in XML 1.0 element content and in single- or double-quoted
// attribute values: & < > " ' as entities, TAB LF CR as character references
// (so attribute normalisation keeps them); other control characters,
// U+FFFE/U+FFFF and ill-formed UTF-8 become U+FFFD, which XML allows.
std::string xml_escape(std::string_view s);

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF,
// with quotes doubled; NUL bytes dropped (csv readers stop at them). With
// `guard_formula`, a cell starting with = + - @ TAB or CR gets a leading
// apostrophe so Excel, Calc and Sheets show it as text instead of running it.
std::string csv_field(std::string_view s, bool guard_formula);

// http:// or https:// (any case) with no spaces or control characters: the
// only links an export makes clickable (javascript: and file: never).
bool is_web_url(std::string_view url);

}  // namespace aikg
