// GEXF 1.3 (gexf.net) for Gephi, with the graph's history: each edge exists
// from its first evidence date, each node from its first edge, and an edge's
// status and evidence count change on the dates its evidence appeared, so
// Gephi's timeline replays the alliances forming (and ending).
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <map>
#include <optional>
#include <unordered_set>

#include "aikg/taxonomy.hpp"
#include "export/common.hpp"

namespace aikg {
namespace {

using Day = std::chrono::sys_days;

// Evidence dates are ISO dates, sometimes only a month or a year; those
// count from their first day. Anything else is treated as undated.
std::optional<Day> parse_day(std::string_view s) {
  auto number = [&](std::size_t at, std::size_t len, int fallback) -> std::optional<int> {
    if (s.size() <= at) return fallback;
    int v = 0;
    const auto r = std::from_chars(s.data() + at, s.data() + at + len, v);
    if (r.ec != std::errc() || r.ptr != s.data() + at + len) return std::nullopt;
    return v;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  if ((s.size() > 4 && s[4] != '-') || (s.size() > 7 && s[7] != '-')) return std::nullopt;
  const auto y = number(0, 4, 0), m = number(5, 2, 1), d = number(8, 2, 1);
  if (!y || !m || !d) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  return Day(ymd);
}

std::string iso(Day d) {
  const std::chrono::year_month_day ymd(d);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// The state of a relation from `start` until the next step (or for good).
struct Step {
  Day start;
  Status status;
  std::int64_t evidence;  // cumulative, undated evidence included throughout
};

// One step per evidence date, with the status select_relations would give
// on that day: the latest evidence's, the most definite on equal dates.
std::vector<Step> history(const std::vector<EvidenceRow>& evidence) {
  std::map<Day, std::vector<const EvidenceRow*>> by_day;
  std::int64_t undated = 0;
  for (const auto& e : evidence) {
    if (const auto d = parse_day(e.date))
      by_day[*d].push_back(&e);
    else
      ++undated;
  }
  std::vector<Step> steps;
  std::int64_t count = undated;
  for (const auto& [day, rows] : by_day) {
    Status best = rows.front()->status;
    for (const auto* e : rows)
      if (rank(e->status) < rank(best)) best = e->status;
    count += static_cast<std::int64_t>(rows.size());
    steps.push_back({day, best, count});
  }
  return steps;
}

// One channel of a "#rrggbb" colour.
int hex_byte(std::string_view colour, std::size_t at) {
  int v = 0;
  std::from_chars(colour.data() + at, colour.data() + at + 2, v, 16);
  return v;
}

std::string interval(std::optional<Day> start, std::optional<Day> end) {
  std::string out;
  if (start) out += fmt::format(" start=\"{}\"", iso(*start));
  if (end) out += fmt::format(" end=\"{}\"", iso(*end));
  return out;
}

void attvalue(std::ostream& out, std::string_view key, std::string_view value, std::string_view time = {}) {
  if (!value.empty())
    out << fmt::format("          <attvalue for=\"{}\" value=\"{}\"{}/>\n", key, xml_escape(value), time);
}

void write_attribute_declarations(std::ostream& out) {
  out << "    <attributes class=\"node\" mode=\"static\">\n"
         "      <attribute id=\"entity_id\" title=\"entity_id\" type=\"long\"/>\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"group\" title=\"group\" type=\"string\"/>\n"
         "      <attribute id=\"parent\" title=\"parent\" type=\"string\"/>\n"
         "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\" mode=\"static\">\n"
         "      <attribute id=\"relation_id\" title=\"relation_id\" type=\"long\"/>\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"directed\" title=\"directed\" type=\"boolean\"/>\n"
         "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
         "      <attribute id=\"first_seen\" title=\"first_seen\" type=\"string\"/>\n"
         "      <attribute id=\"last_seen\" title=\"last_seen\" type=\"string\"/>\n"
         "      <attribute id=\"sentence\" title=\"sentence\" type=\"string\"/>\n"
         "      <attribute id=\"url\" title=\"url\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\" mode=\"dynamic\">\n"
         "      <attribute id=\"status\" title=\"status\" type=\"string\"/>\n"
         "      <attribute id=\"evidence\" title=\"evidence\" type=\"integer\"/>\n"
         "    </attributes>\n";
}

void write_node(std::ostream& out, const ExportView& g, std::size_t i, const NodeProps& n, std::optional<Day> start) {
  out << fmt::format("      <node id=\"{}\" label=\"{}\"{}>\n        <attvalues>\n", detail::node_id(n.entity_id),
                     xml_escape(n.name), interval(start, std::nullopt));
  attvalue(out, "entity_id", std::to_string(n.entity_id));
  attvalue(out, "kind", name(n.kind));
  attvalue(out, "group", g.group(i));
  attvalue(out, "parent", n.parent);
  attvalue(out, "aliases", detail::other_aliases(g, i, n));
  out << "        </attvalues>\n      </node>\n";
}

// Each step holds until the day before the next; the last holds for good,
// unless the relation ended, when the edge stops on that day.
void write_dynamic_values(std::ostream& out, const EdgeProps& p, const std::vector<Step>& steps) {
  if (steps.empty()) {
    attvalue(out, "status", name(p.status));
    attvalue(out, "evidence", std::to_string(p.evidence_count));
    return;
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const bool last = i + 1 == steps.size();
    const std::optional<Day> end = !last                             ? std::optional<Day>(steps[i + 1].start - std::chrono::days(1))
                                   : steps[i].status == Status::ended ? std::optional<Day>(steps[i].start)
                                                                      : std::nullopt;
    const auto time = interval(steps[i].start, end);
    attvalue(out, "status", name(steps[i].status), time);
    attvalue(out, "evidence", std::to_string(steps[i].evidence), time);
  }
}

void write_edge(std::ostream& out, const ExportView& g, std::size_t i) {
  const auto p = g.edge(i);
  const auto evidence = g.evidence(i);
  const auto steps = history(evidence);
  std::optional<Day> start, end;
  if (!steps.empty()) start = steps.front().start;
  if (!steps.empty() && steps.back().status == Status::ended) end = steps.back().start;
  out << fmt::format("      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{}\" kind=\"{}\" label=\"{}\" "
                     "weight=\"{}\"{}>\n        <attvalues>\n",
                     detail::edge_id(p.relation_id), detail::node_id(p.source_id), detail::node_id(p.target_id),
                     is_directed(p.type) ? "directed" : "undirected", name(p.type), name(p.type), p.evidence_count,
                     interval(start, end));
  attvalue(out, "relation_id", std::to_string(p.relation_id));
  attvalue(out, "type", name(p.type));
  attvalue(out, "directed", is_directed(p.type) ? "true" : "false");
  attvalue(out, "confidence", detail::number(p.confidence));
  attvalue(out, "first_seen", p.first_seen);
  attvalue(out, "last_seen", p.last_seen);
  if (const auto* ev = representative_evidence(evidence)) attvalue(out, "sentence", ev->sentence);
  attvalue(out, "url", latest_web_url(evidence));
  write_dynamic_values(out, p, steps);
  out << "        </attvalues>\n";
  // Gephi draws edges in their own colour when one is given.
  const auto colour = info(p.type).colour;  // from the taxonomy
  out << fmt::format("        <viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>\n      </edge>\n", hex_byte(colour, 1),
                     hex_byte(colour, 3), hex_byte(colour, 5));
}

// When each node first appears: with its first dated edge; absent (there
// from the start) when one of its edges has no date. Edges' steps are
// recomputed as they are written rather than kept: a million would not fit.
std::unordered_map<std::int64_t, Day> node_starts(const ExportView& g) {
  std::unordered_map<std::int64_t, Day> start_of;
  std::unordered_set<std::int64_t> undated;  // nodes with an edge that has no date exist throughout
  for (std::size_t i = 0; i < g.edges(); ++i) {
    const auto p = g.edge(i);
    const auto s = history(g.evidence_dates(i));
    for (const auto id : {p.source_id, p.target_id}) {
      if (s.empty()) {
        undated.insert(id);
        continue;
      }
      const auto [start, fresh] = start_of.try_emplace(id, s.front().start);
      if (!fresh && s.front().start < start->second) start->second = s.front().start;
    }
  }
  for (const auto id : undated) start_of.erase(id);
  return start_of;
}

}  // namespace

void write_gexf(std::ostream& out, const ExportView& g) {
  const auto node_start = node_starts(g);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
         "      xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "      xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
         "  <meta>\n    <creator>aikg</creator>\n"
      << "    <description>" << xml_escape(g.title()) << "</description>\n  </meta>\n"
      << "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" timerepresentation=\"interval\">\n";
  write_attribute_declarations(out);
  out << fmt::format("    <nodes count=\"{}\">\n", g.nodes());
  for (std::size_t i = 0; i < g.nodes(); ++i) {
    const auto n = g.node(i);
    const auto it = node_start.find(n.entity_id);
    write_node(out, g, i, n, it == node_start.end() ? std::nullopt : std::optional<Day>(it->second));
  }
  out << fmt::format("    </nodes>\n    <edges count=\"{}\">\n", g.edges());
  for (std::size_t i = 0; i < g.edges(); ++i) write_edge(out, g, i);
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace aikg
