// aikg components, alliances, rank, communities: the graph analytics of
// issue 4 (timeline and changes are in cmd_history.cpp). Each parses its flags, selects the graph once, runs
// one algorithm of aikg_core and prints a table or one JSON document.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_map>

#include "aikg/analytics.hpp"
#include "aikg/error.hpp"
#include "aikg/text.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

// Flags every analytics command shares.
struct GraphOptions {
  DbOption db;
  SelectionOptions selection;
  FormatOption output;
  std::size_t top = 0;

  void add(CLI::App& cmd, std::size_t default_top, const std::string& json_doc,
           std::vector<RelationType> default_exclusion = {}) {
    top = default_top;
    db.add(&cmd);
    selection.add(&cmd, std::move(default_exclusion));
    cmd.add_option("--top", top, "Show the first N rows (0: all)")->capture_default_str();
    output.add(&cmd, json_doc);
  }
  std::size_t limit(std::size_t rows) const { return top == 0 ? rows : std::min(top, rows); }
};

// The selection's simple graph with its names: built once per command, from
// the graph snapshot when the selection allows.
struct Loaded {
  SimpleSelection sel;
  std::unordered_map<std::string, std::int64_t> id_of;  // name -> entity id, for JSON
  bool json = true;                                      // the output needs entities as JSON
  std::string name(VertexId v) const { return std::string(sel.name(v)); }
  // Sorted names as JSON entities ({id, name}); none for a table, which prints names.
  ordered_json entities(const std::vector<std::string>& sorted_names) const {
    ordered_json out = ordered_json::array();
    if (!json) return out;
    for (const auto& n : sorted_names) out.push_back(entity_json(id_of.at(n), n));
    return out;
  }
  // Members are shown by name, in name order: vertex ids mean nothing to a reader.
  std::vector<std::string> names(const std::vector<VertexId>& vs) const {
    std::vector<std::string> out;
    for (const auto v : vs) out.push_back(name(v));
    std::sort(out.begin(), out.end());
    return out;
  }
};

Loaded load(const GraphOptions& o) {
  const auto store = o.db.open(true);
  Loaded l{select_simple(store, o.selection.resolve()), {}, !o.output.table()};
  // Only JSON names entities by id: a table of a million-edge graph need not map every name.
  if (l.json)
    for (std::uint32_t v = 0; v < l.sel.num_vertices(); ++v) l.id_of.emplace(l.name(v), l.sel.entity_id(v));
  if (l.sel.num_vertices() == 0) fmt::print(stderr, "aikg: no relations match the selection\n");
  return l;
}

// At most `max` names, then how many more: a table cell stays one screen wide.
std::string members_cell(const std::vector<std::string>& names, std::size_t max = 12) {
  const std::vector<std::string> shown(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(max, names.size())));
  auto cell = joined(shown, ", ");
  if (names.size() > max) cell += fmt::format(", ... ({} more)", names.size() - max);
  return cell;
}

// Vertex sets as sorted name lists, largest first, then in name order.
std::vector<std::vector<std::string>> named_sets(const Loaded& l, const std::vector<std::vector<VertexId>>& sets) {
  std::vector<std::vector<std::string>> out;
  out.reserve(sets.size());
  for (const auto& s : sets) out.push_back(l.names(s));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
  return out;
}

std::string score_text(double x) { return fmt::format("{:.6g}", x); }

// ---------------------------------------------------------------------------

int run_components(const GraphOptions& o) {
  const auto l = load(o);
  const auto c = connected_components(l.sel.csr);
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < o.limit(c.members.size()); ++i) {
    const auto m = l.names(c.members[i]);
    out.push_back({{"id", i + 1}, {"size", m.size()}, {"members", l.entities(m)}});
    rows.push_back({std::to_string(i + 1), std::to_string(m.size()), o.output.table() ? members_cell(m) : joined(m, "; ")});
  }
  if (o.output.table()) fmt::print("{} components over {} organisations\n", c.members.size(), l.sel.csr.num_vertices());
  o.output.print(out, {"#", "size", "members"}, rows);
  return c.members.empty() ? kPartial : kOk;
}

void setup_components(CLI::App& cmd, GraphOptions& o) {
  o.add(cmd, 0, "JSON array of {id, size, members: [{id, name}]}, largest first (docs/json.md)");
  cmd.footer("Exit status: 0 success, 1 the selection is empty, 2 error.\n"
             "Example: aikg components --db aikg.db --min-status planned --top 5");
}

// ---------------------------------------------------------------------------

struct AllianceOptions : GraphOptions {
  std::size_t min_size = 3;
};

int run_alliances(const AllianceOptions& o) {
  const std::size_t min_size = o.min_size;
  const auto l = load(o);
  const auto cliques = named_sets(l, maximal_cliques(l.sel.csr, min_size));
  std::vector<std::vector<VertexId>> tri_sets;
  for (const auto& t : triangles(l.sel.csr)) tri_sets.emplace_back(t.begin(), t.end());
  const auto tris = named_sets(l, tri_sets);
  ordered_json cj = ordered_json::array(), tj = ordered_json::array();
  std::vector<std::vector<std::string>> crows, trows;
  for (std::size_t i = 0; i < o.limit(cliques.size()); ++i) {
    cj.push_back({{"size", cliques[i].size()}, {"members", l.entities(cliques[i])}});
    crows.push_back({std::to_string(cliques[i].size()), members_cell(cliques[i], 30)});
  }
  for (std::size_t i = 0; i < o.limit(tris.size()); ++i) {
    tj.push_back(l.entities(tris[i]));
    trows.push_back({members_cell(tris[i])});
  }
  if (o.output.table()) {
    fmt::print("{} maximal cliques of at least {} organisations\n", cliques.size(), min_size);
    print_table({"size", "members"}, crows);
    fmt::print("\n{} triangles (3-way alliances)\n", tris.size());
    print_table({"members"}, trows);
  } else {
    // CSV and TSV: one table, the cliques then the triangles (size 3), told apart by `kind`.
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : cliques) rows.push_back({"clique", std::to_string(c.size()), joined(c, "; ")});
    for (const auto& t : tris) rows.push_back({"triangle", "3", joined(t, "; ")});
    o.output.print({{"min_size", min_size}, {"clique_count", cliques.size()}, {"cliques", cj},
                    {"triangle_count", tris.size()}, {"triangles", tj}},
                   {"kind", "size", "members"}, rows);
  }
  if (l.sel.csr.num_vertices() == 0) return kPartial;  // load() said so
  return found_or_say(!cliques.empty() || !tris.empty(), fmt::format("no clique of at least {} and no triangle", min_size));
}

void setup_alliances(CLI::App& cmd, AllianceOptions& o) {
  // Rivals are no bloc, and an affiliate with its parent is ownership, not an alliance.
  o.add(cmd, 0, "JSON object {min_size, clique_count, cliques: [{size, members: [{id, name}]}], triangle_count, "
        "triangles: [[{id, name} x 3]]} (docs/json.md)",
        {RelationType::competition, RelationType::subsidiary_of});
  cmd.add_option("--min-size", o.min_size, "Smallest clique to list")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd.footer("Cliques are listed largest first; --top limits both lists. Parallel relations count once.\n"
             "Rivalries (competition) and ownership (subsidiary_of) are left out: rivals are no alliance, and an\n"
             "affiliate is owned, not allied. --types competition or --exclude-types none counts them.\n"
             "Exit status: 0 success, 1 nothing found, 2 error.\n"
             "Example: aikg alliances --db aikg.db --min-size 4 --status done");
}

// ---------------------------------------------------------------------------

struct RankOptions : GraphOptions {
  std::string by = "degree";
  std::string samples = "auto";
  std::uint64_t seed = 42;
  unsigned threads = 0;
};

// How many sources betweenness and closeness use: "exact", N, or "auto":
// exact while V*E stays under 1e8 (a few seconds on two cores), else enough
// sources for about that much work, at least 64.
std::size_t sources_for(const std::string& samples, const Csr& g) {
  const auto n = g.num_vertices(), e = std::max<std::size_t>(1, g.num_edges());
  if (samples == "exact") return 0;
  if (samples != "auto") {
    std::size_t k = 0;
    const auto [p, ec] = std::from_chars(samples.data(), samples.data() + samples.size(), k);
    if (ec != std::errc{} || p != samples.data() + samples.size() || k == 0)
      throw UsageError(fmt::format("--samples: expected auto, exact or a positive number, got '{}'", samples));
    return k >= n ? 0 : k;
  }
  constexpr double kBudget = 1e8;
  if (static_cast<double>(n) * static_cast<double>(e) <= kBudget) return 0;
  return std::min(n, std::max<std::size_t>(64, static_cast<std::size_t>(kBudget / static_cast<double>(e))));
}

std::vector<double> scores(const RankOptions& o, const Csr& g) {
  const CentralityOptions c{sources_for(o.samples, g), o.seed, o.threads};
  if ((o.by == "betweenness" || o.by == "closeness") && c.samples)
    fmt::print(stderr, "aikg: {} estimated from {} of {} sources (seed {}); --samples exact computes it exactly\n",
               o.by, c.samples, g.num_vertices(), o.seed);
  if (o.by == "degree") return degree_centrality(g);
  if (o.by == "betweenness") return betweenness(g, c);
  if (o.by == "closeness") return closeness(g, c);
  const auto r = o.by == "pagerank" ? pagerank(g) : eigenvector_centrality(g);
  if (!r.converged) fmt::print(stderr, "aikg: {} did not converge in {} iterations\n", o.by, r.iterations);
  return r.score;
}

int run_rank(const RankOptions& o) {
  const auto l = load(o);
  const auto score = scores(o, l.sel.csr);
  std::vector<VertexId> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](VertexId a, VertexId b) {
    return score[a] != score[b] ? score[a] > score[b] : l.sel.name(a) < l.sel.name(b);
  });
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < o.limit(order.size()); ++i) {
    const auto v = order[i];
    const auto relations = l.sel.relations(v);
    out.push_back({{"rank", i + 1}, {"id", l.sel.entity_id(v)}, {"name", l.name(v)}, {"score", score[v]},
                   {"partners", l.sel.csr.degree(v)},
                   {"relations", relations}});
    rows.push_back({std::to_string(i + 1), l.name(v), score_text(score[v]), std::to_string(l.sel.csr.degree(v)),
                    std::to_string(relations)});
  }
  o.output.print(out, {"rank", "name", o.by, "partners", "relations"}, rows);
  return order.empty() ? kPartial : kOk;
}

void setup_rank(CLI::App& cmd, RankOptions& o) {
  o.add(cmd, 20, "JSON array of {rank, id, name, score, partners, relations} (docs/json.md)");
  cmd.add_option("--by", o.by, "degree, betweenness, closeness, pagerank or eigenvector")
      ->capture_default_str()
      ->check(CLI::IsMember({"degree", "betweenness", "closeness", "pagerank", "eigenvector"}));
  cmd.add_option("--samples", o.samples, "Betweenness/closeness sources: auto, exact, or N sampled")
      ->capture_default_str();
  cmd.add_option("--seed", o.seed, "Seed for sampled sources")->capture_default_str();
  cmd.add_option("--threads", o.threads, "Threads for betweenness/closeness (0: all cores)")->capture_default_str();
  cmd.footer(
      "Measures (scores normalised as NetworkX does; parallel relations count once):\n"
      "  degree       distinct partners / (V-1). O(V).\n"
      "  betweenness  share of shortest paths between others that pass through it (Brandes). O(V E) exact,\n"
      "               O(k E) from k sampled sources, split over threads.\n"
      "  closeness    reach / mean distance to the organisations it can reach (Wasserman-Faust). O(V E) exact,\n"
      "               O(k E) from k pivots (Eppstein-Wang estimate).\n"
      "  pagerank     random-surfer share, damping 0.85, power iteration to 1e-10. O(E) per iteration.\n"
      "  eigenvector  leading eigenvector of the adjacency matrix (power iteration on A + I). O(E) per iteration.\n"
      "--samples auto is exact while V*E <= 1e8, else samples about 1e8/E sources (at least 64).\n"
      "Ties are ordered by name. Exit status: 0 success, 1 the selection is empty, 2 error.\n"
      "Example: aikg rank --db aikg.db --by betweenness --top 10 --since 2025-01-01");
}

// ---------------------------------------------------------------------------

struct CommunityOptions : GraphOptions {
  LouvainOptions louvain;
};

int run_communities(const CommunityOptions& o) {
  const auto l = load(o);
  const auto c = louvain(l.sel.csr, o.louvain);
  ordered_json list = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < o.limit(c.members.size()); ++i) {
    const auto m = l.names(c.members[i]);
    list.push_back({{"id", i + 1}, {"size", m.size()}, {"members", l.entities(m)}});
    rows.push_back({std::to_string(i + 1), std::to_string(m.size()), o.output.table() ? members_cell(m) : joined(m, "; ")});
  }
  if (o.output.table())
    fmt::print("{} communities, modularity {:.4f} (Louvain, {} levels, resolution {})\n", c.members.size(),
               c.modularity, c.levels, o.louvain.resolution);
  o.output.print({{"modularity", c.modularity}, {"resolution", o.louvain.resolution}, {"levels", c.levels},
                  {"communities", list}},
                 {"#", "size", "members"}, rows);
  return c.members.empty() ? kPartial : kOk;
}

void setup_communities(CLI::App& cmd, CommunityOptions& o) {
  o.add(cmd, 0, "JSON object {modularity, resolution, levels, communities: [{id, size, members: [{id, name}]}]} "
        "(docs/json.md)",
        {RelationType::competition});
  cmd.add_option("--resolution", o.louvain.resolution, "Above 1: more, smaller communities")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd.add_option("--seed", o.louvain.seed, "Seed for the order vertices are visited in")->capture_default_str();
  cmd.footer("The result is deterministic for a given seed. Parallel relations count once.\n"
             "Rivalries (competition) are left out: rivals are no bloc (--exclude-types none counts them).\n"
             "Exit status: 0 success, 1 the selection is empty, 2 error.\n"
             "Example: aikg communities --db aikg.db --group --min-status planned");
}

}  // namespace

std::vector<CommandSpec> analytics_commands() {
  return {command("components",
                  "Connected components: groups of organisations linked by some chain of selected relations, largest "
                  "first (breadth-first search, O(V + E)).",
                  setup_components, run_components),
          command("alliances",
                  "Blocs where every member is linked to every other: maximal cliques (Bron-Kerbosch with pivoting "
                  "over a degeneracy order, O(d V 3^(d/3)) for degeneracy d) and triangles, the 3-way alliances the "
                  "press writes about (forward algorithm, O(E^1.5)).",
                  setup_alliances, run_alliances),
          command("rank", "Who is central: organisations ranked by a centrality measure.", setup_rank, run_rank),
          command("communities",
                  "Blocs: organisations more densely linked with each other than with the rest, by the Louvain method "
                  "(Blondel et al. 2008), with the partition's modularity. About O(E) per pass.",
                  setup_communities, run_communities)};
}

}  // namespace aikg::cli
