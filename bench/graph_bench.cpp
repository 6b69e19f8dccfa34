// aikg_bench: times loading the selection and each graph query of aikg on one
// database, for tools/bench_graph.py (which runs NetworkX and igraph on the
// same graph beside it). A benchmark, not a test: built only with
// -DAIKG_BUILD_BENCH=ON.
//
// Usage: aikg_bench DB [--pairs FILE] [--skip NAME,NAME...] [--threads N]
// Prints one JSON object per measurement: {name, median_s, runs_s, result}.
// Each measurement is repeated as in docs/perf-anchors: 5 runs when one takes
// under 1 s, 3 under 10 s, else 1; the median is reported.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "aikg/analytics.hpp"
#include "aikg/selection.hpp"
#include "aikg/store.hpp"

namespace {

using aikg::Csr;
using nlohmann::json;

struct Options {
  std::string db, pairs;
  std::set<std::string> skip;
  unsigned threads = 0;
};

Options parse(int argc, char** argv) {
  Options o;
  if (argc < 2) throw std::runtime_error("usage: aikg_bench DB [--pairs FILE] [--skip NAME,...] [--threads N]");
  o.db = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--pairs") o.pairs = value;
    else if (flag == "--threads") o.threads = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--skip") {
      std::stringstream in(value);
      for (std::string name; std::getline(in, name, ',');) o.skip.insert(name);
    } else throw std::runtime_error("unknown flag " + flag);
  }
  return o;
}

double seconds_of(const std::function<json()>& f, json& result) {
  const auto start = std::chrono::steady_clock::now();
  result = f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void measure(const Options& o, const std::string& name, const std::function<json()>& f) {
  if (o.skip.count(name)) return;
  json result;
  std::vector<double> runs{seconds_of(f, result)};
  const std::size_t want = runs[0] < 1 ? 5 : runs[0] < 10 ? 3 : 1;
  while (runs.size() < want) runs.push_back(seconds_of(f, result));
  auto sorted = runs;
  std::sort(sorted.begin(), sorted.end());
  std::cout << json{{"name", name}, {"median_s", sorted[sorted.size() / 2]}, {"runs_s", runs}, {"result", result}}
            << std::endl;
}

std::vector<std::pair<aikg::Vertex, aikg::Vertex>> read_pairs(const std::string& path, const aikg::AllianceGraph& ag) {
  std::unordered_map<std::string, aikg::Vertex> by_name;
  for (aikg::Vertex v = 0; v < boost::num_vertices(ag.graph); ++v) by_name.emplace(ag.graph[v].name, v);
  std::vector<std::pair<aikg::Vertex, aikg::Vertex>> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    out.emplace_back(by_name.at(line.substr(0, tab)), by_name.at(line.substr(tab + 1)));
  }
  return out;
}

json top_score(const std::vector<double>& x) { return x.empty() ? 0.0 : *std::max_element(x.begin(), x.end()); }

void run_queries(const Options& o, const aikg::AllianceGraph& ag, const Csr& csr) {
  const aikg::CentralityOptions exact{0, 42, o.threads}, sampled{64, 42, o.threads};
  measure(o, "components", [&] { return json(aikg::connected_components(csr).members.size()); });
  measure(o, "triangles", [&] { return json(aikg::count_triangles(csr)); });
  measure(o, "maximal_cliques", [&] {
    std::size_t count = 0;
    aikg::for_each_maximal_clique(csr, 1, [&](std::span<const aikg::VertexId>) { ++count; });
    return json(count);
  });
  measure(o, "degree", [&] { return top_score(aikg::degree_centrality(csr)); });
  measure(o, "betweenness_exact", [&] { return top_score(aikg::betweenness(csr, exact)); });
  measure(o, "betweenness_k64", [&] { return top_score(aikg::betweenness(csr, sampled)); });
  measure(o, "closeness_exact", [&] { return top_score(aikg::closeness(csr, exact)); });
  measure(o, "closeness_k64", [&] { return top_score(aikg::closeness(csr, sampled)); });
  measure(o, "pagerank", [&] {
    const auto r = aikg::pagerank(csr);
    return json{{"top", top_score(r.score)}, {"iterations", r.iterations}};
  });
  measure(o, "eigenvector", [&] {
    const auto r = aikg::eigenvector_centrality(csr);
    return json{{"top", top_score(r.score)}, {"iterations", r.iterations}};
  });
  measure(o, "louvain", [&] {
    const auto c = aikg::louvain(csr);
    return json{{"communities", c.members.size()}, {"modularity", c.modularity}};
  });
  if (o.pairs.empty()) return;
  const auto pairs = read_pairs(o.pairs, ag);
  aikg::PathFinder finder(csr);
  measure(o, "paths_100", [&] {
    double hops = 0;
    for (const auto& [a, b] : pairs) hops += finder.shortest(a, b)->length;
    return json(hops);
  });
}

}  // namespace

int main(int argc, char** argv) try {
  const auto o = parse(argc, argv);
  const aikg::Store store(o.db, aikg::StoreOptions{true, false});
  const aikg::Selection everything;
  std::vector<aikg::RelationRow> rows;
  std::vector<aikg::EntityRow> entities;
  aikg::AllianceGraph ag;
  Csr csr;
  // The load as the whole-graph commands do it (schema 4): the selection's
  // simple graph from the graph snapshot, names left in it until printed.
  // The first run builds and stores the snapshot; the median is warm.
  measure(o, "load_select_simple", [&] { return json(aikg::select_simple(store, everything).csr.num_edges()); });
  // Diagnostics, not summed: the load from the tables, as before the
  // snapshot (AIKG_SNAPSHOT=off), step by step. The queries run on its graph.
  ::setenv("AIKG_SNAPSHOT", "off", 1);
  measure(o, "tables_store_relations_rows", [&] { return json(store.relations({}, false).size()); });
  measure(o, "tables_select_relations", [&] {
    rows = aikg::select_relations(store, everything);
    return json(rows.size());
  });
  measure(o, "tables_entities", [&] {
    entities = store.entities();
    return json(entities.size());
  });
  measure(o, "tables_build_graph", [&] {
    ag = aikg::build_graph(rows, entities);
    return json(boost::num_vertices(ag.graph));
  });
  measure(o, "tables_make_csr", [&] {
    csr = aikg::make_csr(ag);
    return json(csr.num_edges());
  });
  ::unsetenv("AIKG_SNAPSHOT");
  run_queries(o, ag, csr);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "aikg_bench: %s\n", e.what());
  return 2;
}
