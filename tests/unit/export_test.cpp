// Exports: the escaping tables for hostile names, well-formed XML, CSV
// quoting and the formula guard, the GEXF timeline, the DOT drawing rules,
// ego networks, and files that appear whole or not at all.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aikg/dot.hpp"
#include "aikg/error.hpp"
#include "aikg/export.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/output.hpp"
#include "aikg/render.hpp"

namespace fs = std::filesystem;
using namespace aikg;

namespace {

const std::vector<std::string> kHostile{
    "Quote \"Inc\"",     "Back\\slash Corp\\", "Line1\nLine2",        "\"; DROP TABLE x; --",
    "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\\N Holdings", "Amp &amp; &lt;b&gt;",
    "]]> --> <!--",      "Tab\tCo",           std::string("Nul\0Byte", 8), "Bad \xFF UTF-8",
};

// A minimal XML 1.0 well-formedness check for what the writers emit (no
// DOCTYPE, comments or CDATA): tags balance, attribute values are quoted
// and hold no '<', every '&' starts a known entity or character reference,
// and no control character other than TAB, LF, CR appears.
std::string xml_problem(const std::string& xml) {
  std::vector<std::string> open;
  auto entity_ok = [&](std::size_t i) {
    for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
      if (xml.compare(i, std::strlen(e), e) == 0) return true;
    std::size_t j = i + 1;
    if (j < xml.size() && xml[j] == '#') {
      while (++j < xml.size() && std::isdigit(static_cast<unsigned char>(xml[j]))) {}
      return j < xml.size() && xml[j] == ';' && j > i + 2;
    }
    return false;
  };
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fmt::format("control character at {}", i);
    if (c == '&' && !entity_ok(i)) return fmt::format("bare & at {}", i);
    if (c != '<') continue;
    const auto close = xml.find('>', i);
    if (close == std::string::npos) return "unterminated tag";
    std::string tag = xml.substr(i + 1, close - i - 1);
    if (tag.starts_with("?")) {
      i = close;
      continue;
    }
    if (tag.starts_with("/")) {
      if (open.empty() || open.back() != tag.substr(1)) return "mismatched </" + tag.substr(1) + ">";
      open.pop_back();
    } else {
      const bool empty = tag.ends_with("/");
      const auto name = tag.substr(0, tag.find_first_of(" \n/"));
      std::size_t quotes = 0;
      for (const char q : tag) quotes += q == '"';
      if (quotes % 2) return "unbalanced quotes in <" + name + ">";
      if (!empty) open.push_back(name);
    }
    i = close;
  }
  return open.empty() ? "" : "unclosed <" + open.back() + ">";
}

EvidenceRow evidence(std::string date, Status status, std::string url = "https://news.example/a") {
  EvidenceRow e;
  e.doc = "doc-" + date;
  e.sentence = "They signed on " + date + ".";
  e.status = status;
  e.date = std::move(date);
  e.confidence = 0.8;
  e.url = std::move(url);
  return e;
}

RelationRow relation(std::int64_t id, RelationType type, std::int64_t s, std::int64_t t, std::vector<EvidenceRow> ev) {
  RelationRow r;
  r.id = id;
  r.type = type;
  r.source_id = s;
  r.target_id = t;
  r.evidence = std::move(ev);
  r.evidence_count = static_cast<std::int64_t>(r.evidence.size());
  r.status = r.evidence.back().status;
  r.first_seen = r.evidence.front().date;
  r.last_seen = r.evidence.back().date;
  r.confidence = 0.8;
  return r;
}

// An ExportGraph from entity names (ids 1..n) and relations, as select_export
// would build it.
ExportGraph graph_of(const std::vector<std::string>& names, std::vector<RelationRow> relations,
                     EntityKind kind = EntityKind::company) {
  std::vector<EntityRow> entities;
  for (std::size_t i = 0; i < names.size(); ++i)
    entities.push_back({static_cast<std::int64_t>(i + 1), names[i], kind, "", false, {names[i]}});
  for (auto& r : relations) r.source_name = names[r.source_id - 1], r.target_name = names[r.target_id - 1];
  ExportGraph g;
  g.alliances = build_graph(relations, entities);
  for (auto& r : relations) g.evidence.emplace(r.id, r.evidence);
  g.title = "test";
  return g;
}

// A ring through all the hostile names, one relation of each status.
ExportGraph hostile_graph() {
  std::vector<RelationRow> rels;
  const auto n = static_cast<std::int64_t>(kHostile.size());
  for (std::int64_t i = 0; i < n; ++i)
    rels.push_back(relation(i + 1, kRelationTypes[static_cast<std::size_t>(i) % kRelationTypes.size()].type, i + 1, (i + 1) % n + 1,
                            {evidence("2024-0" + std::to_string(1 + i % 9) + "-15", kStatuses[i % 5].status,
                                      i % 2 ? "javascript:alert(1)" : "https://x.example/?a=1&b=\"<c>\"")}));
  return graph_of(kHostile, rels);
}

template <typename Writer>
std::string written(Writer writer, const ExportGraph& g) {
  std::ostringstream out;
  writer(out, g);
  return out.str();
}

}  // namespace

TEST_CASE("xml_escape: entities, character references, replacement", "[export]") {
  const std::vector<std::pair<std::string, std::string>> table{
      {"plain 삼성", "plain 삼성"},
      {"a & b", "a &amp; b"},
      {"<script>", "&lt;script&gt;"},
      {"\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"},
      {"l1\nl2\r\tx", "l1&#10;l2&#13;&#9;x"},
      {std::string("nul\0", 4), "nul\xEF\xBF\xBD"},
      {"bell\x07", "bell\xEF\xBF\xBD"},
      {"bad\xFFutf8", "bad\xEF\xBF\xBDutf8"},
      {"\xEF\xBF\xBE", "\xEF\xBF\xBD"},  // U+FFFE is not an XML character
      {"&amp;", "&amp;amp;"},
  };
  for (const auto& [in, want] : table) {
    INFO(in);
    CHECK(xml_escape(in) == want);
  }
}

TEST_CASE("csv_field: RFC 4180 quoting and the spreadsheet formula guard", "[export]") {
  struct Row {
    std::string in, plain, guarded;
  };
  const std::vector<Row> table{
      {"Samsung", "Samsung", "Samsung"},
      {"a,b", "\"a,b\"", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\"", "\"two\nlines\""},
      {"=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"+SUM(1)", "+SUM(1)", "'+SUM(1)"},
      {"-2 Corp", "-2 Corp", "'-2 Corp"},
      {"@at", "@at", "'@at"},
      {"\tTab", "\tTab", "'\tTab"},
      {"\rCR", "\"\rCR\"", "\"'\rCR\""},
      {std::string("\0=x", 3), "=x", "'=x"},  // NUL dropped before the guard looks
      {"a=b", "a=b", "a=b"},
      {"", "", ""},
  };
  for (const auto& r : table) {
    INFO(r.in);
    CHECK(csv_field(r.in, false) == r.plain);
    CHECK(csv_field(r.in, true) == r.guarded);
  }
}

TEST_CASE("dot_quote: no name ends the string, injects attributes or expands escapes", "[export]") {
  const std::vector<std::pair<std::string, std::string>> table{
      {"OpenAI", R"("OpenAI")"},
      {"Quote \"Inc\"", R"("Quote \"Inc\"")"},
      {"ends with \\", R"("ends with \\")"},
      {"\\N \\G \\E \\T \\H \\L \\n \\l", R"("\\N \\G \\E \\T \\H \\L \\n \\l")"},
      {"a\"]; x -- y [label=\"", R"("a\"]; x -- y [label=\"")"},
      {"line1\nline2\r\nline3\rline4", R"("line1\nline2\nline3\nline4")"},
      {"tab\tbell\x07", R"("tab bell")"},
      {"AT&T &lt;b&gt;", R"("AT&amp;T &amp;lt;b&amp;gt;")"},
      {"<b>bold</b>", R"("<b>bold</b>")"},  // a quoted string is never an HTML label
      {"bad\xFF", "\"bad\xEF\xBF\xBD\""},
  };
  for (const auto& [in, want] : table) {
    INFO(in);
    CHECK(dot_quote(in) == want);
  }
  CHECK(dot_tooltip("a\\N \"b\"\nc") == "\"a\u29F5N \\\"b\\\"\\nc\"");
}

TEST_CASE("dot_url and is_web_url: only http(s) links, with nothing that breaks SVG", "[export]") {
  const std::vector<std::pair<std::string, std::string>> table{
      {"https://news.example/a?x=1&y=2", R"("https://news.example/a?x=1&amp;y=2")"},
      {"HTTP://EXAMPLE.COM/", R"("HTTP://EXAMPLE.COM/")"},
      {"https://e.example/\"onmouseover='x'<b>\\", R"("https://e.example/%22onmouseover=%27x%27%3Cb%3E%5C")"},
      {"https://e.example/뉴스", R"("https://e.example/%EB%89%B4%EC%8A%A4")"},
      {"javascript:alert(1)", ""},
      {"file:///etc/passwd", ""},
      {"data:text/html,<script>", ""},
      {"https://", ""},
      {"https:///path", ""},
      {"https://a b", ""},
      {"", ""},
  };
  for (const auto& [in, want] : table) {
    INFO(in);
    CHECK(dot_url(in) == want);
    CHECK(is_web_url(in) == !want.empty());
  }
}

TEST_CASE("GraphML and GEXF stay well-formed XML whatever the names", "[export]") {
  const auto g = hostile_graph();
  for (const auto& [format, xml] : {std::pair{"graphml", written(write_graphml, g)},
                                    std::pair{"gexf", written(write_gexf, g)}}) {
    INFO(format);
    CHECK(xml_problem(xml).empty());
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(xml.find("javascript:") == std::string::npos);  // only web links are exported
  }
  CHECK(xml_problem("<a><b></a></b>") == "mismatched </a>");  // the checker itself
  CHECK(xml_problem("<a>x & y</a>") == "bare & at 5");
}

TEST_CASE("GraphML declares typed keys before the graph", "[export]") {
  const auto xml = written(write_graphml, hostile_graph());
  CHECK(xml.find(R"(<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>)") < xml.find("<graph "));
  CHECK(xml.find(R"(attr.name="directed" attr.type="boolean")") != std::string::npos);
  CHECK(xml.find(R"(edgedefault="undirected")") != std::string::npos);
  CHECK(xml.find(R"(<edge id="r1" source="n1" target="n2">)") != std::string::npos);
}

TEST_CASE("GEXF replays a relation's history on the timeline", "[export]") {
  // Talks in January, signed on 1 March (the day after 29 February 2024), then
  // a second deal ended in June.
  auto g = graph_of({"A", "B", "C"},
                    {relation(1, RelationType::mou, 1, 2,
                              {evidence("2024-01-05", Status::talks), evidence("2024-03-01", Status::done)}),
                     relation(2, RelationType::acquisition, 2, 3,
                              {evidence("2024-02", Status::planned), evidence("2024-06-30", Status::ended)})});
  const auto xml = written(write_gexf, g);
  CHECK(xml.find(R"(mode="dynamic" defaultedgetype="undirected" timeformat="date")") != std::string::npos);
  CHECK(xml.find(R"(<node id="n1" label="A" start="2024-01-05">)") != std::string::npos);
  CHECK(xml.find(R"(<node id="n3" label="C" start="2024-02-01">)") != std::string::npos);
  CHECK(xml.find(R"(type="undirected" kind="mou" label="mou" weight="2" start="2024-01-05">)") != std::string::npos);
  CHECK(xml.find(R"(<attvalue for="status" value="talks" start="2024-01-05" end="2024-02-29"/>)") != std::string::npos);
  CHECK(xml.find(R"(<attvalue for="status" value="done" start="2024-03-01"/>)") != std::string::npos);
  CHECK(xml.find(R"(<attvalue for="evidence" value="2" start="2024-03-01"/>)") != std::string::npos);
  CHECK(xml.find(R"(type="directed" kind="acquisition" label="acquisition" weight="2" start="2024-02-01" end="2024-06-30">)") !=
        std::string::npos);
  CHECK(xml.find(R"(<attvalue for="status" value="ended" start="2024-06-30" end="2024-06-30"/>)") != std::string::npos);
}

TEST_CASE("GEXF: undated evidence makes an element exist throughout", "[export]") {
  auto g = graph_of({"A", "B"}, {relation(1, RelationType::mou, 1, 2, {evidence("", Status::done)})});
  const auto xml = written(write_gexf, g);
  CHECK(xml.find(R"(<node id="n1" label="A">)") != std::string::npos);
  CHECK(xml.find(R"(<attvalue for="status" value="done"/>)") != std::string::npos);
  CHECK(xml.find("start=") == std::string::npos);
}

TEST_CASE("CSV: plain, Neo4j headers, Excel BOM and guard", "[export]") {
  auto g = graph_of({"=HYPERLINK(\"x\")", "Plain, Inc."},
                    {relation(7, RelationType::joint_venture, 1, 2, {evidence("2024-05-01", Status::planned)})});
  auto csv = [&](auto writer, CsvFlavour f) {
    std::ostringstream out;
    writer(out, g, f);
    return out.str();
  };
  CHECK(csv(write_nodes_csv, CsvFlavour::plain) ==
        "id,name,kind,group,parent,aliases,entity_id\r\n"
        "n1,\"=HYPERLINK(\"\"x\"\")\",company,,,,1\r\n"
        "n2,\"Plain, Inc.\",company,,,,2\r\n");
  CHECK(csv(write_nodes_csv, CsvFlavour::excel) ==
        "\xEF\xBB\xBFid,name,kind,group,parent,aliases,entity_id\r\n"
        "n1,\"'=HYPERLINK(\"\"x\"\")\",company,,,,1\r\n"
        "n2,\"Plain, Inc.\",company,,,,2\r\n");
  CHECK(csv(write_nodes_csv, CsvFlavour::neo4j) ==
        "id:ID(Entity),name,kind,group,parent,aliases,entityId:long,:LABEL\n"
        "n1,\"=HYPERLINK(\"\"x\"\")\",company,,,,1,Entity;Company\n"
        "n2,\"Plain, Inc.\",company,,,,2,Entity;Company\n");
  const auto edges = csv(write_edges_csv, CsvFlavour::neo4j);
  CHECK(edges.starts_with(":START_ID(Entity),:END_ID(Entity),:TYPE,id,"));
  CHECK(edges.find("\nn1,n2,JOINT_VENTURE,r7,") != std::string::npos);
  CHECK(csv(write_edges_csv, CsvFlavour::excel).find(",false,planned,1,0.8,2024-05-01,") != std::string::npos);
}

TEST_CASE("JSON exports escape markup for HTML pages and keep names intact", "[export]") {
  const auto g = hostile_graph();
  for (const auto& json : {written(write_node_link_json, g), written(write_cytoscape_json, g)}) {
    CHECK(json.find('<') == std::string::npos);
    CHECK(json.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") != std::string::npos);
    CHECK(json.find(R"("name": "Quote \"Inc\"")") != std::string::npos);
  }
  const auto node_link = written(write_node_link_json, g);
  CHECK(node_link.starts_with("{\n \"directed\": false,\n \"multigraph\": true,"));
  CHECK(node_link.find("\"edges\": [") != std::string::npos);
  CHECK(node_link.find("\"links\"") == std::string::npos);
  CHECK(written(write_cytoscape_json, g).find("\"elements\": {") != std::string::npos);
}

TEST_CASE("DOT draws type, status, evidence and kind", "[export]") {
  auto g = graph_of({"A", "B", "C", "D"},
                    {relation(1, RelationType::investment, 1, 2,
                              {evidence("2024-01-01", Status::done), evidence("2024-01-02", Status::done),
                               evidence("2024-01-03", Status::done), evidence("2024-01-04", Status::done)}),
                     relation(2, RelationType::mou, 2, 3, {evidence("2024-01-01", Status::planned)}),
                     relation(3, RelationType::loi, 3, 4, {evidence("2024-01-01", Status::speculated)}),
                     relation(4, RelationType::merger, 1, 4, {evidence("2024-01-01", Status::ended, "")})});
  g.focus = 3;
  const auto dot = written([](std::ostream& o, const ExportGraph& x) { write_dot(o, x); }, g);
  CHECK(dot.starts_with("graph aikg {\n  graph [layout=dot,"));
  CHECK(dot.find(R"(n1 -- n2 [id="r1", class="investment done", color="#ff7f00", style=solid, penwidth=4.0, dir=forward)") !=
        std::string::npos);
  CHECK(dot.find(R"(class="mou planned", color="#33a02c", style=dashed, penwidth=1.0, dir=none)") != std::string::npos);
  CHECK(dot.find(R"(class="loi speculated", color="#1f78b4", style=dotted)") != std::string::npos);
  CHECK(dot.find(R"(class="merger ended", color="#d4a01755", style=solid)") != std::string::npos);
  CHECK(dot.find(R"(URL="https://news.example/a", target="_blank")") != std::string::npos);
  CHECK(dot.find(R"(n3 [id="n3", class="company", label="C", shape=box, style="rounded,filled", fillcolor="#ffe08a")") !=
        std::string::npos);
  // The legend lists what is drawn, and only that.
  CHECK(dot.find(">investment &#8594;<") == std::string::npos);
  CHECK(dot.find(" investment &#8594;") != std::string::npos);
  CHECK(dot.find(" joint_venture") == std::string::npos);
  CHECK(dot.find(" speculated") != std::string::npos);
  CHECK(written([](std::ostream& o, const ExportGraph& x) { write_dot(o, x, {DotLayout::automatic, false}); }, g)
            .find("<i>relation</i>") == std::string::npos);
}

TEST_CASE("DOT boxes affiliates with their business group", "[export]") {
  auto g = graph_of({"SK Group", "SK Telecom", "OpenAI"},
                    {relation(1, RelationType::mou, 2, 3, {evidence("2024-01-01", Status::done)}),
                     relation(2, RelationType::partnership, 1, 3, {evidence("2024-01-01", Status::done)})});
  g.group_of[2] = "SK Group";
  const auto dot = written([](std::ostream& o, const ExportGraph& x) { write_dot(o, x); }, g);
  // The group's own node names its box: no label showing the name twice.
  const auto box = dot.find("subgraph cluster_0 {\n    label=\"\";");
  REQUIRE(box != std::string::npos);
  const auto end = dot.find("  }\n", box);
  CHECK(dot.find("    n1 [", box) < end);  // the group itself, first
  CHECK(dot.find("    n2 [", box) < end);
  CHECK(dot.find("  n3 [") > end);
  CHECK(dot.find("label=\"SK Group\"") == dot.rfind("label=\"SK Group\""));  // once, on its node
  // Without the group's node in the picture, the box says whose it is.
  auto affiliate_only = graph_of({"SK Group", "SK Telecom", "OpenAI"},
                                 {relation(1, RelationType::mou, 2, 3, {evidence("2024-01-01", Status::done)})});
  affiliate_only.group_of[2] = "SK Group";
  const auto labelled = written([](std::ostream& o, const ExportGraph& x) { write_dot(o, x); }, affiliate_only);
  CHECK(labelled.find("subgraph cluster_0 {\n    label=\"SK Group\";") != std::string::npos);
  // sfdp ignores clusters: plain nodes there.
  const auto sfdp = written([](std::ostream& o, const ExportGraph& x) { write_dot(o, x, {DotLayout::sfdp, true}); }, g);
  CHECK(sfdp.find("subgraph") == std::string::npos);
  CHECK(sfdp.find("overlap=prism, outputorder=edgesfirst") != std::string::npos);
  CHECK(sfdp.find("label=\"mou\"") == std::string::npos);  // no edge labels for big layouts
}

TEST_CASE("choose_layout: dot for small graphs, sfdp beyond", "[export]") {
  CHECK(choose_layout(10, 20) == DotLayout::dot);
  CHECK(choose_layout(300, 1000) == DotLayout::dot);
  CHECK(choose_layout(301, 400) == DotLayout::sfdp);
  CHECK(choose_layout(200, 1001) == DotLayout::sfdp);
}

TEST_CASE("parse_render_format", "[export]") {
  CHECK(parse_render_format("SVG") == RenderFormat::svg);
  CHECK(parse_render_format("png") == RenderFormat::png);
  CHECK(parse_render_format("pdf") == RenderFormat::pdf);
  CHECK_FALSE(parse_render_format("jpg;rm -rf /"));
}

TEST_CASE("select_export: ego networks through the group roll-up", "[export]") {
  // Declared before the stores, so it removes the files after they close.
  struct TempDb {
    fs::path path = fs::temp_directory_path() / fmt::format("aikg_export_test_{}.db", ::getpid());
    TempDb() { remove(); }
    ~TempDb() { remove(); }
    void remove() const {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
    }
  } db;
  const auto& path = db.path;
  {
    Gazetteer gazetteer;
    gazetteer.add_tsv("SK Group\tgroup\t\t\t\nSK Telecom\tcompany\tSK Group\tSK텔레콤\t\n", "test.tsv");
    Store store(path);
    DocumentMentions d;
    d.article.id = "d1";
    d.content_hash = "h1";
    d.date = "2024-01-01";
    auto m = [](std::string id, RelationType t, std::string a, std::string b) {
      Mention x;
      x.id = std::move(id);
      x.type = t;
      x.source.name = std::move(a);
      x.target.name = std::move(b);
      x.confidence = 0.9;
      x.sentence = "s";
      x.date = "2024-01-01";
      return x;
    };
    d.mentions = {m("m1", RelationType::mou, "OpenAI", "SK Telecom"), m("m2", RelationType::competition, "Anthropic", "OpenAI"),
                  m("m3", RelationType::partnership, "Kakao", "SK Group"), m("m4", RelationType::mou, "X", "Y")};
    store.put_document(d, gazetteer);
  }
  const Store store(path, StoreOptions{true, false});
  auto names = [](const ExportGraph& g) {
    std::vector<std::string> out;
    for (auto [v, end] = boost::vertices(g.alliances.graph); v != end; ++v) out.push_back(g.alliances.graph[*v].name);
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto skt = *store.resolve("SK텔레콤");
  const auto one = select_export(store, {}, Focus{skt, 1});
  CHECK(names(one) == std::vector<std::string>{"OpenAI", "SK Telecom"});
  CHECK(one.focus == skt);
  CHECK(one.group_of.at(skt) == "SK Group");
  CHECK(one.title == "AI alliances: 2 organisations, 1 relation within 1 hop of SK Telecom");
  CHECK(names(select_export(store, {}, Focus{skt, 2})) == std::vector<std::string>{"Anthropic", "OpenAI", "SK Telecom"});
  Selection grouped;
  grouped.group = true;
  const auto rolled = select_export(store, grouped, Focus{skt, 1});
  CHECK(names(rolled) == std::vector<std::string>{"Kakao", "OpenAI", "SK Group"});
  CHECK(rolled.focus == store.resolve("SK Group"));
  CHECK(boost::num_edges(select_export(store, {}, Focus{*store.resolve("X"), 3}).alliances.graph) == 1);
}

TEST_CASE("path_inside: export file names stay plain and inside the directory", "[export]") {
  const auto dir = fs::temp_directory_path();
  CHECK(path_inside(dir, "nodes.csv") == dir / "nodes.csv");
  for (const char* bad : {"", ".", "..", "../x.csv", "a/b.csv", "a\\b.csv", "/etc/passwd", "CON", "nul.csv", "com1",
                          "LPT9.txt", "trailing.", "sp ace.csv", "quote\".csv", "삼성.csv"}) {
    INFO(bad);
    CHECK_THROWS_AS(path_inside(dir, bad), UsageError);
  }
}

TEST_CASE("path_inside: a planted symlink cannot lead a CSV file out of its directory", "[export]") {
  const auto dir = fs::temp_directory_path() / fmt::format("aikg_export_link_{}", ::getpid());
  fs::create_directories(dir / "out");
  fs::create_symlink(dir / "elsewhere.csv", dir / "out" / "nodes.csv");
  CHECK_THROWS_AS(path_inside(dir / "out", "nodes.csv"), UsageError);
  CHECK(path_inside(dir / "out", "edges.csv") == dir / "out" / "edges.csv");
  fs::remove_all(dir);
}

TEST_CASE("AtomicFile: the target appears only on commit", "[export]") {
  const auto dir = fs::temp_directory_path() / fmt::format("aikg_export_test_{}", ::getpid());
  fs::create_directories(dir);
  const auto target = dir / "out.dot";
  {
    AtomicFile f(target);
    f.write("partial");
  }  // abandoned: no target, no temporary file
  CHECK_FALSE(fs::exists(target));
  CHECK(fs::is_empty(dir));
  {
    AtomicFile f(target);
    f.write("graph {}\n");
    f.commit();
  }
  std::ifstream in(target);
  CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "graph {}\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK_THROWS_AS(AtomicFile(dir / "missing" / "x.dot"), std::runtime_error);
  fs::remove_all(dir);
}
