// The built-in gazetteer as data: every row of data/gazetteer/*.tsv is checked
// (columns, kind, name, parent, aliases, order). A failure names the file, the
// line and the row, so a curator sees at once which row to fix.
#include <catch2/catch.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "aikg/gazetteer.hpp"
#include "aikg/lexicon.hpp"
#include "aikg/taxonomy.hpp"
#include "aikg/text.hpp"

using namespace aikg;
namespace fs = std::filesystem;

namespace {

struct Row {
  std::string file;
  std::size_t line = 0;
  std::vector<std::string> fields;
  std::string where() const { return file + ":" + std::to_string(line) + " '" + fields[0] + "'"; }
};

std::string trimmed(std::string s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (auto at = s.find(sep); at != std::string::npos; at = s.find(sep, start)) {
    out.push_back(trimmed(s.substr(start, at - start)));
    start = at + 1;
  }
  out.push_back(trimmed(s.substr(start)));
  return out;
}

// The rows of one data file as written (the loader merges rows by name, so
// duplicates and order can only be seen here).
std::vector<Row> read_rows(const std::string& file) {
  std::ifstream in(fs::path(AIKG_SOURCE_DIR) / "data" / "gazetteer" / file, std::ios::binary);
  REQUIRE(in);
  std::vector<Row> rows;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto t = trimmed(line);
    if (t.empty() || t.front() == '#') continue;
    rows.push_back({file, n, split(line, '\t')});
  }
  return rows;
}

std::vector<std::string> aliases_of(const Row& r) {
  std::vector<std::string> out{r.fields[0]};
  for (std::size_t col = 3; col < std::min<std::size_t>(r.fields.size(), 5); ++col)
    for (auto& a : split(r.fields[col], '|'))
      if (!a.empty()) out.push_back(a);
  return out;
}

bool is_hangul(char32_t c) { return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3131 && c <= 0x318E); }

// Hangul syllables plus Latin letters and digits: "SK온" counts 3, "칩" 1.
std::size_t syllables(const std::string& alias, bool& has_hangul) {
  std::size_t n = 0;
  has_hangul = false;
  for (std::size_t i = 0; i < alias.size();) {
    const char32_t c = decode_code_point(alias, i);
    if (is_hangul(c)) has_hangul = true;
    if ((c >= 0xAC00 && c <= 0xD7A3) || (c < 0x80 && std::isalnum(static_cast<int>(c)))) ++n;
  }
  return n;
}

// One- and two-character Latin aliases are allowed only when the press really
// uses them for one organisation (README: SK, LG, KT, MS, GM, HP, FT, EU, e&).
const std::set<std::string> kShortLatin = {"SK", "LG", "KT", "MS", "GM", "HP", "FT", "EU", "e&", "GS",
                                           "CJ", "EY", "GV", "G7", "UN", "WP", "YC"};

}  // namespace

TEST_CASE("every row of the built-in gazetteer is valid, unambiguous and sorted", "[gazetteer]") {
  const auto orgs = read_rows("organisations.tsv");
  const auto people = read_rows("people.tsv");

  const auto lexicon = Lexicon::builtin();
  std::set<std::string> common;  // alias keys of data/lexicon/common_words.tsv
  for (const auto& e : lexicon.list("common_words")) common.insert(alias_key(e.cue));
  CHECK(common.size() >= 150);

  std::vector<std::string> problems;
  auto problem = [&](const Row& r, const std::string& what) { problems.push_back(r.where() + ": " + what); };

  std::map<std::string, const Row*> by_name;
  for (const auto* rows : {&orgs, &people})
    for (const auto& r : *rows)
      if (!by_name.emplace(r.fields[0], &r).second)
        problem(r, "name already used at " + by_name[r.fields[0]]->where());

  std::map<std::string, const Row*> owner;  // alias key -> row
  std::size_t organisations = 0;
  for (const auto* rows : {&orgs, &people}) {
    const bool people_file = rows == &people;
    std::string previous;
    for (const auto& r : *rows) {
      const auto& f = r.fields;
      if (f.size() != 5 && f.size() != 6) {
        problem(r, "has " + std::to_string(f.size()) + " columns, expected 5 or 6");
        continue;
      }
      for (const auto& field : f)
        if (find_invalid_utf8(field)) problem(r, "invalid UTF-8");
        else if (to_nfc(field) != field) problem(r, "a field is not NFC");
      if (f.size() == 6 && f[5].empty()) problem(r, "empty source column (leave it out instead)");
      if (f[0].empty()) problem(r, "empty name");
      if (!previous.empty() && !(previous < f[0])) problem(r, "out of byte order after '" + previous + "'");
      previous = f[0];

      const auto kind = parse_entity_kind(f[1]);
      if (!kind) problem(r, "unknown kind '" + f[1] + "'");
      else if (people_file != (*kind == EntityKind::person))
        problem(r, "kind '" + f[1] + "' does not belong in " + r.file);
      if (kind && *kind != EntityKind::person) ++organisations;
      if (people_file && f[2].empty()) problem(r, "a person needs the organisation they lead as parent");

      if (!f[2].empty()) {
        const auto it = by_name.find(f[2]);
        if (it == by_name.end()) problem(r, "parent '" + f[2] + "' is not a row");
        else if (it->second->file != "organisations.tsv") problem(r, "parent '" + f[2] + "' is not an organisation");
        // Walking up must end: no cycle through parents.
        std::set<std::string> seen{f[0]};
        for (auto p = f[2]; !p.empty();) {
          if (!seen.insert(p).second) {
            problem(r, "parent chain loops at '" + p + "'");
            break;
          }
          const auto up = by_name.find(p);
          p = up == by_name.end() || up->second->fields.size() < 3 ? "" : up->second->fields[2];
        }
      }

      for (const auto& a : aliases_of(r)) {
        const auto key = alias_key(a);
        const auto [it, inserted] = owner.emplace(key, &r);
        if (!inserted && it->second != &r) problem(r, "alias '" + a + "' is also an alias of " + it->second->where());
        if (common.count(key)) problem(r, "alias '" + a + "' is a generic word (data/lexicon/common_words.tsv)");
        bool hangul = false;
        const auto n = syllables(a, hangul);
        if (hangul && n < 2) problem(r, "Korean alias '" + a + "' is shorter than 2 syllables");
        std::size_t length = 0;
        for (std::size_t i = 0; i < a.size();) length += decode_code_point(a, i) != U' ';
        if (!hangul && length <= 2 && !kShortLatin.count(a))
          problem(r, "alias '" + a + "' is a one- or two-character form not on the allow-list");
      }
    }
  }

  for (const auto& p : problems) FAIL_CHECK(p);
  CHECK(problems.empty());
  CHECK(organisations >= 2000);

  // The built-in gazetteer is these files: one entry per row.
  CHECK(Gazetteer::builtin().size() == orgs.size() + people.size());
}

TEST_CASE("the generic words are themselves well-formed", "[gazetteer]") {
  const auto lexicon = Lexicon::builtin();
  const auto& words = lexicon.list("common_words");
  std::set<std::string> keys;
  for (const auto& e : words) {
    INFO(e.origin << ": " << e.cue);
    CHECK((e.label == "noun" || e.label == "place" || e.label == "date" || e.label == "word"));
    CHECK(keys.insert(alias_key(e.cue)).second);
  }
  // A few that matter most for discovery: they must stay listed.
  for (const char* w : {"빅테크", "국내 기업", "글로벌 기업", "업계", "정부 관계자", "big tech", "the company", "analysts",
                        "January", "Monday", "월요일", "Korea"}) {
    INFO(w);
    CHECK(keys.count(alias_key(w)) == 1);
  }
}

TEST_CASE("the source column is optional, never an alias, and must be valid UTF-8", "[gazetteer]") {
  Gazetteer g;
  g.add_tsv("Acme\tcompany\t\t애크미\tAcme Corp\tlisted on KOSDAQ 2021\n", "user.tsv");
  REQUIRE(g.by_name("Acme"));
  CHECK(g.by_name("Acme")->aliases.size() == 3);
  CHECK(g.find("listed on KOSDAQ 2021") == nullptr);
  CHECK_THROWS_WITH(g.add_tsv("Bad\tcompany\t\t\t\tnote\textra\n", "seven.tsv"), Catch::Contains("seven.tsv:1"));
  CHECK_THROWS_WITH(g.add_tsv("Bad\tcompany\t\t\t\t\xff\xfe\n", "utf8.tsv"), Catch::Contains("utf8.tsv:1"));
}
