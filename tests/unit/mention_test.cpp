// `aikg extract` output lines round-trip, and bad lines are refused with a reason.
#include <catch2/catch.hpp>

#include "aikg/mention.hpp"

using namespace aikg;

TEST_CASE("a document's mentions survive a JSON line round trip", "[mention]") {
  DocumentMentions d;
  d.article.id = "doc-1";
  d.article.title = "제목 \"quoted\"\nline";
  d.article.url = "https://example.com/a";
  d.content_hash = "abc";
  d.date = "2025-10-01";
  d.char_count = 1234;
  Mention m;
  m.id = "m1";
  m.type = RelationType::investment;
  m.source = {"Kakao", EntityKind::company, false};
  m.target = {"한빛테크", EntityKind::company, true};
  m.status = Status::talks;
  m.confidence = 0.5;
  m.sentence = "카카오는 한빛테크에 투자를 검토한다.";
  m.begin = 3;
  m.end = 25;
  m.date = "2025-09-30";
  m.cue = "투자";
  d.mentions.push_back(m);
  const auto line = to_json_line(d);
  CHECK(line.find('\n') == std::string::npos);
  std::string why;
  const auto back = parse_mentions_line(line, &why);
  REQUIRE(back);
  CHECK(back->article.title == d.article.title);
  CHECK(back->char_count == 1234);  // the text is not in the line, its length is
  REQUIRE(back->mentions.size() == 1);
  const auto& b = back->mentions[0];
  CHECK(b.type == m.type);
  CHECK(b.source == m.source);
  CHECK(b.target == m.target);
  CHECK(b.status == m.status);
  CHECK(b.sentence == m.sentence);
  CHECK(b.begin == 3);
  CHECK(b.end == 25);
}

TEST_CASE("malformed mention lines are refused with a reason", "[mention]") {
  std::string why;
  CHECK_FALSE(parse_mentions_line("{not json", &why));
  CHECK_FALSE(why.empty());
  CHECK_FALSE(parse_mentions_line("[1,2]", &why));
  CHECK_FALSE(parse_mentions_line(R"({"id":"d","content_hash":"h","mentions":[{"id":"m","type":"friendship","status":"done","source":{"name":"A"},"target":{"name":"B"}}]})", &why));
  CHECK(why.find("relation type") != std::string::npos);
}

TEST_CASE("offsets must be non-negative integers and confidence in [0, 1]", "[mention]") {
  // Found by the mentions fuzzer: a huge float offset used to be converted to size_t.
  const auto line = [](const char* begin, const char* confidence) {
    return std::string(R"({"id":"d","content_hash":"h","mentions":[{"id":"m","type":"mou","status":"done",)") +
           R"("source":{"name":"A"},"target":{"name":"B"},"begin":)" + begin + R"(,"end":5,"confidence":)" +
           confidence + "}]}";
  };
  std::string why;
  CHECK(parse_mentions_line(line("1", "0.5"), &why));
  CHECK_FALSE(parse_mentions_line(line("1.8446744073709595e19", "0.5"), &why));
  CHECK_FALSE(parse_mentions_line(line("-1", "0.5"), &why));
  CHECK_FALSE(parse_mentions_line(line("9", "0.5"), &why));  // begin after end
  CHECK_FALSE(parse_mentions_line(line("1", "2.5"), &why));
}

TEST_CASE("char_count is optional but must be a non-negative integer", "[mention]") {
  std::string why;
  const auto with = [](const char* count) {
    return std::string(R"({"id":"d","content_hash":"h","mentions":[])") + (count ? std::string(",\"char_count\":") + count : "") + "}";
  };
  const auto absent = parse_mentions_line(with(nullptr), &why);
  REQUIRE(absent);
  CHECK(absent->char_count == 0);
  CHECK(parse_mentions_line(with("77"), &why)->char_count == 77);
  CHECK_FALSE(parse_mentions_line(with("-3"), &why));
  CHECK_FALSE(parse_mentions_line(with("2.5"), &why));
  CHECK_FALSE(parse_mentions_line(with("\"12\""), &why));
}
