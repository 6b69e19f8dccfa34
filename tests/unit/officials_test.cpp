// Offices that stand for a country's ministry or government (offices.tsv),
// and projects named by a prefix ("Project Rainier", "'프로젝트 누리'").
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "aikg/gazetteer.hpp"
#include "aikg/lexicon.hpp"
#include "extract_helpers.hpp"

using namespace aikg;
using aikg::test::find;
using aikg::test::has_type;
using aikg::test::involves;
using aikg::test::run;

namespace {

bool met(const DocumentMentions& d, const std::string& a, const std::string& b) {
  return find(d, RelationType::meeting, a, b) != nullptr;
}

}  // namespace

TEST_CASE("the country's minister is the ministry of the country named last", "[extractor][offices]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Japan wants more data centres. The country's trade minister met NVIDIA executives in Tokyo on Monday.",
       "Ministry of Economy, Trade and Industry"},
      {"South Korea is short of chips, and the nation's science minister met OpenAI executives in Seoul.",
       "Ministry of Science and ICT"},
      {"Germany is courting chipmakers. Its finance ministry met NVIDIA executives in Berlin this week.",
       "German Federal Ministry of Finance"},
      {"The talks took place in China, where the country's commerce minister met NVIDIA executives.",
       "Ministry of Commerce of China"},
      {"The United States wants chips made at home; its commerce secretary met NVIDIA executives.",
       "US Department of Commerce"},
  };
  for (const auto& [text, ministry] : texts) {
    INFO(text);
    const auto d = run(text);
    CHECK(has_type(d, RelationType::meeting));
    CHECK(involves(d, ministry));
  }
}

TEST_CASE("a country's word before an office names that country's ministry", "[extractor][offices]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Japan's trade minister met NVIDIA executives in Tokyo.", "Ministry of Economy, Trade and Industry"},
      {"Japanese Finance Minister Sato Hanako met OpenAI executives on Friday.", "Japan Ministry of Finance"},
      {"The British science minister met OpenAI executives in London.",
       "Department for Science, Innovation and Technology"},
      {"미 상무장관이 엔비디아 경영진과 회동했다.", "US Department of Commerce"},
      {"일본 재무장관은 오픈AI 경영진을 만났다.", "Japan Ministry of Finance"},
      {"중국의 상무부는 엔비디아 경영진과 회동했다.", "Ministry of Commerce of China"},
  };
  for (const auto& [text, ministry] : texts) {
    INFO(text);
    const auto d = run(text);
    CHECK(has_type(d, RelationType::meeting));
    CHECK(involves(d, ministry));
  }
}

TEST_CASE("해당국, 이 나라: the ministry of the country the article named", "[extractor][offices]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"일본 정부는 데이터센터 유치에 나섰다. 해당국 재무장관은 오픈AI 경영진과 회동했다.", "Japan Ministry of Finance"},
      {"한국은 AI 반도체 확보에 나섰다. 이 나라의 과학장관은 엔비디아 경영진을 만났다.", "Ministry of Science and ICT"},
      {"독일은 반도체 공장을 유치하려 한다. 그 나라 재무장관이 엔비디아 경영진과 회동했다.",
       "German Federal Ministry of Finance"},
  };
  for (const auto& [text, ministry] : texts) {
    INFO(text);
    const auto d = run(text);
    CHECK(has_type(d, RelationType::meeting));
    CHECK(involves(d, ministry));
  }
}

TEST_CASE("named only later, the article's one country is the country meant", "[extractor][offices]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"The nation's science minister met OpenAI executives on Monday. South Korea plans more such talks.",
       "Ministry of Science and ICT"},
      {"The country's finance minister met NVIDIA executives this week. Japan hopes to host a data centre.",
       "Japan Ministry of Finance"},
      {"해당국 재무장관은 오픈AI 경영진과 회동했다. 독일은 데이터센터 유치를 바란다.", "German Federal Ministry of Finance"},
  };
  for (const auto& [text, ministry] : texts) {
    INFO(text);
    const auto d = run(text);
    CHECK(has_type(d, RelationType::meeting));
    CHECK(involves(d, ministry));
  }
  // Two countries named, none before the office: no office.
  const auto d = run("The country's science minister met OpenAI executives. Japan and Germany both want data centres.");
  CHECK_FALSE(involves(d, "Government of Japan"));
  CHECK_FALSE(involves(d, "Ministry of Education, Culture, Sports, Science and Technology"));
  CHECK_FALSE(involves(d, "Federal Ministry of Research, Technology and Space"));
}

TEST_CASE("an office of a country with no such ministry listed is its government", "[extractor][offices]") {
  const auto d = run("Brazil hosted the summit, and the country's science minister met OpenAI executives.");
  CHECK(met(d, "Government of Brazil", "OpenAI"));
  // "the country's government": the government itself.
  CHECK(met(run("Japan is racing ahead. The country's government met NVIDIA executives."), "Government of Japan",
            "NVIDIA"));
}

TEST_CASE("no country named, or 'its' of a company: no office", "[extractor][offices]") {
  const std::vector<std::string> texts{
      "The country's science minister met OpenAI executives on Monday.",
      "The nation's finance minister met NVIDIA executives in the capital.",
      "해당국 재무장관은 오픈AI 경영진과 회동했다.",
      // "its" points to SoftBank, the name right before it, not to Japan.
      "In Japan, SoftBank said its finance minister met NVIDIA executives.",
  };
  for (const auto& text : texts) {
    INFO(text);
    const auto d = run(text);
    for (const auto& m : d.mentions) {
      CHECK(m.source.kind != EntityKind::government);
      CHECK(m.target.kind != EntityKind::government);
    }
  }
}

TEST_CASE("a former minister is a person, not the ministry", "[extractor][offices]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Former Japanese Finance Minister Sato Hanako met OpenAI executives in Tokyo.", "Japan Ministry of Finance"},
      {"NVIDIA met former French finance minister Paul Durand on Friday.", "French Ministry of the Economy and Finance"},
      {"전 일본 재무장관이 오픈AI 경영진과 회동했다.", "Japan Ministry of Finance"},
      {"An ex-Japanese trade minister met NVIDIA executives.", "Ministry of Economy, Trade and Industry"},
  };
  for (const auto& [text, ministry] : texts) {
    INFO(text);
    CHECK_FALSE(involves(run(text), ministry));
  }
}

TEST_CASE("'Project' and capitalised words name a project no list holds", "[extractor][offices][candidates]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Kakao and Naver joined Project Hanbit, a sovereign AI effort.", "Project Hanbit"},
      {"Project Orion counts Kakao and Naver among its members.", "Project Orion"},
      {"Kakao and Naver will take part in Project Blue Harbor next year.", "Project Blue Harbor"},
      {"카카오와 네이버는 '프로젝트 누리'에 참여한다.", "프로젝트 누리"},
      {"카카오, 네이버 등이 ‘프로젝트 아라’에 합류했다.", "프로젝트 아라"},
      {"카카오와 네이버는 Project Hanbit에 참여한다.", "Project Hanbit"},
  };
  for (const auto& [text, project] : texts) {
    INFO(text);
    const auto d = run(text);
    const auto* m = find(d, RelationType::participation, "Kakao", project);
    REQUIRE(m);
    CHECK(m->target.kind == EntityKind::project);
    CHECK(m->target.candidate);
    CHECK(find(d, RelationType::participation, "Naver", project));
  }
  // A title-case headline: the name ends before a function word.
  CHECK(find(run("Kakao Joins Project Hanbit With Naver"), RelationType::participation, "Kakao", "Project Hanbit"));
  // A known name after the prefix stays that name.
  CHECK(find(run("Kakao joined Project Stargate in October."), RelationType::participation, "Kakao", "Stargate"));
}

TEST_CASE("'Project' before a generic word or in lower case names nothing", "[extractor][offices][candidates]") {
  const std::vector<std::string> texts{
      "Kakao and Naver hired a project management firm for the data centre.",
      "Project Finance banks lent Kakao and Naver two billion dollars.",
      "Projects like this one drew Kakao and Naver together.",
      "Project Management Office Joins Kakao And Naver Talks",
      "카카오와 네이버는 '프로젝트 관리'에 참여한다.",
      "카카오와 네이버는 프로젝트 파이낸싱에 참여한다.",
  };
  for (const auto& text : texts) {
    INFO(text);
    const auto d = run(text);
    for (const auto& m : d.mentions) {
      CHECK_FALSE(m.source.candidate);
      CHECK_FALSE(m.target.candidate);
    }
  }
}

TEST_CASE("every office's ministry words and every country row meet the gazetteer", "[lexicon][offices]") {
  const auto lexicon = Lexicon::builtin();
  const auto gazetteer = Gazetteer::builtin();
  for (const auto& e : lexicon.list("offices")) {
    INFO(e.origin);
    if (e.label == "country") {
      const auto* g = gazetteer.by_name(e.scope);
      REQUIRE(g);
      CHECK(g->kind == EntityKind::government);
      CHECK(g->name.starts_with("Government of "));
    }
    if (e.label != "office" || e.scope == "-") continue;
    // A typo in the words would silently send the office to the government.
    bool some_ministry = false;
    std::size_t from = 0;
    for (auto bar = e.scope.find('|'); from <= e.scope.size(); bar = e.scope.find('|', from)) {
      const auto word = e.scope.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
      for (const auto& g : gazetteer.entries())
        some_ministry = some_ministry || (g.kind == EntityKind::government && g.name.find(word) != std::string::npos);
      if (bar == std::string::npos) break;
      from = bar + 1;
    }
    CHECK(some_ministry);
  }
}
