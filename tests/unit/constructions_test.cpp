// Constructions the extractor reads, each in several variants of our own
// (Korean and English where both apply): a rule that holds for one phrasing
// only would fail on the next article.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "aikg/extractor.hpp"
#include "aikg/text.hpp"
#include "extract_helpers.hpp"

using namespace aikg;

using namespace aikg::test;

TEST_CASE("joint development said with a gap between 'together' and the verb", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "네이버는 삼성전자와 함께 새 AI 반도체를 개발하기로 했다.",
      "네이버가 삼성전자와 손잡고 저전력 추론 칩을 설계한다.",
      "네이버는 삼성전자와 협력해 국산 AI 가속기를 공동으로 만들 계획이다.",
      "Naver will work with Samsung Electronics to build a new inference chip.",
      "Naver and Samsung Electronics will develop the accelerator together.",
      "Naver said it would team up to design low-power AI chips with Samsung Electronics.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::joint_development, "Naver", "Samsung Electronics"));
  }
}

TEST_CASE("a gapped trigger needs its partner in the sentence", "[extractor][constructions]") {
  // The partner is a generic noun: no counterpart is borrowed from context.
  const auto d = run("삼성전자는 오픈AI와 업무협약을 체결했다. 오픈AI는 여러 기업들과 함께 데이터센터를 구축한다.");
  CHECK(find(d, RelationType::mou, "Samsung Electronics", "OpenAI"));
  CHECK_FALSE(has_type(d, RelationType::joint_development));
}

TEST_CASE("the parts of a gapped trigger stay within one sentence", "[extractor][constructions]") {
  const auto d = run("네이버는 삼성전자와 함께 행사를 열었다. 이후 각자 칩을 개발했다.");
  CHECK_FALSE(has_type(d, RelationType::joint_development));
}

TEST_CASE("a trigger word inside a name is part of the name", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "SK텔레콤과 KT는 AI 얼라이언스 총회에 나란히 참석했다.",
      "SK Telecom and KT attended the AI Alliance meeting in Seoul.",
      "SK텔레콤, KT 임원들이 AI 얼라이언스 행사에서 만났다는 소식은 없다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(find(run(s), RelationType::partnership, "SK Telecom", "KT"));
  }
}

TEST_CASE("a Korean list without spaces after its commas", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "엔비디아는 한빛테크놀로지스,새봄로보틱스와 함께 로봇 칩을 개발한다.",
      "엔비디아는 새봄로보틱스,한빛테크놀로지스와 함께 로봇 칩을 개발한다.",
      "엔비디아가 한빛테크놀로지스, 새봄로보틱스와 함께 로봇 칩을 개발한다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::joint_development, "NVIDIA", "한빛테크놀로지스"));
    CHECK(find(d, RelationType::joint_development, "NVIDIA", "새봄로보틱스"));
  }
}

TEST_CASE("everyone who develops something together develops it with each other", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "엔비디아는 삼성전자, SK하이닉스와 함께 차세대 메모리를 개발한다.",
      "엔비디아가 삼성전자·SK하이닉스와 손잡고 HBM 패키지를 공동으로 개발하기로 했다.",
      "NVIDIA will co-develop next-generation memory with Samsung Electronics and SK hynix.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::joint_development, "NVIDIA", "Samsung Electronics"));
    CHECK(find(d, RelationType::joint_development, "NVIDIA", "SK hynix"));
    CHECK(find(d, RelationType::joint_development, "Samsung Electronics", "SK hynix"));
  }
}

TEST_CASE("an agreement signed with several partners is one agreement each", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "엔비디아는 삼성전자, SK하이닉스와 각각 업무협약을 체결했다.",
      "NVIDIA signed memoranda of understanding with Samsung Electronics and SK hynix.",
      "NVIDIA signed an MOU with Samsung Electronics and SK hynix on Monday.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::mou, "NVIDIA", "Samsung Electronics"));
    CHECK_FALSE(find(d, RelationType::mou, "Samsung Electronics", "SK hynix"));
  }
}

TEST_CASE("an English clause keeps its own subject", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Microsoft is expanding its data centers, while Oracle will invest in OpenAI.",
      "Microsoft has slowed its spending; Oracle will invest in OpenAI instead.",
      "Microsoft kept its plans unchanged, but Oracle will invest in OpenAI this year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::investment, "Oracle", "OpenAI"));
    CHECK_FALSE(find(d, RelationType::investment, "Microsoft", "OpenAI"));
  }
}

TEST_CASE("names after the verb are no subject", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "OpenAI and Oracle unveiled Stargate, a venture that plans to invest in data centers.",
      "OpenAI and Oracle presented Stargate on Tuesday, saying they would invest in it.",
      "OpenAI and Oracle announced Stargate and said they will invest in the venture.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK_FALSE(find(d, RelationType::investment, "Stargate", "OpenAI"));
    CHECK_FALSE(find(d, RelationType::investment, "Stargate", "Oracle"));
  }
}

TEST_CASE("a regulator is nobody's rival", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "The Federal Trade Commission sued NVIDIA, saying the deal would hurt rivals.",
      "미국 연방거래위원회는 엔비디아의 인수가 경쟁을 해친다며 소송을 냈다.",
      "The European Commission opened a probe into NVIDIA over competition in AI chips.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(has_type(run(s), RelationType::competition));
  }
}

TEST_CASE("a role noun names the agents of the article's deal", "[extractor][constructions]") {
  const std::vector<std::string> articles{
      "Mistral AI raised new funding led by NVIDIA. Other investors in the round are Samsung Electronics and Naver.",
      "NVIDIA invested in Mistral AI this week. The backers also include Samsung Electronics and Naver.",
      "NVIDIA will invest in Mistral AI. Samsung Electronics and Naver, existing shareholders, joined as well.",
  };
  for (const auto& text : articles) {
    INFO(text);
    const auto d = run(text);
    CHECK(find(d, RelationType::investment, "Samsung Electronics", "Mistral AI"));
    CHECK(find(d, RelationType::investment, "Naver", "Mistral AI"));
    CHECK_FALSE(find(d, RelationType::investment, "NVIDIA", "Samsung Electronics"));
  }
}

TEST_CASE("a role noun that belongs to a name pairs with it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Samsung Electronics and Naver are investors in Mistral AI.",
      "Samsung Electronics and Naver are among Mistral AI's backers.",
      "Samsung Electronics and Naver became shareholders of Mistral AI last year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::investment, "Samsung Electronics", "Mistral AI"));
    CHECK(find(d, RelationType::investment, "Naver", "Mistral AI"));
  }
}

TEST_CASE("without a deal or an owner a role noun relates nothing", "[extractor][constructions]") {
  const auto d = run("Investors such as Samsung Electronics and Naver watched the market closely.");
  CHECK_FALSE(has_type(d, RelationType::investment));
}

TEST_CASE("a possessive names a subsidiary the gazetteer knows", "[extractor][constructions]") {
  struct Case {
    std::string sentence, child, parent;
  };
  const std::vector<Case> cases{
      {"Analysts compared Alphabet's Google with its rivals.", "Google", "Alphabet"},
      {"The deal gives Alphabet’s Google a bigger role in cloud computing.", "Google", "Alphabet"},
      {"삼성그룹의 삼성전자는 올해 실적을 발표했다.", "Samsung Electronics", "Samsung Group"},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    CHECK(find(run(c.sentence), RelationType::subsidiary_of, c.child, c.parent));
  }
  // Two names the gazetteer does not link are no parent and child.
  CHECK_FALSE(has_type(run("Analysts compared NVIDIA's Arm deal with others."), RelationType::subsidiary_of));
}

TEST_CASE("who reports a sentence is no party to it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Samsung Electronics will invest in Naver, SK hynix said.",
      "Samsung Electronics will invest in Naver, SK hynix said on Tuesday.",
      "Samsung Electronics will invest in Naver, an SK hynix executive told reporters.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::investment, "Samsung Electronics", "Naver"));
    CHECK_FALSE(find(d, RelationType::investment, "Samsung Electronics", "SK hynix"));
  }
}

TEST_CASE("a hedge in a joined clause does not reach the deal", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "삼성전자는 네이버와 업무협약을 체결했고, 업계는 두 회사의 매출 증가를 전망했다.",
      "삼성전자는 네이버와 업무협약을 체결했으며 시장에서는 주가 상승 가능성이 거론된다.",
      "Samsung Electronics signed an MOU with Naver; analysts expect revenue to rise.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto* m = find(d, RelationType::mou, "Samsung Electronics", "Naver");
    REQUIRE(m);
    CHECK(m->status == Status::done);
  }
}

TEST_CASE("a hedge or denial over an embedded clause reaches it", "[extractor][constructions]") {
  struct Case {
    std::string sentence;
    Status status;
  };
  const std::vector<Case> cases{
      {"삼성전자가 네이버와 업무협약을 맺을 것이라는 관측이 나온다.", Status::speculated},
      {"삼성전자는 네이버와 업무협약을 맺는다는 보도를 부인했다.", Status::ended},
      {"네이버는 삼성전자와 추진하던 합작법인 설립을 없던 일로 했다.", Status::ended},
      {"Samsung Electronics walked away from its joint venture with Naver.", Status::ended},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    const auto d = run(c.sentence);
    REQUIRE_FALSE(d.mentions.empty());
    CHECK(d.mentions.front().status == c.status);
  }
}

TEST_CASE("a reported decision keeps its status", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "삼성전자가 네이버와 합작법인을 세우기로 했다고 전해졌다.",
      "삼성전자는 네이버와 합작법인을 설립할 예정인 것으로 알려졌다.",
      "Samsung Electronics will reportedly set up a joint venture with Naver next year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto* m = find(d, RelationType::joint_venture, "Samsung Electronics", "Naver");
    REQUIRE(m);
    CHECK(m->status == Status::planned);
  }
}

TEST_CASE("taking part in a deal told before joins its target", "[extractor][constructions]") {
  const std::vector<std::string> articles{
      "리벨리온은 시리즈C 펀딩에서 삼성전자로부터 투자를 유치했다. 이 투자에는 네이버, 카카오 등이 참여했다.",
      "리벨리온이 삼성전자로부터 투자를 받았다. 이번 투자에는 네이버와 카카오도 참여한다.",
      "Samsung Electronics invested in Rebellions. Naver and Kakao also joined the funding round.",
  };
  for (const auto& text : articles) {
    INFO(text);
    const auto d = run(text);
    CHECK(find(d, RelationType::investment, "Samsung Electronics", "Rebellions"));
    CHECK(find(d, RelationType::investment, "Naver", "Rebellions"));
    CHECK(find(d, RelationType::investment, "Kakao", "Rebellions"));
  }
}

TEST_CASE("a chain of affiliates links each to its nearest parent named", "[extractor][constructions]") {
  // SK브로드밴드 -> SK텔레콤 -> SK그룹 in the gazetteer.
  const auto d = run("SK그룹 계열사인 SK텔레콤과 SK브로드밴드는 새 서비스를 내놓았다.");
  CHECK(find(d, RelationType::subsidiary_of, "SK Broadband", "SK Telecom"));
  CHECK(find(d, RelationType::subsidiary_of, "SK Telecom", "SK Group"));
  CHECK_FALSE(find(d, RelationType::subsidiary_of, "SK Broadband", "SK Group"));
}

TEST_CASE("members of a named alliance take part in it", "[extractor][constructions]") {
  const std::vector<std::string> articles{
      "The Global Telco AI Alliance was formed last year. It counts Singtel and Deutsche Telekom among its members.",
      "Singtel and Deutsche Telekom are founding members of the Global Telco AI Alliance.",
      "글로벌 텔코 AI 얼라이언스가 지난해 출범했다. 싱텔과 도이치텔레콤이 회원사로 이름을 올렸다.",
  };
  for (const auto& text : articles) {
    INFO(text);
    const auto d = run(text);
    CHECK(find(d, RelationType::participation, "Singtel", "Global Telco AI Alliance"));
  }
}

TEST_CASE("a trigger word that names a kind of firm is no trigger", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "NVIDIA met the investment firm MGX in Abu Dhabi.",
      "NVIDIA hosted executives of the supply fund and of MGX.",
      "엔비디아는 투자 기업 MGX 관계자를 만났다는 소문을 부인하지 않았다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(has_type(run(s), RelationType::investment));
    CHECK_FALSE(has_type(run(s), RelationType::supply));
  }
}

TEST_CASE("an English clause's status stays in it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "NVIDIA will keep advising the group, which signed an MOU with Naver last year.",
      "NVIDIA plans to grow, while Samsung Electronics signed an MOU with Naver in May.",
      "Intel may leave the market; Samsung Electronics signed an MOU with Naver on Friday.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto it = std::find_if(d.mentions.begin(), d.mentions.end(),
                                 [](const Mention& m) { return m.type == RelationType::mou; });
    REQUIRE(it != d.mentions.end());
    CHECK(it->status == Status::done);
  }
}

TEST_CASE("supply told from the customer's side", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "카카오는 엔비디아의 GPU를 데이터센터에 도입했다.",
      "카카오가 엔비디아로부터 AI 칩을 공급받는다.",
      "카카오는 엔비디아의 가속기를 탑재한 서버를 구매했다.",
      "Kakao runs on NVIDIA's accelerators in its new data center.",
      "Kakao uses NVIDIA chips to train its models.",
      "Kakao buys accelerators from NVIDIA for its cloud.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::supply, "NVIDIA", "Kakao"));
    CHECK_FALSE(find(d, RelationType::supply, "Kakao", "NVIDIA"));
  }
}

TEST_CASE("things used together are no supply", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "카카오의 설계와 엔비디아의 칩이 함께 사용된다.",
      "새 서버에는 카카오의 소프트웨어와 엔비디아의 칩이 탑재된다.",
      "이 서비스의 사용자는 카카오와 엔비디아 제품을 함께 쓴다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(has_type(run(s), RelationType::supply));
  }
}

TEST_CASE("a name glossing the word before it takes its particle", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "소프트뱅크그룹은 지난해 암페어(Ampere Computing)를 인수했다.",
      "소프트뱅크그룹이 미국 업체 암페어(Ampere Computing)를 사들이는 인수를 마쳤다.",
      "소프트뱅크그룹은 암페어(Ampere Computing)의 인수를 완료했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::acquisition, "SoftBank Group", "Ampere Computing"));
  }
}

TEST_CASE("a parent buying its affiliate is an acquisition, other ties are internal", "[extractor][constructions]") {
  // Arm's parent in the gazetteer is SoftBank Group.
  CHECK(find(run("소프트뱅크그룹은 2016년 Arm을 인수했다."), RelationType::acquisition, "SoftBank Group", "Arm"));
  CHECK(find(run("SoftBank Group acquired Arm in 2016."), RelationType::acquisition, "SoftBank Group", "Arm"));
  CHECK_FALSE(has_type(run("Arm acquired SoftBank Group in a dream."), RelationType::acquisition));
  CHECK_FALSE(has_type(run("소프트뱅크그룹은 Arm과 협력을 강화한다."), RelationType::partnership));
}

TEST_CASE("a Korean list marks only its last member, even past a description", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "엔비디아가 삼성전자, 국내 AI 반도체 기업 리벨리온과 함께 합작법인을 세운다.",
      "엔비디아는 삼성전자, 리벨리온과 함께 합작법인을 세운다.",
      "엔비디아가 삼성전자·리벨리온과 손잡고 합작법인을 세운다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::joint_venture, "NVIDIA", "Samsung Electronics"));
    CHECK(find(d, RelationType::joint_venture, "NVIDIA", "Rebellions"));
    CHECK(find(d, RelationType::joint_venture, "Samsung Electronics", "Rebellions"));
  }
}

TEST_CASE("a sentence in the plain present announces a plan", "[extractor][constructions]") {
  struct Case {
    std::string sentence;
    Status status;
  };
  const std::vector<Case> cases{
      {"엔비디아는 삼성전자와 합작법인을 만든다.", Status::planned},
      {"엔비디아가 삼성전자와 새 합작법인을 세운다.", Status::planned},
      {"엔비디아는 삼성전자와 합작법인을 만들었다.", Status::done},
      {"엔비디아와 삼성전자의 합작법인은 서울에 있는 회사이다.", Status::done},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    const auto d = run(c.sentence);
    const auto* m = find(d, RelationType::joint_venture, "NVIDIA", "Samsung Electronics");
    REQUIRE(m);
    CHECK(m->status == c.status);
  }
}

TEST_CASE("a noun that says what a name is makes it an organisation", "[extractor][constructions][discovery]") {
  struct Case {
    std::string sentence, name;
  };
  const std::vector<Case> cases{
      {"NVIDIA invested in the robotics startup Tandem Motion last week.", "Tandem Motion"},
      {"NVIDIA will invest in Seoul-based startup Tanda.", "Tanda"},
      {"Samsung Electronics signed an MOU with the chipmaker Korvia Silicon.", "Korvia Silicon"},
      {"엔비디아는 미국 AI 스타트업 노바마인드에 투자했다.", "노바마인드"},
      {"삼성전자는 반도체 설계업체 한결칩스와 업무협약을 맺었다.", "한결칩스"},
      {"카카오가 국내 벤처캐피털 새길파트너에 지분을 넘겼다는 소식이다.", "새길파트너"},
  };
  for (const auto& c : cases) {
    INFO(c.sentence);
    const auto d = run(c.sentence);
    const bool found = std::any_of(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) {
      return (m.source.name == c.name && m.source.candidate) || (m.target.name == c.name && m.target.candidate);
    });
    CHECK(found);
  }
}

TEST_CASE("generic nouns, plurals and months are never discovered", "[extractor][constructions][discovery]") {
  const std::vector<std::string> sentences{
      "NVIDIA met the company Analysts in May to discuss investment.",
      "엔비디아는 글로벌 기업 리더들과 만나 투자를 논의했다.",
      "엔비디아는 국내 기업 빅테크와 협력한다고 밝혔다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    for (const auto& m : d.mentions) {
      CHECK_FALSE(m.source.candidate);
      CHECK_FALSE(m.target.candidate);
    }
  }
}

TEST_CASE("a name matches across glosses and the other form of a word", "[extractor][constructions]") {
  // Global Telco AI Alliance: "글로벌 텔코 AI 얼라이언스" in the gazetteer.
  const std::vector<std::string> sentences{
      "SK텔레콤이 '글로벌 텔코(통신사) AI 얼라이언스'에 참여했다.",
      "SK텔레콤이 '글로벌 텔코 인공지능(AI) 얼라이언스'에 참여했다.",
      "SK텔레콤이 글로벌 텔코(통신사) 인공지능 얼라이언스에 참여했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::participation, "SK Telecom", "Global Telco AI Alliance"));
  }
  // A parenthesis after a whole name stays outside it.
  CHECK(find(run("삼성전자(005930)는 네이버와 업무협약을 맺었다."), RelationType::mou, "Samsung Electronics", "Naver"));
}

TEST_CASE("a ticker or a country between list members keeps the list", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "NVIDIA Corp. (NASDAQ: NVDA) and Japan's SoftBank Group signed a contract on Monday.",
      "NVIDIA and Japan's SoftBank Group signed a contract on Monday.",
      "엔비디아와 일본 소프트뱅크그룹이 계약을 체결했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::contract, "NVIDIA", "SoftBank Group"));
  }
}

TEST_CASE("a deal the subjects call their own is between them", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "NVIDIA and SoftBank Group called off their $40 billion deal to buy a chip designer.",
      "NVIDIA and SoftBank Group ended their partnership over a chip start-up.",
      "엔비디아와 소프트뱅크그룹은 양사의 계약을 해지했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const bool between = find(d, RelationType::contract, "NVIDIA", "SoftBank Group") ||
                         find(d, RelationType::partnership, "NVIDIA", "SoftBank Group");
    CHECK(between);
  }
}

TEST_CASE("a Korean list of described investors joins the deal", "[extractor][constructions]") {
  const std::vector<std::string> articles{
      "리벨리온은 삼성전자로부터 투자를 유치했다. 이 투자에는 미국 투자사 피델리티, 국내 포털 네이버, 카카오 등이 참여했다.",
      "리벨리온이 삼성전자로부터 투자를 받았다. 이번 투자에는 피델리티, 인터넷 기업 네이버, 메신저 기업 카카오가 참여한다.",
      "리벨리온은 삼성전자로부터 투자를 유치했다. 이 투자에는 네이버, 피델리티, 카카오 등이 함께 참여했다.",
  };
  for (const auto& text : articles) {
    INFO(text);
    const auto d = run(text);
    CHECK(find(d, RelationType::investment, "Naver", "Rebellions"));
    CHECK(find(d, RelationType::investment, "Kakao", "Rebellions"));
  }
}

TEST_CASE("a person named in full stands for the organisation by one part of the name", "[extractor][constructions]") {
  // Chey Tae-won leads SK Group, Jensen Huang leads NVIDIA (people.tsv).
  const std::vector<std::string> articles{
      "SK Group chairman Chey Tae-won visited California. Chey met with Microsoft executives on Monday.",
      "Jensen Huang spoke in Taipei. Later, Huang met with Microsoft leaders to discuss chips.",
      "Chey Tae-won flew to Seattle. On Tuesday Chey also met with Microsoft's chief executive.",
  };
  for (const auto& text : articles) {
    INFO(text);
    const auto d = run(text);
    const bool met = find(d, RelationType::meeting, "SK Group", "Microsoft") || find(d, RelationType::meeting, "NVIDIA", "Microsoft");
    CHECK(met);
  }
  // Before the full name appears, the bare name is nobody.
  CHECK_FALSE(has_type(run("Huang met with Microsoft leaders in Seattle."), RelationType::meeting));
}

TEST_CASE("sources without a named target give to the article's deal", "[extractor][constructions]") {
  const std::vector<std::string> articles{
      "Samsung Electronics will invest in Rebellions. The round will be topped up with money from Naver and from Kakao, bringing the total investment to $300 million.",
      "리벨리온은 삼성전자로부터 투자를 유치한다. 여기에 네이버로부터 추가 투자가 더해진다.",
      "Samsung Electronics invested in Rebellions. More funding came from Naver.",
  };
  for (const auto& text : articles) {
    INFO(text);
    CHECK(find(run(text), RelationType::investment, "Naver", "Rebellions"));
  }
  // No deal told before: a source alone relates nothing.
  CHECK_FALSE(has_type(run("More funding came from Naver."), RelationType::investment));
}

TEST_CASE("a verb and its object are no firm noun", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Samsung Electronics will invest funds in Rebellions next year.",
      "Samsung Electronics plans to invest funds into Rebellions.",
      "Samsung Electronics said it would invest funds in Rebellions.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::investment, "Samsung Electronics", "Rebellions"));
  }
}

TEST_CASE("selling a stake it held ends an investment", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "카카오는 보유 중이던 네이버 지분 전량을 매각했다.",
      "카카오가 네이버 보유 지분을 모두 처분하기로 했다.",
      "카카오도 지난달 네이버 지분을 정리했다.",
      "Kakao sold its stake in Naver last month.",
      "Kakao has sold its entire stake in Naver, the filing shows.",
      "Kakao divested its stake in Naver after the alliance faded.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto* m = find(d, RelationType::investment, "Kakao", "Naver");
    REQUIRE(m);
    CHECK(m->status == Status::ended);
  }
  // Selling new shares to an investor is that investor's investment, not an end.
  const auto d = run("Kakao sold a 5% stake to Naver for $200 million.");
  for (const auto& m : d.mentions) CHECK(m.status != Status::ended);
}

TEST_CASE("a plural back-reference stands for every party of the latest deal of three or more",
          "[extractor][constructions]") {
  const std::vector<std::string> texts{
      "SK텔레콤은 도이체텔레콤, 싱텔과 업무협약을 체결했다. 참여한 통신사들은 공동으로 언어 모델을 개발한다.",
      "SK텔레콤, 도이체텔레콤, 싱텔이 MOU를 맺었다. 이들 기업은 내년부터 AI 비서를 함께 개발할 계획이다.",
      "SK Telecom, Deutsche Telekom and Singtel signed an MOU on Monday. The three companies will jointly develop a "
      "language model.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::joint_development, "SK Telecom", "Singtel"));
    CHECK(find(d, RelationType::joint_development, "Deutsche Telekom", "Singtel"));
    CHECK(find(d, RelationType::joint_development, "SK Telecom", "Deutsche Telekom"));
  }
}

TEST_CASE("joining the alliance the article named is taking part in it", "[extractor][constructions]") {
  const std::vector<std::string> texts{
      "SK텔레콤은 '글로벌 텔코 AI 얼라이언스'를 출범했다. 도이체텔레콤과 싱텔도 이 동맹에 참여했다.",
      "SK텔레콤은 '글로벌 텔코 AI 얼라이언스'를 만들었다. 동맹에 합류한 도이체텔레콤과 싱텔은 데이터를 공유한다.",
      "SK Telecom launched the Global Telco AI Alliance in July. Deutsche Telekom and Singtel joined the alliance "
      "in September.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::participation, "Deutsche Telekom", "Global Telco AI Alliance"));
    CHECK(find(d, RelationType::participation, "Singtel", "Global Telco AI Alliance"));
    // Joining an alliance is not an alliance between those who join.
    CHECK_FALSE(find(d, RelationType::partnership, "Deutsche Telekom", "Singtel"));
  }
  // Joining a trend through a cooperation is not joining the project.
  const auto d = run("SK텔레콤은 '글로벌 텔코 AI 얼라이언스'를 출범했다. 정부도 KT와의 협력을 통해 AI 전환 흐름에 합류한다.");
  CHECK_FALSE(find(d, RelationType::participation, "KT", "Global Telco AI Alliance"));
}

TEST_CASE("names before 'not only' share the role of the marked name after it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "카카오는 네이버, KT 등 국내 기업뿐 아니라 미국 엔비디아와도 협력해 왔다.",
      "카카오는 네이버, KT뿐만 아니라 엔비디아와도 제휴를 맺었다.",
      "카카오는 네이버와 KT는 물론 엔비디아와도 파트너십을 체결했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::partnership, "Kakao", "NVIDIA"));
    CHECK(find(d, RelationType::partnership, "Kakao", "Naver"));
    CHECK(find(d, RelationType::partnership, "Kakao", "KT"));
  }
}

TEST_CASE("a Korean topic after the trigger opens a later clause, not the trigger's subject",
          "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "카카오는 엔비디아와 협력해왔는데, 지난해 정부는 카카오에 보안 점검을 요구했다.",
      "카카오는 엔비디아와 제휴를 맺었지만 네이버는 독자 노선을 택했다.",
      "카카오는 엔비디아와 손잡았고, 네이버는 이 소식에 침묵했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::partnership, "Kakao", "NVIDIA"));
    CHECK_FALSE(find(d, RelationType::partnership, "Naver", "NVIDIA"));
    CHECK_FALSE(find(d, RelationType::partnership, "Government of South Korea", "NVIDIA"));
  }
}

TEST_CASE("choosing a company as an investee is an investment in it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "네이버는 영상 AI 스타트업 트웰브랩스를 첫 투자처로 확정했다.",
      "네이버가 트웰브랩스를 올해 투자 대상으로 선정했다.",
      "네이버는 여러 후보 가운데 트웰브랩스를 투자처로 낙점했다.",
      "Naver picked Twelve Labs as its first investment in the United States.",
      "Naver chose Twelve Labs for its first investment abroad.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::investment, "Naver", "Twelve Labs"));
  }
  // Looking for somewhere to invest names no investee.
  CHECK_FALSE(has_type(run("네이버는 새 투자처를 찾고 있다고 밝혔다."), RelationType::investment));
}

TEST_CASE("a possessive list member stands for its owner", "[extractor][constructions]") {
  const std::vector<std::string> texts{
      "스킬드AI는 소프트뱅크로부터 투자를 유치했다. 이번 투자에는 엔비디아, LG의 벤처캐피털, 삼성 등도 참여했다.",
      "스킬드AI는 소프트뱅크로부터 투자를 받았다. 시리즈B 당시 엔비디아, LG의 투자 자회사, 삼성 등이 참여했다.",
      "스킬드AI가 소프트뱅크로부터 자금을 조달했다. 이 투자에 LG의 벤처캐피털, 삼성 등이 참여했다.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::investment, "LG Group", "Skild AI"));
    CHECK(find(d, RelationType::investment, "Samsung Group", "Skild AI"));
  }
}

TEST_CASE("a definite English deal noun refers back to a deal told before", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "As part of the agreement, Kakao will join Naver's advisory board.",
      "Both firms cited regulatory hurdles as the reason for abandoning the deal, Kakao and Naver said.",
      "Kakao and Naver called off their plan, and the deal to buy the chip unit from Naver collapsed.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(find(run(s), RelationType::contract, "Kakao", "Naver"));
  }
  // A deal its parties sign, or one tied to them by "with", is theirs.
  const std::vector<std::string> theirs{
      "Kakao and Naver said they expect to sign the agreement next month.",
      "Kakao finalised the deal with Naver on Monday.",
      "Kakao signed an agreement with Naver worth $2 billion.",
  };
  for (const auto& s : theirs) {
    INFO(s);
    CHECK(find(run(s), RelationType::contract, "Kakao", "Naver"));
  }
}

TEST_CASE("the names after 'rival to' are on one side", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "The deal backs the region's top rival to giants OpenAI, Meta and Google.",
      "Investors see a credible rival to OpenAI, Meta and Google in the French lab.",
      "It was hailed as Europe's answer and a rival of OpenAI and Google.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK_FALSE(find(d, RelationType::competition, "OpenAI", "Google"));
    CHECK_FALSE(find(d, RelationType::competition, "Meta", "Google"));
  }
  // With its own party before the noun, the rivalry is stated.
  CHECK(find(run("Mistral AI is a rival to OpenAI and Google."), RelationType::competition, "Mistral AI", "OpenAI"));
}

TEST_CASE("a relation noun says what the name after it is to its owner", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "OpenAI's newest cloud supplier is Google.",
      "오픈AI의 공급사인 구글은 TPU 물량을 늘린다.",
      "OpenAI's supplier Google added more capacity this year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::supply, "Google", "OpenAI"));
    CHECK_FALSE(find(d, RelationType::supply, "OpenAI", "Google"));
  }
}

TEST_CASE("those who back a project take part in it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "The president unveiled Stargate, an AI infrastructure project backed by SoftBank Group and OpenAI.",
      "Stargate, funded by SoftBank Group and OpenAI, will build data centres in Texas.",
      "Officials praised Stargate, a venture supported by SoftBank Group and OpenAI.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::participation, "SoftBank Group", "Stargate"));
    CHECK(find(d, RelationType::participation, "OpenAI", "Stargate"));
    CHECK_FALSE(find(d, RelationType::participation, "Government of the United States", "Stargate"));
  }
}

TEST_CASE("a possessive and an 'of' phrase around a deal noun give its direction", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Qualcomm's purchase of NXP Semiconductors was blocked by regulators.",
      "Qualcomm's $44 billion purchase of Dutch chipmaker NXP Semiconductors never closed.",
      "Regulators reviewed Qualcomm's acquisition of NXP Semiconductors for a year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::acquisition, "Qualcomm", "NXP Semiconductors"));
  }
  // Buying a maker's products is not buying the maker.
  CHECK_FALSE(has_type(run("OpenAI's purchase of NVIDIA chips doubled this year."), RelationType::acquisition));
}

TEST_CASE("a discovered name with or without its legal form is one entity", "[extractor][constructions]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"Kakao signed a supply deal with Nimbus Robotics Inc. on Monday. Naver also invested in Nimbus Robotics.",
       "Nimbus Robotics"},
      {"Kakao signed a supply deal with Nimbus Robotics Ltd. Naver later invested in Nimbus Robotics Ltd.",
       "Nimbus Robotics"},
      {"카카오는 ㈜한빛로보틱스와 공급 계약을 체결했다. 네이버도 한빛로보틱스에 투자했다.", "한빛로보틱스"},
  };
  for (const auto& [t, name] : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(involves(d, name));
    for (const auto& m : d.mentions) {
      CHECK(m.source.name.find("Inc") == std::string::npos);
      CHECK(m.target.name.find("Ltd") == std::string::npos);
      CHECK(m.target.name.find("㈜") == std::string::npos);
    }
  }
}

TEST_CASE("'the consortium' is the project the article names, before or after", "[extractor][constructions]") {
  const std::vector<std::string> texts{
      // Named after: the lead tells of the joining, the next paragraph names it.
      "NVIDIA and Kakao joined a consortium backed by Microsoft on Monday. The consortium, now called the AI "
      "Infrastructure Partnership, plans to raise $30 billion.",
      "NVIDIA and Kakao have joined forces with a consortium led by Microsoft. Formed last year, the AI "
      "Infrastructure Partnership invests in data centres.",
      // Named before.
      "Microsoft set up the AI Infrastructure Partnership last year. NVIDIA and Kakao joined the consortium "
      "this week.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::participation, "NVIDIA", "AI Infrastructure Partnership"));
    CHECK(find(d, RelationType::participation, "Kakao", "AI Infrastructure Partnership"));
  }
  // A project the sentence names itself is the one meant.
  const auto d = run(
      "Kakao joined the AI Infrastructure Partnership in March. NVIDIA joined the consortium behind Stargate, "
      "backed by SoftBank Group.");
  CHECK_FALSE(find(d, RelationType::participation, "NVIDIA", "AI Infrastructure Partnership"));
  // No project in the article: the reference stands for nothing.
  CHECK_FALSE(has_type(run("NVIDIA and Kakao joined a consortium backed by Microsoft."), RelationType::participation));
}

TEST_CASE("a founder's possessive before the company only describes it", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "NVIDIA and Elon Musk's xAI joined the AI Infrastructure Partnership.",
      "NVIDIA and Elon Musk’s xAI joined the AI Infrastructure Partnership on Wednesday.",
      "엔비디아와 일론 머스크의 xAI가 AI 인프라 파트너십에 참여했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::participation, "NVIDIA", "AI Infrastructure Partnership"));
    CHECK(find(d, RelationType::participation, "xAI", "AI Infrastructure Partnership"));
  }
}

TEST_CASE("a place won or lost in a selection is taking part in the article's project", "[extractor][constructions]") {
  const std::string named = "과기정통부가 주도하는 K-클라우드 프로젝트에 업스테이지가 참여했다.\n";
  const std::vector<std::pair<std::string, Status>> texts{
      {named + "카카오는 2차 평가에서 탈락했다.", Status::ended},
      {named + "카카오가 서류 심사에서 탈락하면서 한 팀이 더 뽑힌다.", Status::ended},
      {named + "카카오는 지난달 최종 사업자로 선정됐다.", Status::done},
      {"Kakao was shortlisted on Monday. The K-Cloud Project picks three teams this year.", Status::done},
      {"Naver launched the K-Cloud Project last year. Kakao was eliminated from it in the second round.", Status::ended},
  };
  for (const auto& [t, status] : texts) {
    INFO(t);
    const auto d = run(t);
    const auto* m = find(d, RelationType::participation, "Kakao", "K-Cloud Project");
    REQUIRE(m);
    CHECK(m->status == status);
  }
  // With no project in the article, a selection stands for nothing.
  CHECK_FALSE(has_type(run("카카오는 2차 평가에서 탈락했다. 네이버는 통과했다."), RelationType::participation));
}

TEST_CASE("a Korean topic after the verb does not take the subject of an earlier clause", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "네이버가 삼성전자에 AI 칩 설계 도구를 공급하면서 카카오는 뒤처졌다.",
      "네이버가 삼성전자에 AI 칩 설계 도구를 공급하자 카카오는 대응책을 찾았다.",
      "업계는 네이버가 삼성전자에 설계 도구를 공급하고, 카카오는 자금을 맡는 형태라고 전했다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::supply, "Naver", "Samsung Electronics"));
    CHECK_FALSE(find(d, RelationType::supply, "Kakao", "Samsung Electronics"));
  }
}

TEST_CASE("a quoting ending (-다며, -라며) closes a Korean clause", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "신문은 네이버가 소프트뱅크와 손잡고 합작사를 세운다며 네이버가 인력을 제공한다고 전했다.",
      "업계는 카카오가 소프트뱅크와 협력한다며 네이버가 기술을 제공할 것이라고 봤다.",
      "보도는 카카오가 소프트뱅크와 제휴했다며 네이버도 인력을 제공한다고 덧붙였다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK_FALSE(find(run(s), RelationType::supply, "Naver", "SoftBank Group"));
  }
}

TEST_CASE("an organiser takes part in its own programme", "[extractor][constructions]") {
  // Project Rainier's parent in the gazetteer is Amazon Web Services.
  const std::vector<std::string> sentences{
      "아마존웹서비스(AWS)는 프로젝트 레이니어를 추진하고 있다고 밝혔다.",
      "아마존웹서비스가 주도하는 프로젝트 레이니어에 앤트로픽이 참여한다.",
      "Amazon Web Services launched Project Rainier with Anthropic last year.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    CHECK(find(run(s), RelationType::participation, "Amazon Web Services", "Project Rainier"));
  }
  // Other relations between a parent and its own are still internal.
  CHECK_FALSE(has_type(run("아마존웹서비스는 프로젝트 레이니어와 협력한다."), RelationType::partnership));
}

TEST_CASE("who leads the round an adnominal clause describes invests in who raises it", "[extractor][constructions]") {
  const std::vector<std::string> texts{
      "퓨리오사AI, 시리즈C 투자 유치\n\n퓨리오사AI는 삼성증권과 카카오가 주도한 시리즈C 투자에서 1천억원을 유치했다.",
      "퓨리오사AI가 투자를 받았다. 퓨리오사AI는 삼성증권과 카카오가 공동 주도한 투자 라운드로 자금을 모았다.",
      "퓨리오사AI는 삼성증권과 카카오가 참여한 투자에서 500억원을 유치했다.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::investment, "Samsung Securities", "FuriosaAI"));
    CHECK(find(d, RelationType::investment, "Kakao", "FuriosaAI"));
    CHECK_FALSE(find(d, RelationType::investment, "FuriosaAI", "Kakao"));
  }
}

TEST_CASE("a family's bare name means the member the headline or lead names", "[extractor][constructions]") {
  const std::vector<std::tuple<std::string, std::string, std::string>> texts{
      {"한화에어로스페이스, 엔비디아와 AI 동맹\n\n한화는 엔비디아와 업무협약을 맺었다.", "Hanwha Aerospace", "NVIDIA"},
      {"Hyundai Motor Group bets on robots\n\nHyundai signed an MOU with NVIDIA on Monday.", "Hyundai Motor Group", "NVIDIA"},
      {"Samsung Electronics wins a chip order\n\nSamsung signed an MOU with OpenAI.", "Samsung Electronics", "OpenAI"},
      {"삼성전자가 오픈AI와 손잡는다.\n\n삼성은 오픈AI와 업무협약을 체결했다.", "Samsung Electronics", "OpenAI"},
      {"LG Electronics expands its robot line\n\nLG signed an MOU with NVIDIA.", "LG Electronics", "NVIDIA"},
  };
  for (const auto& [t, member, partner] : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(find(d, RelationType::mou, member, partner));
  }
  // An article about someone else keeps the gazetteer's default, also when a
  // member is named further on; a member whose name does not begin with the
  // bare name (Kia) is not meant by it.
  CHECK(find(run("Hyundai signed an MOU with NVIDIA on Monday."), RelationType::mou, "Hyundai Motor Company", "NVIDIA"));
  CHECK(find(run("퓨리오사AI, 삼성증권 주도 투자 유치\n\n삼성은 오픈AI와 업무협약을 체결했다."), RelationType::mou,
             "Samsung Group", "OpenAI"));
  CHECK(find(run("Kia builds a robot plant\n\nHyundai signed an MOU with NVIDIA."), RelationType::mou,
             "Hyundai Motor Company", "NVIDIA"));
}

TEST_CASE("a bare family name stays the family's when the lead names several of its members", "[extractor][constructions]") {
  const std::vector<std::string> texts{
      "삼성전자 등 4개 계열사, 오픈AI와 협력\n\n삼성전자와 삼성SDS는 오픈AI와 협력한다. 삼성은 오픈AI와 업무협약을 체결했다.",
      "Samsung Electronics and Samsung SDS team up with OpenAI\n\nSamsung signed an MOU with OpenAI on Monday.",
      "LG Electronics and LG Uplus back a robot maker\n\nLG signed an MOU with NVIDIA.",
  };
  for (const auto& t : texts) {
    INFO(t);
    const auto d = run(t);
    CHECK(std::any_of(d.mentions.begin(), d.mentions.end(), [](const auto& m) {
      return m.type == RelationType::mou && (m.source.name.ends_with("Group") || m.target.name.ends_with("Group"));
    }));
  }
}

TEST_CASE("a deal that regulators block has ended", "[extractor][constructions][status]") {
  const std::vector<std::string> sentences{
      "In 2019 Washington prevented the takeover of Arm by NVIDIA on security grounds.",
      "NVIDIA's purchase of Arm couldn't move forward after regulators did not approve it.",
      "The merger of Kakao and Naver was struck down by the competition authority.",
      "NVIDIA's $40 billion acquisition of Arm never closed.",
      "공정위가 엔비디아의 Arm 인수를 불허했다.",
      "엔비디아의 Arm 인수는 각국 규제로 좌초됐다.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    REQUIRE_FALSE(d.mentions.empty());
    for (const auto& m : d.mentions) CHECK(m.status == Status::ended);
  }
}

TEST_CASE("conversations, evaluations and working toward a deal are talks", "[extractor][constructions][status]") {
  const std::vector<std::string> sentences{
      "Kakao has been evaluating a partnership with Naver for months.",
      "Conversations between Kakao and Naver have included a possible partnership.",
      "Kakao is working toward a partnership with Naver in cloud services.",
      "Kakao is working towards its own partnership with Naver.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto* m = find(d, RelationType::partnership, "Kakao", "Naver");
    REQUIRE(m);
    CHECK(m->status == Status::talks);
  }
}

TEST_CASE("an affiliate still to be set up or taken over is planned; a plan further on is not its own", "[extractor][constructions][status]") {
  // Naver Cloud's parent in the gazetteer is Naver.
  const std::vector<std::pair<std::string, Status>> sentences{
      {"네이버가 첫 클라우드 법인인 네이버클라우드를 설립한다.", Status::planned},
      {"네이버는 자회사 네이버클라우드 설립을 앞두고 인력을 뽑고 있다.", Status::planned},
      {"네이버는 네이버클라우드를 자회사로 편입할 예정이다.", Status::planned},
      {"네이버 산하 네이버클라우드는 삼성전자와 함께 대규모 데이터센터를 짓는 합작 법인을 만든다.", Status::done},
  };
  for (const auto& [s, status] : sentences) {
    INFO(s);
    const auto d = run(s);
    const auto* m = find(d, RelationType::subsidiary_of, "Naver Cloud", "Naver");
    REQUIRE(m);
    CHECK(m->status == status);
  }
}

TEST_CASE("an office of state stands for its government", "[extractor][constructions]") {
  const std::vector<std::pair<std::string, std::string>> sentences{
      {"South Korean President Kim Hanbit met NVIDIA's chief executive in Seoul.", "Government of South Korea"},
      {"Japanese Prime Minister Sato held a meeting with OpenAI on Friday.", "Government of Japan"},
      {"The French president met NVIDIA executives to discuss data centres.", "Government of France"},
      {"한국 대통령이 엔비디아 경영진과 회동했다.", "Government of South Korea"},
      {"일본 총리는 오픈AI 대표를 면담했다.", "Government of Japan"},
      {"프랑스 대통령이 엔비디아 경영진을 만났다.", "Government of France"},
  };
  for (const auto& [s, government] : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(has_type(d, RelationType::meeting));
    CHECK(involves(d, government));
  }
}

TEST_CASE("a named project or alliance no list holds becomes a project node", "[extractor][constructions]") {
  const std::vector<std::pair<std::string, std::string>> texts{
      {"카카오와 네이버는 '한강' 프로젝트에 참여한다.", "한강 프로젝트"},
      {"카카오와 네이버가 ‘새봄’ 컨소시엄에 합류했다.", "새봄 컨소시엄"},
      {"카카오, 네이버 등이 '누리 AI' 얼라이언스에 가입했다.", "누리 AI 얼라이언스"},
      {"Kakao and Naver joined the Nova Alliance on Monday.", "Nova Alliance"},
      {"The Orion Consortium counts Kakao and Naver among its members.", "Orion Consortium"},
      {"Kakao and Naver will take part in the Seoul Compute Initiative.", "Seoul Compute Initiative"},
  };
  for (const auto& [t, project] : texts) {
    INFO(t);
    const auto d = run(t);
    const auto* m = find(d, RelationType::participation, "Kakao", project);
    REQUIRE(m);
    CHECK(m->target.kind == EntityKind::project);
    CHECK(m->target.candidate);
    CHECK(find(d, RelationType::participation, "Naver", project));
  }
  // A known project keeps its own name; a quoted word before another noun is no project.
  CHECK(find(run("카카오는 '스타게이트' 프로젝트에 참여한다."), RelationType::participation, "Kakao", "Stargate"));
  CHECK_FALSE(has_type(run("카카오는 '한강' 프로젝트팀과 만났다."), RelationType::participation));
}

TEST_CASE("'its members', 'its investors': the subject owns the role noun", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Twelve Labs said its investors include NVIDIA and Naver.",
      "Twelve Labs counts NVIDIA and Naver among its investors.",
      "Twelve Labs named NVIDIA and Naver as its investors.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::investment, "NVIDIA", "Twelve Labs"));
    CHECK(find(d, RelationType::investment, "Naver", "Twelve Labs"));
  }
  // A company does not have members: "its members" needs a project as owner.
  CHECK_FALSE(has_type(run("Kakao counts Naver and NVIDIA among its members."), RelationType::participation));
}

TEST_CASE("', and' with a name and a verb after it opens a clause of its own", "[extractor][constructions]") {
  const std::vector<std::string> sentences{
      "Microsoft has turned to CoreWeave for more computing power, and OpenAI has signed a contract with Nebius.",
      "Kakao bought more servers this year, and OpenAI signed a contract with Nebius on Tuesday.",
      "Microsoft is leaning on CoreWeave, and OpenAI will sign a contract with Nebius next week.",
  };
  for (const auto& s : sentences) {
    INFO(s);
    const auto d = run(s);
    CHECK(find(d, RelationType::contract, "OpenAI", "Nebius"));
    CHECK_FALSE(find(d, RelationType::contract, "Microsoft", "Nebius"));
    CHECK_FALSE(find(d, RelationType::contract, "Kakao", "Nebius"));
  }
  // A list that ends in ", and" stays one subject.
  const auto d = run("Kakao, Naver, and OpenAI signed a contract with Nebius.");
  CHECK(find(d, RelationType::contract, "Kakao", "Nebius"));
  CHECK(find(d, RelationType::contract, "OpenAI", "Nebius"));
}

TEST_CASE("a deal noun that names its parties is the relation, not a thing joined", "[extractor][constructions]") {
  // "formed", "launched", "set up" found an alliance someone takes part in,
  // unless the noun after them names its parties with "with" or "between".
  const std::vector<std::tuple<std::string, RelationType>> cases{
      {"Kakao formed a partnership with Naver.", RelationType::partnership},
      {"Kakao launched a joint venture with Naver in Seoul.", RelationType::joint_venture},
      {"Kakao set up a partnership with Naver last year.", RelationType::partnership},
  };
  for (const auto& [s, type] : cases) {
    INFO(s);
    CHECK(find(run(s), type, "Kakao", "Naver"));
  }
  // Without its parties, the noun is still what is joined.
  const auto d = run("Kakao and Naver joined the Stargate project.");
  CHECK(find(d, RelationType::participation, "Kakao", "Stargate"));
  CHECK_FALSE(find(d, RelationType::partnership, "Kakao", "Naver"));
}

TEST_CASE("an English apposition 'A, B's role noun' describes A, not a list of A and B", "[extractor][constructions]") {
  const std::vector<std::tuple<std::string, RelationType, std::string, std::string>> cases{
      {"Kakao, Naver's biggest shareholder, voted against the plan.", RelationType::investment, "Kakao", "Naver"},
      {"SoftBank, OpenAI's largest investor, said it would invest more.", RelationType::investment, "SoftBank Group",
       "OpenAI"},
      {"Kakao, Naver's main rival, cut prices.", RelationType::competition, "Kakao", "Naver"},
      {"Samsung Electronics, Naver's chip supplier, raised prices.", RelationType::supply, "Samsung Electronics",
       "Naver"},
  };
  for (const auto& [s, type, source, target] : cases) {
    INFO(s);
    CHECK(find(run(s), type, source, target));
  }
  // With a conjunction it is a list: "A, B and C's units" are three parties.
  const auto d = run("Kakao, Naver and Samsung Electronics's units signed the deal.");
  CHECK(find(d, RelationType::contract, "Kakao", "Naver"));
}
