// The case frames of data/lexicon/frames.tsv, row by row: every filler of
// every frame has sentences of our own that need it. Each sentence gives its
// relation with the frames as shipped, and loses it when that one filler is
// taken out of the frames (so no filler is dead data, and no case passes by
// another rule). A filler that is an end's only one is checked for the
// relation alone: without it the end would be empty.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "aikg/error.hpp"
#include "aikg/extractor.hpp"
#include "aikg/text.hpp"
#include "extract_helpers.hpp"

using namespace aikg;
using aikg::test::find;

namespace {

// The organisations the sentences name, and nothing else: a small gazetteer
// keeps building an extractor per filler cheap.
constexpr const char* kGazetteer =
    "Kakao\tcompany\t\t카카오\tKakao\n"
    "Naver\tcompany\t\t네이버\tNaver\n"
    "Samsung Electronics\tcompany\t\t삼성전자\tSamsung Electronics\n"
    "Stargate\tproject\t\t스타게이트\tStargate\n"
    "NVIDIA\tcompany\t\t엔비디아\tNVIDIA|Nvidia\n";

std::string frames_file() {
  std::ifstream in(std::string(AIKG_SOURCE_DIR) + "/data/lexicon/frames.tsv");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Row {
  std::string frame, end;
  std::vector<std::vector<std::string>> tiers;
};

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  for (std::size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size())
    parts.push_back(s.substr(from, at - from));
  parts.push_back(s.substr(from));
  return parts;
}

std::vector<Row> rows(const std::string& tsv) {
  std::vector<Row> out;
  std::istringstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto cols = split(line, "\t");
    REQUIRE(cols.size() == 3);
    Row r{cols[0], cols[1], {}};
    for (const auto& tier : split(cols[2], " > ")) r.tiers.push_back(split(tier, " "));
    out.push_back(r);
  }
  return out;
}

// frames.tsv with `filler` taken out of (frame, end); an emptied tier goes too.
std::string without(const std::vector<Row>& all, const std::string& frame, const std::string& end,
                    const std::string& filler) {
  std::string tsv;
  for (const auto& r : all) {
    std::vector<std::string> tiers;
    for (const auto& tier : r.tiers) {
      std::string kept;
      for (const auto& f : tier)
        if (!(r.frame == frame && r.end == end && f == filler)) kept += (kept.empty() ? "" : " ") + f;
      if (!kept.empty()) tiers.push_back(kept);
    }
    std::string fillers;
    for (const auto& t : tiers) fillers += (fillers.empty() ? "" : " > ") + t;
    tsv += r.frame + "\t" + r.end + "\t" + fillers + "\n";
  }
  return tsv;
}

Extractor extractor_with_frames(const std::string& frames) {
  Gazetteer g;
  g.add_tsv(kGazetteer, "test gazetteer");
  auto lexicon = Lexicon::builtin();
  lexicon.replace_tsv("frames", frames, "test frames");
  return Extractor(std::move(g), std::move(lexicon));
}

DocumentMentions run_with(const Extractor& e, const std::string& text) {
  Article a;
  a.id = "t";
  a.published = "2025-10-01";
  a.text = normalize_text(text);
  return e.extract(a);
}

struct Case {
  std::string frame, end, filler;
  RelationType type;
  std::string source, target;
  std::vector<std::string> sentences;
};

// Sentences of our own, Korean and English where both say it naturally.
const std::vector<Case>& cases() {
  using enum RelationType;
  static const std::vector<Case> all{
      {"give", "source", "subject", investment, "Kakao", "Naver",
       {"카카오는 네이버에 500억원을 투자했다.", "Kakao invested $40 million in Naver.",
        "Kakao will invest in Naver next year."}},
      {"give", "target", "recipient", investment, "Kakao", "Naver",
       {"카카오는 네이버에 500억원을 투자했다.", "Kakao invested $40 million in Naver.",
        "카카오가 지난달 네이버에 추가로 투자했다."}},
      {"give", "target", "object", acquisition, "Naver", "Kakao",
       {"네이버는 카카오를 인수했다.", "Naver acquired Kakao last year.", "네이버는 카카오를 2조원에 인수할 계획이다."}},
      {"give", "target", "possessive", acquisition, "Samsung Electronics", "Naver",
       {"삼성전자는 네이버의 지분 10%를 인수했다.", "삼성전자가 네이버의 경영권을 인수한다.",
        "삼성전자는 네이버의 지분 전량을 인수했다."}},
      {"give", "target", "partner", supply, "Samsung Electronics", "Naver",
       {"삼성전자는 네이버와 메모리 공급 계약을 맺고 HBM을 공급한다.",
        "Samsung Electronics signed a deal with Naver to supply memory chips.",
        "삼성전자는 네이버와 손잡고 서버용 D램을 공급하기로 했다."}},
      {"give", "target", "none", acquisition, "Samsung Electronics", "Naver",
       {"삼성전자는 네이버 인수를 추진한다.", "삼성전자가 네이버 지분 인수에 나섰다.",
        "삼성전자는 올해 안에 네이버 인수를 마무리할 계획이다."}},
      {"receive", "target", "subject", investment, "Kakao", "Naver",
       {"네이버는 카카오로부터 500억원의 투자를 유치했다.", "Naver received an investment from Kakao.",
        "Naver received funding from Kakao last year."}},
      {"receive", "source", "source", investment, "Kakao", "Naver",
       {"네이버는 카카오로부터 500억원의 투자를 유치했다.", "Naver received an investment from Kakao.",
        "네이버가 카카오에게서 투자를 받았다."}},
      {"receive", "source", "partner", investment, "Kakao", "Naver",
       {"네이버는 카카오와 투자 유치 계약을 맺었다.", "Naver received funding alongside Kakao.",
        "네이버가 카카오와 신규 투자 유치에 합의했다."}},
      {"receive", "source", "recipient", acquisition, "Kakao", "Naver",
       {"네이버는 카카오에 인수됐다.", "네이버는 지난해 카카오에 인수됐다.", "네이버가 카카오에 인수된 뒤 주가가 올랐다."}},
      {"receive", "source", "possessive", investment, "Kakao", "Naver",
       {"네이버는 카카오의 투자를 유치했다.", "Naver received an investment of Kakao.",
        "네이버가 카카오의 후속 투자를 받았다."}},
      {"receive", "source", "none", supply, "NVIDIA", "Kakao",
       {"카카오는 엔비디아 GPU를 도입했다.", "카카오는 엔비디아 칩을 구매했다.", "카카오가 엔비디아 가속기를 데이터센터에 탑재했다."}},
      {"receive", "source", "object", supply, "NVIDIA", "Kakao",
       {"Kakao uses NVIDIA chips to train its models.", "Kakao uses NVIDIA to train its models.", "카카오는 엔비디아를 채택했다."}},
      {"owned", "source", "possessive-", acquisition, "Kakao", "Naver",
       {"Naver rejected Kakao's takeover offer.", "Kakao's purchase of Naver was approved.",
        "Naver turned down Kakao's acquisition bid."}},
      {"owned", "target", "possessive+", acquisition, "Kakao", "Naver",
       {"Kakao's purchase of Naver was approved.", "Kakao's acquisition of Naver closed in May.",
        "Regulators cleared Kakao's takeover of Naver."}},
      {"owned", "target", "recipient", investment, "Kakao", "Naver",
       {"Kakao's investment in Naver doubled.", "Analysts praised Kakao's investment in Naver.",
        "Kakao's investments into Naver grew."}},
      {"owned", "target", "subject", acquisition, "Kakao", "Naver",
       {"Naver rejected Kakao's takeover offer.", "Naver turned down Kakao's acquisition bid.",
        "Naver refused Kakao's takeover bid last week."}},
      {"raise", "target", "subject", investment, "Kakao", "Naver",
       {"Naver raised $50 million from Kakao.", "Naver raises new money from Kakao this year.",
        "Naver raised fresh capital from Kakao in March."}},
      {"raise", "source", "source", investment, "Kakao", "Naver",
       {"Naver raised $50 million from Kakao.", "Naver has raised $1 billion so far from investors including Kakao.",
        "Naver raised fresh capital from Kakao in March."}},
      {"access", "target", "subject", supply, "NVIDIA", "Naver",
       {"Naver gains access to NVIDIA GPUs through the agreement.", "Naver will get access to NVIDIA's chips.",
        "Naver will have access to computing power from NVIDIA."}},
      {"access", "source", "recipient", supply, "NVIDIA", "Naver",
       {"Naver gains access to NVIDIA GPUs through the agreement.", "Naver will get access to NVIDIA accelerators.",
        "Naver won access to NVIDIA servers in Texas."}},
      {"access", "source", "possessive", supply, "Kakao", "Naver",
       {"Naver will get access to the GPU fleet of Kakao.", "Naver will get access to the cloud of Kakao.",
        "Naver gets access to the servers of Kakao next year."}},
      {"access", "source", "source", supply, "Kakao", "Naver",
       {"Naver will have access to computing power from Kakao.", "Naver gets access to servers from Kakao.",
        "Naver gained access to chips from Kakao last year."}},
      {"goods", "target", "subject", supply, "NVIDIA", "Naver",
       {"Naver receives chips from NVIDIA under the deal.", "네이버는 엔비디아로부터 GPU를 인도받았다.",
        "Naver took delivery of NVIDIA servers."}},
      {"goods", "source", "source", supply, "NVIDIA", "Naver",
       {"Naver receives chips from NVIDIA under the deal.", "Naver will receive 10,000 GPUs from NVIDIA.",
        "네이버는 엔비디아로부터 GPU를 인도받았다.", "Naver will purchase 5,000 GPUs from NVIDIA.",
        "Naver bought memory chips from NVIDIA last year.", "Naver agreed to buy cloud capacity from NVIDIA."}},
      {"goods", "source", "possessive", supply, "NVIDIA", "Naver",
       {"Naver will receive NVIDIA's newest chips.", "Naver received the servers of NVIDIA last week.",
        "네이버는 엔비디아의 GPU를 인도받았다."}},
      {"goods", "source", "none", supply, "NVIDIA", "Naver",
       {"네이버는 엔비디아 GPU 1만 장을 인도받을 예정이다.", "네이버가 엔비디아 서버를 인도받았다.",
        "네이버는 엔비디아 가속기를 올해 인도받는다."}},
      {"goods", "source", "object", supply, "NVIDIA", "Naver",
       {"Naver will receive NVIDIA chips in May.", "Naver receives NVIDIA GPUs next year.",
        "Naver received NVIDIA servers last week."}},
      {"goods", "theme", "goods", supply, "NVIDIA", "Naver",
       {"Naver receives chips from NVIDIA under the deal.", "네이버는 엔비디아로부터 GPU를 인도받았다.",
        "Naver will receive NVIDIA chips in May."}},
      {"with", "party", "subject", partnership, "Kakao", "Naver",
       {"카카오는 네이버와 전략적 파트너십을 맺었다.", "Kakao signed a partnership with Naver.",
        "Kakao entered into a strategic partnership with Naver."}},
      {"with", "party", "partner", partnership, "Kakao", "Naver",
       {"카카오는 네이버와 전략적 파트너십을 맺었다.", "Kakao signed a partnership with Naver.",
        "Kakao entered into a strategic partnership with Naver."}},
      {"join", "member", "source+", participation, "Kakao", "Stargate",
       {"Stargate, a project backed by Kakao, will open in May.", "The Stargate venture, funded by Kakao, grows.",
        "Stargate, supported by Kakao, opened its first site."}},
      {"join", "member", "subject", participation, "Kakao", "Stargate",
       {"카카오는 스타게이트에 참여한다.", "Kakao joined Stargate.", "카카오가 스타게이트에 합류했다."}},
      {"join", "member", "partner", participation, "Naver", "Stargate",
       {"카카오는 네이버와 함께 스타게이트에 참여한다.", "Kakao will join Stargate with Naver.",
        "카카오가 네이버와 스타게이트에 동참했다."}},
      {"join", "member", "none", participation, "Kakao", "Stargate",
       {"스타게이트에 카카오 참여", "스타게이트에 카카오 합류", "스타게이트에 카카오 동참"}},
      {"join", "project", "project", participation, "Kakao", "Stargate",
       {"카카오는 스타게이트에 참여한다.", "Kakao joined Stargate.", "Kakao takes part in Stargate."}},
      {"role", "owner", "possessive", investment, "Kakao", "Naver",
       {"카카오는 네이버의 투자자로 이름을 올렸다.", "Naver's investors include Kakao.",
        "Naver's backers include Kakao and Samsung Electronics."}},
      {"role", "owner", "recipient", investment, "Kakao", "Naver",
       {"Investors in Naver such as Kakao added money.", "The investors in Naver are Kakao and Samsung Electronics.",
        "Shareholders in Naver include Kakao."}},
      {"role", "agent", "subject", investment, "Kakao", "Naver",
       {"카카오는 네이버의 투자자로 이름을 올렸다.", "Naver counts Kakao among its investors.",
        "삼성전자와 카카오는 네이버의 주주로 참여했다."}},
      {"role", "agent", "object", investment, "Kakao", "Naver",
       {"Investors in Naver such as Kakao added money.", "Backers of Naver such as Kakao stayed quiet.",
        "Shareholders of Naver such as Kakao backed the plan."}},
      {"role", "agent", "recipient", investment, "Kakao", "Naver",
       {"The investors in Naver are Kakao and Samsung Electronics.", "The shareholders in Naver are Kakao and others.",
        "The investors in Naver were Kakao and Samsung Electronics."}},
  };
  return all;
}

}  // namespace

TEST_CASE("every filler of every case frame is needed by sentences of its own", "[extractor][frames]") {
  const auto tsv = frames_file();
  const auto all = rows(tsv);
  const auto full = extractor_with_frames(tsv);
  for (const auto& c : cases()) {
    const auto row = std::find_if(all.begin(), all.end(), [&](const Row& r) { return r.frame == c.frame && r.end == c.end; });
    REQUIRE(row != all.end());
    std::size_t fillers = 0;
    for (const auto& tier : row->tiers) fillers += tier.size();
    const bool only_filler = fillers == 1;
    const auto ablated = extractor_with_frames(only_filler ? tsv : without(all, c.frame, c.end, c.filler));
    CHECK(c.sentences.size() >= 3);  // three variants at least, in both languages where both say it
    for (const auto& s : c.sentences) {
      INFO(c.frame << " " << c.end << " " << c.filler << ": " << s);
      CHECK(find(run_with(full, s), c.type, c.source, c.target));
      if (!only_filler) CHECK_FALSE(find(run_with(ablated, s), c.type, c.source, c.target));
    }
  }
}

TEST_CASE("every filler of frames.tsv has its case", "[extractor][frames]") {
  std::set<std::tuple<std::string, std::string, std::string>> covered;
  for (const auto& c : cases()) covered.emplace(c.frame, c.end, c.filler);
  for (const auto& r : rows(frames_file()))
    for (const auto& tier : r.tiers)
      for (const auto& f : tier) {
        INFO(r.frame << " " << r.end << " " << f);
        CHECK(covered.count({r.frame, r.end, f}) == 1);
      }
}

TEST_CASE("a trigger's own frame outranks a frame cue near it", "[extractor][frames]") {
  // "raised" is a frame cue (a company that raised money received it), but a
  // stake is its holder's: the trigger "stake" reads by `give`.
  for (const std::string s : {"Naver raised its stake in Kakao.", "Naver raises its stake in Kakao to 20%."}) {
    INFO(s);
    const auto d = aikg::test::run(s);
    CHECK(find(d, RelationType::investment, "Naver", "Kakao"));
    CHECK_FALSE(find(d, RelationType::investment, "Kakao", "Naver"));
  }
  // "B의 지분" is a stake in B, whoever holds it: 지분 reads by `give`, not `owned`.
  for (const std::string s : {"카카오는 네이버의 지분 20%를 보유하고 있다.", "카카오가 네이버의 지분을 추가로 사들였다.",
                              "카카오는 재편된 네이버의 지분 약 10%를 갖게 됐다."}) {
    INFO(s);
    const auto d = aikg::test::run(s);
    CHECK(find(d, RelationType::investment, "Kakao", "Naver"));
    CHECK_FALSE(find(d, RelationType::investment, "Naver", "Kakao"));
  }
  // Without a named source, "raised" relates nobody: "raised prices" is no deal.
  CHECK(aikg::test::run("Naver raised prices last week, Kakao said.").mentions.empty());
  // A company bought is no goods, even a chip designer.
  for (const std::string s : {"Naver bought chip designer Kakao from Samsung Electronics.",
                              "Naver agreed to buy Kakao, a chip designer, from Samsung Electronics.",
                              "Naver completed the purchase of chipmaker Kakao from Samsung Electronics."}) {
    INFO(s);
    CHECK_FALSE(aikg::test::has_type(aikg::test::run(s), RelationType::supply));
  }
  // Without goods named, "receives" is no delivery.
  for (const std::string s : {"Naver received approval from Kakao.", "Naver receives support from Kakao.",
                              "네이버는 카카오로부터 승인을 인도받았다."}) {
    INFO(s);
    CHECK_FALSE(aikg::test::has_type(aikg::test::run(s), RelationType::supply));
  }
}

TEST_CASE("a malformed frame is an error naming its row", "[extractor][frames]") {
  const auto broken = [](const std::string& tsv) { return extractor_with_frames(frames_file() + tsv); };
  CHECK_THROWS_WITH(broken("give\ttarget\trecipient > buyer\n"), Catch::Contains("test frames:") &&
                                                                    Catch::Contains("'buyer' is not a role"));
  CHECK_THROWS_WITH(broken("give\ttarget\tmarker\n"), Catch::Contains("a marker fills no end"));
  // A frame is read for a directed type only.
  auto lexicon = Lexicon::builtin();
  lexicon.add_tsv("triggers", "partnership\tteams up\tgive\n", "test triggers");
  CHECK_THROWS_WITH(Extractor(Gazetteer::builtin(), lexicon), Catch::Contains("test triggers:1") &&
                                                                  Catch::Contains("directed type"));
  // The code reads these ends by name: a frames file without them is refused at start.
  CHECK_THROWS_AS(extractor_with_frames("give\tsource\tsubject\n"), DataError);
}
