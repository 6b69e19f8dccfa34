// aikg export dot.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "aikg/dot.hpp"
#include "aikg/graph.hpp"
#include "cli.hpp"

namespace aikg::cli {

void register_export(CLI::App& app, std::vector<Command>& commands) {
  auto* exp = app.add_subcommand("export", "Write the graph in a format other tools read.");
  exp->require_subcommand(1);
  struct Options {
    DbOption db;
    SelectionOptions selection;
    std::string out = "-";
  };
  auto o = std::make_shared<Options>();
  auto* dot = exp->add_subcommand("dot", "Graphviz DOT: colour per relation type, line style per status "
                                         "(solid signed, dashed planned, dotted talks/speculated).");
  o->db.add(dot);
  o->selection.add(dot);
  dot->add_option("-o,--output", o->out, "Output file (- for stdout)")->capture_default_str();
  dot->footer("Render: dot -Tsvg aikg.dot -o aikg.svg");
  commands.push_back({dot, [o]() -> int {
    const auto store = o->db.open(true);
    const auto ag = select_graph(store, o->selection.resolve());
    if (o->out == "-") {
      write_dot(std::cout, ag);
      std::cout.flush();
    } else {
      const auto tmp = o->out + ".tmp";
      {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw std::runtime_error(fmt::format("{}: cannot write", o->out));
        write_dot(f, ag);
        if (!f.flush()) throw std::runtime_error(fmt::format("{}: write failed", o->out));
      }
      std::filesystem::rename(tmp, o->out);
      fmt::print(stderr, "wrote {} ({} nodes, {} edges)\n", o->out, boost::num_vertices(ag.graph),
                 boost::num_edges(ag.graph));
    }
    return kOk;
  }});
}

}  // namespace aikg::cli
