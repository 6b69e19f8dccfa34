// The alliance explorer: the page keeps data inside its JSON block whatever
// the names, its legend is the taxonomy's, and the API answers neighbourhoods,
// evidence and searches of one selection (and nothing for unknown ids).
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aikg/explorer.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/text.hpp"

namespace fs = std::filesystem;
using namespace aikg;
using nlohmann::json;

namespace {

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

std::string lower(std::string s) { return ascii_lower(s); }

// Declared before a store, so it removes the files after the store closes.
struct TempDb {
  fs::path path = fs::temp_directory_path() / fmt::format("aikg_explorer_test_{}.db", ::getpid());
  TempDb() { remove(); }
  ~TempDb() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix);
  }
};

Mention mention(std::string id, RelationType t, std::string a, std::string b, std::string sentence) {
  Mention x;
  x.id = std::move(id);
  x.type = t;
  x.source.name = std::move(a);
  x.target.name = std::move(b);
  x.confidence = 0.9;
  x.sentence = std::move(sentence);
  x.date = "2024-03-01";
  return x;
}

// OpenAI - SK Telecom (mou), Anthropic - OpenAI (competition), Kakao - SK
// Group (partnership), and a hostile name linked to Kakao.
void fill(const fs::path& path) {
  Gazetteer gazetteer;
  gazetteer.add_tsv("SK Group\tgroup\t\t\t\nSK Telecom\tcompany\tSK Group\tSK텔레콤\t\n", "test.tsv");
  Store store(path);
  DocumentMentions d;
  d.article.id = "d1";
  d.article.url = "https://news.example/d1";
  d.content_hash = "h1";
  d.date = "2024-03-01";
  d.mentions = {mention("m1", RelationType::mou, "OpenAI", "SK Telecom", "OpenAI and SK Telecom signed an MOU."),
                mention("m2", RelationType::competition, "Anthropic", "OpenAI", "Anthropic competes with OpenAI."),
                mention("m3", RelationType::partnership, "Kakao", "SK Group", "Kakao and SK Group partner."),
                mention("m4", RelationType::partnership, "</script><b>Evil</b>", "Kakao", "</script> and Kakao.")};
  store.put_document(d, gazetteer);
}

// The JSON inside the page's data block.
json page_data(const std::string& page) {
  const std::string open = R"(<script id="aikg-data" type="application/json">)";
  const auto begin = page.find(open);
  REQUIRE(begin != std::string::npos);
  const auto end = page.find("</script>", begin);
  return json::parse(page.substr(begin + open.size(), end - begin - open.size()));
}

}  // namespace

TEST_CASE("explorer page: data stays inside its JSON block, nothing is fetched", "[explorer]") {
  TempDb db;
  fill(db.path);
  const Store store(db.path, StoreOptions{true, false});
  const auto g = select_export(store, {});
  std::ostringstream out;
  write_explorer_html(out, g, {});
  const auto page = out.str();
  // Three blocks (data, Cytoscape.js, the explorer) and no other end tag.
  CHECK(count(lower(page), "</script") == 3);
  CHECK(count(lower(page), "<script") == 3);
  CHECK(page.find("connect-src 'none'") != std::string::npos);
  CHECK(page.find("\\u003c/script\\u003e\\u003cb\\u003eEvil") != std::string::npos);
  CHECK(page.find("@AIKG:") == std::string::npos);
  const auto data = page_data(page);
  std::vector<std::string> names;
  for (const auto& n : data["nodes"]) names.push_back(n["name"]);
  CHECK(std::find(names.begin(), names.end(), "</script><b>Evil</b>") != names.end());
  CHECK(data["nodes"].size() == boost::num_vertices(g.alliances.graph));
  CHECK(data["edges"].size() == boost::num_edges(g.alliances.graph));
  for (const auto& e : data["edges"]) CHECK(e["evidence"].size() == e["evidence_count"].get<std::size_t>());
}

TEST_CASE("explorer page: the served page asks the API on its own origin", "[explorer]") {
  const auto page = explorer_server_page();
  CHECK(page.find("connect-src 'self'") != std::string::npos);
  CHECK(page_data(page) == json{{"api", "api/"}});
}

TEST_CASE("explorer page: inlined scripts and styles cannot end their blocks", "[explorer]") {
  // An inline <script> ends at the first "</script" whatever the script
  // meant; "<!--" changes how the browser reads the rest. Neither may occur.
  TempDb db;
  fill(db.path);
  const Store store(db.path, StoreOptions{true, false});
  std::ostringstream out;
  write_explorer_html(out, select_export(store, {}), {});
  const auto page = lower(out.str());
  CHECK(count(page, "<!--") == 1);  // the template's one comment, in <head>
  CHECK(count(page, "</style") == 1);
  CHECK(page.find("<!--") < page.find("<style>"));
}

TEST_CASE("explorer data: legend from the taxonomy, competition hidden unless asked", "[explorer]") {
  TempDb db;
  fill(db.path);
  const Store store(db.path, StoreOptions{true, false});
  const auto g = select_export(store, {});
  const auto data = json::parse(explorer_data_json(g, {}, false));
  REQUIRE(data["legend"]["types"].size() == kRelationTypes.size());
  for (std::size_t i = 0; i < kRelationTypes.size(); ++i) {
    CHECK(data["legend"]["types"][i]["name"] == kRelationTypes[i].name);
    CHECK(data["legend"]["types"][i]["colour"] == kRelationTypes[i].colour);
  }
  std::map<std::string, std::string> lines;
  for (const auto& s : data["legend"]["statuses"]) lines[s["name"]] = s["line"].get<std::string>() + (s["faded"] ? " faded" : "");
  CHECK(lines == std::map<std::string, std::string>{
                     {"done", "solid"}, {"planned", "dashed"}, {"talks", "dotted"}, {"speculated", "dotted"}, {"ended", "solid faded"}});
  CHECK(data["show_competition"] == false);
  CHECK(!data["edges"][0].contains("evidence"));
  Selection rivals;
  rivals.types = {RelationType::competition, RelationType::mou};
  CHECK(json::parse(explorer_data_json(select_export(store, rivals), rivals, false))["show_competition"] == true);
}

TEST_CASE("ExplorerApi: neighbourhoods, evidence, search; nothing for unknown ids", "[explorer]") {
  TempDb db;
  fill(db.path);
  const Store store(db.path, StoreOptions{true, false});
  const ExplorerApi api(store, {});
  REQUIRE(api.num_edges() == 4);
  const auto skt = fmt::format("n{}", *store.resolve("SK Telecom"));
  auto names = [](const std::string& text) {
    std::vector<std::string> out;
    const auto part = json::parse(text);  // alive through the loop
    for (const auto& n : part["nodes"]) out.push_back(n["name"]);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(names(*api.neighbors_json(skt, 1, 100)) == std::vector<std::string>{"OpenAI", "SK Telecom"});
  CHECK(names(*api.neighbors_json(skt, 2, 100)) == std::vector<std::string>{"Anthropic", "OpenAI", "SK Telecom"});
  const auto cut = json::parse(*api.neighbors_json(skt, 2, 1));
  CHECK(cut["truncated"] == true);
  REQUIRE(cut["edges"].size() == 1);
  CHECK(cut["edges"][0]["type"] == "mou");  // the focus's own edge comes first
  CHECK(cut["total"]["edges"] == 4);
  for (const auto* bad : {"", "n", "x1", "n-1", "n1 ", " n1", "n+1", "n99999999999999999999", "n999"})
    CHECK_FALSE(api.neighbors_json(bad, 1, 100));

  const auto mou = json::parse(*api.neighbors_json(skt, 1, 100))["edges"][0]["id"].get<std::string>();
  const auto evidence = json::parse(*api.evidence_json(mou));
  REQUIRE(evidence["evidence"].size() == 1);
  CHECK(evidence["evidence"][0]["sentence"] == "OpenAI and SK Telecom signed an MOU.");
  CHECK(evidence["evidence"][0]["url"] == "https://news.example/d1");
  CHECK_FALSE(api.evidence_json("r999"));
  CHECK_FALSE(api.evidence_json(skt));

  const auto hits = json::parse(api.search_json("sk텔레콤", 10));  // an alias, other case, no space
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["name"] == "SK Telecom");
  CHECK(json::parse(api.search_json("  ", 10)).empty());
  CHECK(json::parse(api.search_json("o", 1)).size() == 1);
  // A whole match before a start before the inside, whatever the degrees:
  // "sk group" is SK Group's whole name and inside no other name here.
  const auto group = json::parse(api.search_json("skgroup", 10));
  REQUIRE(group.size() == 1);
  CHECK(group[0]["name"] == "SK Group");
  const auto ranked = json::parse(api.search_json("a", 10));  // Anthropic starts with it; OpenAI, Kakao hold it
  REQUIRE(ranked.size() >= 3);
  CHECK(ranked[0]["name"] == "Anthropic");

  CHECK(json::parse(api.graph_json(4))["edges"].size() == 4);
  const auto big = json::parse(api.graph_json(3));
  CHECK(big["truncated"] == true);
  CHECK(big["edges"].empty());

  Selection mou_only;
  mou_only.types = {RelationType::mou};
  const ExplorerApi narrow(store, mou_only);
  CHECK(narrow.num_edges() == 1);
  CHECK_FALSE(narrow.neighbors_json(fmt::format("n{}", *store.resolve("Kakao")), 1, 100));
}
