// Nodes and edges as two CSV files, in three flavours: plain RFC 4180; the
// headers `neo4j-admin database import` reads (name:type columns, :ID,
// :START_ID/:END_ID, :TYPE, :LABEL); and Excel's, with a UTF-8 BOM (without
// it Excel reads the ANSI code page and mangles Korean) and formula-injection
// guard. Only Excel's gets the guard: the apostrophe would corrupt the data
// for a machine reader such as Neo4j.
#include <fmt/format.h>

#include "aikg/text.hpp"
#include "export/common.hpp"

namespace aikg {
namespace {

struct Column {
  std::string_view plain, neo4j;
  bool text;  // numeric and boolean columns are never guarded: "-1" stays a number
};

// The relation type as a Neo4j relationship type: MOU, JOINT_VENTURE.
std::string neo4j_type(RelationType t) {
  return ascii_upper(name(t));
}

// Node labels: every node is an Entity, plus its kind (Company, Group, ...).
std::string neo4j_labels(EntityKind k) {
  std::string s(name(k));
  s.front() = ascii_upper(s.front());
  return "Entity;" + s;
}

class CsvWriter {
 public:
  CsvWriter(std::ostream& out, CsvFlavour flavour) : out_(out), flavour_(flavour) {
    if (flavour == CsvFlavour::excel) out_ << "\xEF\xBB\xBF";
  }
  void header(const std::vector<Column>& columns) {
    std::vector<std::string> cells;
    for (const auto& c : columns) cells.emplace_back(flavour_ == CsvFlavour::neo4j ? c.neo4j : c.plain);
    row(columns, cells, /*is_header=*/true);
  }
  void row(const std::vector<Column>& columns, const std::vector<std::string>& cells, bool is_header = false) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ << ',';
      out_ << csv_field(cells[i], flavour_ == CsvFlavour::excel && !is_header && columns[i].text);
    }
    out_ << (flavour_ == CsvFlavour::neo4j ? "\n" : "\r\n");
  }

 private:
  std::ostream& out_;
  CsvFlavour flavour_;
};

const std::vector<Column> kNodeColumns{
    {"id", "id:ID(Entity)", true},  {"name", "name", true},      {"kind", "kind", true},
    {"group", "group", true},       {"parent", "parent", true},  {"aliases", "aliases", true},
    {"entity_id", "entityId:long", false}, {"labels", ":LABEL", true},
};

const std::vector<Column> kEdgeColumns{
    {"source", ":START_ID(Entity)", true},
    {"target", ":END_ID(Entity)", true},
    {"type", ":TYPE", true},
    {"id", "id", true},
    {"source_name", "sourceName", true},
    {"target_name", "targetName", true},
    {"directed", "directed:boolean", false},
    {"status", "status", true},
    {"evidence_count", "evidenceCount:int", false},
    {"confidence", "confidence:double", false},
    {"first_seen", "firstSeen:date", true},
    {"last_seen", "lastSeen:date", true},
    {"sentence", "sentence", true},
    {"url", "url", true},
};

}  // namespace

void write_nodes_csv(std::ostream& out, const ExportView& g, CsvFlavour flavour) {
  CsvWriter csv(out, flavour);
  auto columns = kNodeColumns;
  if (flavour != CsvFlavour::neo4j) columns.pop_back();  // labels only mean something to Neo4j
  csv.header(columns);
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    const auto n = g.node(i);
    std::vector<std::string> cells{detail::node_id(n.entity_id), n.name, std::string(name(n.kind)), g.group(i), n.parent,
                                   detail::other_aliases(g, i, n), std::to_string(n.entity_id)};
    if (flavour == CsvFlavour::neo4j) cells.push_back(neo4j_labels(n.kind));
    csv.row(columns, cells);
  }
}

void write_edges_csv(std::ostream& out, const ExportView& g, CsvFlavour flavour) {
  CsvWriter csv(out, flavour);
  csv.header(kEdgeColumns);
  for (std::size_t i = 0; i < g.edges(); ++i) {
    const auto p = g.edge(i);
    const auto evidence = g.evidence(i);
    const auto* ev = representative_evidence(evidence);
    csv.row(kEdgeColumns, {detail::node_id(p.source_id), detail::node_id(p.target_id),
                           flavour == CsvFlavour::neo4j ? neo4j_type(p.type) : std::string(name(p.type)),
                           detail::edge_id(p.relation_id), g.name_of(p.source_id), g.name_of(p.target_id),
                           is_directed(p.type) ? "true" : "false", std::string(name(p.status)),
                           std::to_string(p.evidence_count), detail::number(p.confidence), p.first_seen, p.last_seen,
                           ev ? ev->sentence : "", latest_web_url(evidence)});
  }
}

}  // namespace aikg
