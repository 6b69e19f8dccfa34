// aikg neighbors, aikg path.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/graph.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

// One evidence sentence for a hop: the latest one.
std::optional<EvidenceRow> best_evidence(const Store& store, std::int64_t relation_id) {
  auto ev = store.evidence(relation_id);
  if (ev.empty()) return std::nullopt;
  return ev.back();
}

}  // namespace

void register_graph(CLI::App& app, std::vector<Command>& commands) {
  {
    struct Options {
      DbOption db;
      SelectionOptions selection;
      std::string name;
      std::size_t depth = 1;
      bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("neighbors", "The ego network of an organisation: who it is linked to within N hops, "
                                                "through which relations (breadth-first search on the graph).");
    o->db.add(cmd);
    o->selection.add(cmd);
    cmd->add_option("name", o->name, "Organisation (any alias, Korean or English)")->required();
    cmd->add_option("--depth", o->depth, "Hops from the organisation")->capture_default_str()->check(CLI::Range(1, 10));
    cmd->add_flag("--json", o->json, "JSON array of {name, depth, relations: [{type, status, via}]}");
    commands.push_back({cmd, [o]() -> int {
      const auto store = o->db.open(true);
      const auto id = resolve_or_explain(store, o->name);
      const auto ag = select_graph(store, o->selection.resolve());
      const auto start = ag.find(id);
      const auto found = start ? neighbors(ag, *start, o->depth) : std::vector<Neighbor>{};
      const auto& g = ag.graph;
      ordered_json out = ordered_json::array();
      std::vector<std::vector<std::string>> rows;
      for (const auto& n : found) {
        ordered_json rels = ordered_json::array();
        std::vector<std::string> text;
        for (const auto& e : n.edges) {
          const auto& p = g[e];
          const auto via = g[boost::source(e, g) == n.vertex ? boost::target(e, g) : boost::source(e, g)].name;
          rels.push_back({{"type", name(p.type)}, {"status", name(p.status)}, {"via", via}});
          text.push_back(fmt::format("{} ({})", name(p.type), name(p.status)) + (n.depth > 1 ? " via " + via : ""));
        }
        out.push_back({{"name", g[n.vertex].name}, {"depth", n.depth}, {"relations", rels}});
        rows.push_back({g[n.vertex].name, std::to_string(n.depth), fmt::format("{}", fmt::join(text, ", "))});
      }
      if (o->json)
        fmt::print("{}\n", out.dump(2));
      else
        print_table({"neighbor", "depth", "relations"}, rows);
      return found.empty() ? kPartial : kOk;
    }});
  }
  {
    struct Options {
      DbOption db;
      SelectionOptions selection;
      std::string from, to;
      bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("path", "How two organisations are connected: a shortest chain of relations "
                                           "(fewest hops), each hop with its type, status, date and one evidence sentence.");
    o->db.add(cmd);
    o->selection.add(cmd);
    cmd->add_option("from", o->from, "First organisation")->required();
    cmd->add_option("to", o->to, "Second organisation")->required();
    cmd->add_flag("--json", o->json, "JSON array of hops");
    cmd->footer("Exit status: 0 a path was found, 1 the two are not connected, 2 error.\n"
                "Example: aikg path --db aikg.db \"SK Telecom\" SoftBank");
    commands.push_back({cmd, [o]() -> int {
      const auto store = o->db.open(true);
      const auto a = resolve_or_explain(store, o->from), b = resolve_or_explain(store, o->to);
      const auto ag = select_graph(store, o->selection.resolve());
      const auto va = ag.find(a), vb = ag.find(b);
      const auto path = (va && vb) ? shortest_path(ag, *va, *vb) : std::nullopt;
      if (!path) {
        if (o->json) fmt::print("[]\n");
        fmt::print(stderr, "aikg: no path between '{}' and '{}'\n", o->from, o->to);
        return kPartial;
      }
      const auto& g = ag.graph;
      ordered_json out = ordered_json::array();
      auto here = *va;
      for (const auto& e : *path) {
        const auto& p = g[e];
        const auto next = boost::source(e, g) == here ? boost::target(e, g) : boost::source(e, g);
        const auto ev = best_evidence(store, p.relation_id);
        ordered_json hop{{"from", g[here].name},
                         {"to", g[next].name},
                         {"type", name(p.type)},
                         {"status", name(p.status)},
                         {"date", p.last_seen},
                         {"evidence", ev ? ordered_json{{"doc", ev->doc}, {"sentence", ev->sentence}} : ordered_json()}};
        if (o->json) {
          out.push_back(hop);
        } else {
          fmt::print("{} --[{}, {}{}]--> {}\n", g[here].name, name(p.type), name(p.status),
                     p.last_seen.empty() ? "" : ", " + p.last_seen, g[next].name);
          if (ev) fmt::print("    \"{}\" ({})\n", ev->sentence, ev->doc);
        }
        here = next;
      }
      if (o->json) fmt::print("{}\n", out.dump(2));
      return kOk;
    }});
  }
}

}  // namespace aikg::cli
