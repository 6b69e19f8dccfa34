// The gazetteer loader, and the built-in data files as data: a malformed or
// ambiguous row is a bug in the data.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "aikg/error.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/text.hpp"

using namespace aikg;

TEST_CASE("the built-in gazetteer is large, consistent and unambiguous", "[gazetteer]") {
  const auto g = Gazetteer::builtin();
  std::size_t organisations = 0;
  std::map<std::string, std::string> owner;  // alias key -> entity
  for (const auto& e : g.entries()) {
    if (e.kind != EntityKind::person) ++organisations;
    INFO(e.name);
    if (!e.parent.empty()) CHECK(g.by_name(e.parent) != nullptr);
    CHECK(e.name == to_nfc(e.name));
    for (const auto& a : e.aliases) {
      const auto [it, inserted] = owner.emplace(alias_key(a), e.name);
      INFO(a << " is also an alias of " << it->second);
      CHECK((inserted || it->second == e.name));
    }
  }
  CHECK(organisations >= 300);
}

TEST_CASE("every organisation of the gold annotations is known", "[gazetteer]") {
  const auto g = Gazetteer::builtin();
  for (const char* name : {"Samsung Electronics", "OpenAI", "Samsung SDS", "Samsung C&T", "Samsung Heavy Industries",
                           "Stargate", "Samsung Group", "Oracle", "NVIDIA", "SoftBank Group", "SK Group", "SK hynix",
                           "SK Telecom", "Ministry of Science and ICT", "Government of South Korea", "OpenAI Korea",
                           "DeepSeek", "Arm", "G42", "TSMC"}) {
    INFO(name);
    CHECK(g.by_name(name) != nullptr);
  }
}

TEST_CASE("aliases resolve case-insensitively, in either language, spaces ignored", "[gazetteer]") {
  const auto g = Gazetteer::builtin();
  REQUIRE(g.find("sk 하이닉스"));
  CHECK(g.find("sk 하이닉스")->name == "SK hynix");
  CHECK(g.find("오픈AI")->name == "OpenAI");
  CHECK(g.find("네이버클라우드")->name == "Naver Cloud");
  CHECK(g.find("no such company") == nullptr);
}

TEST_CASE("a user file adds entries and aliases; malformed rows name file and line", "[gazetteer]") {
  Gazetteer g;
  g.add_tsv("# comment\nAcme\tcompany\t\t애크미\tAcme Corp\n", "user.tsv");
  g.add_tsv("Acme\tcompany\t\t애크미코리아\t\n", "more.tsv");
  REQUIRE(g.by_name("Acme"));
  CHECK(g.by_name("Acme")->aliases.size() == 4);
  CHECK(g.find("애크미코리아")->name == "Acme");
  CHECK_THROWS_WITH(g.add_tsv("\nBad\tspaceship\t\t\t\n", "bad.tsv"), Catch::Contains("bad.tsv:2"));
  CHECK_THROWS_AS(g.add_tsv("Only-one-column\n", "bad.tsv"), DataError);
}
