// aikg export dot|graphml|gexf|json|cytoscape|csv: the selected graph in the
// formats analysts open it with. Every format takes the selection flags and
// --focus/--depth; files are written whole or not at all (output.hpp).
#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <sstream>

#include "aikg/dot.hpp"
#include "aikg/error.hpp"
#include "aikg/explorer.hpp"
#include "aikg/export.hpp"
#include "aikg/output.hpp"
#include "aikg/render.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadableEdges = 500;  // above this, export dot suggests narrowing flags

struct ExportOptions {
  DbOption db;
  SelectionOptions selection;
  std::string focus;
  std::size_t depth = 1;
  std::string out = "-";
  std::string layout = "auto";  // dot only
  bool no_legend = false;       // dot only
  bool split_types = false;     // dot only
  std::string render;           // dot only
  bool neo4j = false;           // csv only
  bool excel = false;           // csv only
};

void add_common(CLI::App& cmd, ExportOptions& o, std::string_view output_help,
                std::vector<RelationType> default_exclusion = {}) {
  o.db.add(&cmd);
  o.selection.add(&cmd, std::move(default_exclusion));
  auto* focus = cmd.add_option("--focus", o.focus, "Only the network around this organisation (any alias)");
  cmd.add_option("--depth", o.depth, "With --focus: hops from it")
      ->capture_default_str()
      ->check(CLI::Range(1, 10))
      ->needs(focus);
  cmd.add_option("-o,--output", o.out, std::string(output_help))->capture_default_str();
}

std::optional<Focus> focus_of(const ExportOptions& o, const Store& store) {
  if (o.focus.empty()) return std::nullopt;
  return Focus{resolve_or_explain(store, o.focus), o.depth};
}

// Parse, then run: flags are checked before the database is opened.
ExportGraph load(const ExportOptions& o) {
  const auto selection = o.selection.resolve();
  const auto store = o.db.open(true);
  return select_export(store, selection, focus_of(o, store));
}

// The export as the writers stream it; `store` must outlive it.
ExportView open_view(const ExportOptions& o, const Store& store) {
  return open_export(store, o.selection.resolve(), focus_of(o, store));
}

// Refuses a target before the work is done (output.hpp says which).
void check_file_target(const ExportOptions& o) {
  if (o.out != "-") check_output_target(o.out, database_files(o.db.path));
}

void write_output(const ExportOptions& o, std::string_view text) {
  Output out(o.out, database_files(o.db.path));
  out.write(text);
  out.commit();
}

// Writes `target` as `write` streams it: a file appears whole or not at all
// (output.hpp); standard output gets the document as it is made.
void stream_output(const std::string& target, const ExportOptions& o, const std::function<void(std::ostream&)>& write) {
  Output out(target, database_files(o.db.path));
  OutputStream stream(out);
  write(stream);
  stream.flush();
  out.commit();
}

// Exit status 1 and a note when the selection is empty; the (empty) file is
// still written, so scripts find a valid document.
int finish(const ExportOptions& o, const ExportView& g, std::string_view written) {
  if (!written.empty()) fmt::print(stderr, "wrote {} ({} nodes, {} edges)\n", written, g.nodes(), g.edges());
  if (g.edges() > 0) return kOk;
  if (!o.focus.empty())
    fmt::print(stderr, "aikg: '{}' has no relations in the selection\n", o.focus);
  else
    fmt::print(stderr, "aikg: no relations match the selection\n");
  return kPartial;
}

using Writer = void (*)(std::ostream&, const ExportView&);

// graphml, gexf, json, cytoscape: one document to a file or stdout.
int run_document(const ExportOptions& o, Writer writer) {
  check_file_target(o);
  const auto store = o.db.open(true);
  const auto g = open_view(o, store);
  stream_output(o.out, o, [&](std::ostream& out) { writer(out, g); });
  return finish(o, g, o.out == "-" ? "" : o.out);
}

void setup_document(CLI::App& cmd, ExportOptions& o, std::string_view footer) {
  add_common(cmd, o, "Output file (- for stdout)");
  cmd.footer(std::string(footer));
}

void setup_graphml(CLI::App& cmd, ExportOptions& o) {
  setup_document(cmd, o,
                 "Example: aikg export graphml --db aikg.db -o alliances.graphml\n"
                 "  python3 -c 'import networkx as nx; G = nx.read_graphml(\"alliances.graphml\")'");
}
int run_graphml(const ExportOptions& o) { return run_document(o, write_graphml); }

void setup_gexf(CLI::App& cmd, ExportOptions& o) {
  setup_document(cmd, o, "Example: aikg export gexf --db aikg.db -o alliances.gexf   (Gephi: File > Open, then Timeline)");
}
int run_gexf(const ExportOptions& o) { return run_document(o, write_gexf); }

void setup_json(CLI::App& cmd, ExportOptions& o) {
  setup_document(cmd, o,
                 "Example: aikg export json --db aikg.db -o alliances.json\n"
                 "  G = nx.node_link_graph(json.load(open(\"alliances.json\")), edges=\"edges\")"
                 "  # NetworkX < 3.4: link=\"edges\"");
}
int run_json(const ExportOptions& o) { return run_document(o, write_node_link_json); }

void setup_cytoscape(CLI::App& cmd, ExportOptions& o) {
  setup_document(cmd, o,
                 "Example: aikg export cytoscape --db aikg.db -o alliances.cyjs   (cy.json(data) or cy.add(data.elements))");
}
int run_cytoscape(const ExportOptions& o) { return run_document(o, write_cytoscape_json); }

// The explorer page needs the selection too (competition starts hidden
// unless --types named it).
int run_html(const ExportOptions& o) {
  check_file_target(o);
  const auto g = load(o);  // the page embeds the graph whole
  if (boost::num_edges(g.alliances.graph) > 10000)
    fmt::print(stderr, "aikg: {} edges make a slow page; narrow it with --focus or the filters, or use aikg serve\n",
               boost::num_edges(g.alliances.graph));
  std::ostringstream text;
  write_explorer_html(text, g, o.selection.resolve());
  write_output(o, text.str());
  return finish(o, g, o.out == "-" ? "" : o.out);
}

void setup_html(CLI::App& cmd, ExportOptions& o) {
  setup_document(cmd, o,
                 "One self-contained page (data, Cytoscape.js and styles inside) that opens offline in any browser:\n"
                 "search by name or alias, filters by type, status and date, click an organisation for its\n"
                 "neighbours and timeline, a line for its evidence sentences; competition is hidden unless\n"
                 "--types names it. For databases too big to embed: aikg serve.\n"
                 "Example: aikg export html --db aikg.db --min-status planned -o alliances.html");
}

// True when `fd` is a pipe whose reader has gone (Linux flags POLLERR).
bool reader_gone(int fd) {
  pollfd p{fd, POLLOUT, 0};
  return ::poll(&p, 1, 0) == 1 && (p.revents & POLLERR) != 0;
}

// The picture format: --render, else the output file's extension.
std::optional<RenderFormat> picture_format(const ExportOptions& o) {
  if (!o.render.empty()) return parse_render_format(o.render);
  const auto ext = fs::path(o.out).extension().string();
  return ext.empty() || o.out == "-" ? std::nullopt : parse_render_format(ext.substr(1));
}

void render(const ExportOptions& o, std::string_view dot, RenderFormat format) {
  if (o.out == "-" && format != RenderFormat::svg && isatty(STDOUT_FILENO))
    throw UsageError("not writing a binary picture to the terminal; give -o FILE");
  Output out(o.out, database_files(o.db.path));
  try {
    render_with_graphviz(dot, format, out.fd());
  } catch (const std::runtime_error&) {
    if (out.is_stdout() && reader_gone(STDOUT_FILENO)) return;  // `| head` closed the pipe: not a failure
    throw;
  }
  out.commit();
}

int run_dot(const ExportOptions& o) {
  check_file_target(o);
  const auto format = picture_format(o);
  const auto store = o.db.open(true);
  const auto g = open_view(o, store);
  DotOptions options;
  options.layout = o.layout == "dot" ? DotLayout::dot : o.layout == "sfdp" ? DotLayout::sfdp : DotLayout::automatic;
  options.legend = !o.no_legend;
  options.split_types = o.split_types;
  // Beyond about 500 edges a picture is a hairball nobody reads.
  if (const auto edges = g.edges(); edges > kReadableEdges)
    fmt::print(stderr,
               "aikg: {} relations is more than a picture shows readably; narrow it with --focus NAME --depth 1, "
               "--min-status planned, --min-evidence 2 or --since DATE\n",
               edges);
  if (format) {
    std::ostringstream text;  // Graphviz reads it whole anyway
    write_dot(text, g, options);
    render(o, text.str(), *format);
  } else {
    stream_output(o.out, o, [&](std::ostream& out) { write_dot(out, g, options); });
  }
  return finish(o, g, o.out == "-" ? "" : o.out);
}

void setup_dot(CLI::App& cmd, ExportOptions& o) {
  // A picture of alliances: rivals drawn among partners read as one more bloc.
  add_common(cmd, o, "Output file (- for stdout); .svg, .png or .pdf renders with Graphviz", {RelationType::competition});
  cmd.add_option("--layout", o.layout, "Layout engine: auto (dot up to 300 nodes, else sfdp), dot or sfdp")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "dot", "sfdp"}));
  cmd.add_flag("--no-legend", o.no_legend, "Caption only, no legend");
  cmd.add_flag("--split-types", o.split_types,
               "One edge per relation (by default a pair gets one edge, styled by its strongest relation and "
               "labelled with all of them)");
  cmd.add_option("--render", o.render, "Render with Graphviz instead of writing DOT: svg, png or pdf")
      ->check(CLI::IsMember({"svg", "png", "pdf"}, CLI::ignore_case));
  cmd.footer("Rivalries (competition) are left out unless --types or --exclude-types asks for them; ownership\n"
             "(subsidiary_of) is drawn with a diamond at the owner.\n"
             "Examples:\n"
             "  aikg export dot --db aikg.db --focus OpenAI --depth 2 -o openai.svg\n"
             "  aikg export dot --db aikg.db --min-status planned --since 2024-01-01 | dot -Tpng -o deals.png");
}

int run_csv(const ExportOptions& o) {
  if (o.out == "-") throw UsageError("csv writes nodes.csv and edges.csv: give a directory with -o DIR");
  const fs::path dir(o.out);
  if (fs::exists(dir) && !fs::is_directory(dir)) throw UsageError(fmt::format("{} is not a directory", o.out));
  const auto flavour = o.neo4j ? CsvFlavour::neo4j : o.excel ? CsvFlavour::excel : CsvFlavour::plain;
  if (fs::is_directory(dir))
    for (const auto* file : {"nodes.csv", "edges.csv"}) check_output_target(path_inside(dir, file), database_files(o.db.path));
  const auto store = o.db.open(true);
  const auto g = open_view(o, store);
  fs::create_directories(dir);
  // Both files are written before either replaces what was there: an export
  // that fails halfway leaves the old pair, never a new nodes.csv beside an
  // old edges.csv.
  Output nodes(path_inside(dir, "nodes.csv").string(), database_files(o.db.path));
  Output edges(path_inside(dir, "edges.csv").string(), database_files(o.db.path));
  for (auto [out, writer] : {std::pair{&nodes, &write_nodes_csv}, std::pair{&edges, &write_edges_csv}}) {
    OutputStream stream(*out);
    writer(stream, g, flavour);
    stream.flush();
  }
  nodes.commit();
  edges.commit();
  return finish(o, g, (dir / "{nodes,edges}.csv").string());
}

void setup_csv(CLI::App& cmd, ExportOptions& o) {
  o.out.clear();  // a directory, which has no default
  add_common(cmd, o, "Directory for nodes.csv and edges.csv (created if missing)");
  cmd.get_option("--output")->required();
  auto* neo4j = cmd.add_flag("--neo4j", o.neo4j, "Headers for `neo4j-admin database import` (:ID, :START_ID, :TYPE, ...)");
  cmd.add_flag("--excel", o.excel, "For spreadsheets: UTF-8 BOM, and text cells starting with = + - @ get a ' prefix")
      ->excludes(neo4j);
  cmd.footer("Examples:\n"
             "  aikg export csv --db aikg.db --excel -o alliances/\n"
             "  aikg export csv --db aikg.db --neo4j -o import/ &&\n"
             "    neo4j-admin database import full --nodes=import/nodes.csv --relationships=import/edges.csv "
             "--multiline-fields=true neo4j");
}

}  // namespace

std::vector<CommandSpec> export_commands() {
  return {group("export", "Write the graph in a format other tools read (with the selection flags)."),
          command("export dot",
                  "Graphviz DOT: colour per relation type, line style per status (solid done, dashed planned, dotted "
                  "talks/speculated, faded ended), width by evidence, shape per kind, affiliates boxed with their "
                  "group, a legend, evidence tooltips.",
                  setup_dot, run_dot),
          command("export graphml", "GraphML with typed attributes (Gephi, yEd, NetworkX, igraph).", setup_graphml,
                  run_graphml),
          command("export gexf",
                  "GEXF 1.3 for Gephi, with time intervals from evidence dates (the timeline replays the alliances).",
                  setup_gexf, run_gexf),
          command("export json", "NetworkX node-link JSON (edges under \"edges\", with their evidence).", setup_json,
                  run_json),
          command("export html",
                  "One self-contained HTML page to explore the graph in a browser: search, filters, evidence per edge.",
                  setup_html, run_html),
          command("export cytoscape", "Cytoscape.js elements JSON (also Cytoscape desktop, NetworkX).",
                  setup_cytoscape, run_cytoscape),
          command("export csv", "Nodes and edges as DIR/nodes.csv and DIR/edges.csv (RFC 4180, UTF-8).", setup_csv,
                  run_csv)};
}

}  // namespace aikg::cli
