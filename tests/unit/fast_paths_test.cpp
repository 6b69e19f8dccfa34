// The hand-written fast paths of `aikg extract`: the JSON writer must write
// what nlohmann wrote, byte for byte; the phrase trie must find what a plain
// map-backed trie found; the JSON Lines reader must split lines as getline.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "aikg/article.hpp"
#include "aikg/mention.hpp"
#include "extract/phrase_matcher.hpp"
#include "model/json_writer.hpp"

using namespace aikg;

namespace {

std::string nlohmann_string(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written(std::string_view s) {
  std::string out;
  detail::append_json_string(out, s);
  return out;
}

std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> hits_at(const detail::PhraseMatcher& m,
                                                                        std::string_view text, std::size_t pos) {
  std::vector<detail::PhraseMatcher::Hit> hits;
  m.match_at(text, pos, hits);
  std::vector<std::pair<std::size_t, std::vector<std::uint32_t>>> out;
  for (const auto& h : hits) out.emplace_back(h.end, *h.payloads);
  return out;
}

}  // namespace

TEST_CASE("JSON strings are escaped as nlohmann escapes them", "[mention][json_writer]") {
  const std::vector<std::string> cases = {
      "",
      "plain ASCII",
      "quote \" and backslash \\ and slash /",
      std::string("controls \x01\x08\t\n\x0b\x0c\r\x1f\x7f end"),
      std::string("a NUL \0 inside", 14),
      "한빛전자와 오픈AI(OpenAI) — “quotes” 😀",
      "\xed\x9f\xbf \xee\x80\x80 \xf4\x8f\xbf\xbf",  // U+D7FF, U+E000, U+10FFFF: valid
      // Invalid UTF-8 goes to nlohmann's own replacement rules.
      "bad \xff byte", "truncated \xea\xb0", "overlong \xc0\xaf", "surrogate \xed\xa0\x80 x", "too big \xf4\x90\x80\x80",
      "lone continuation \x80\x80 twice", "\xe0\x80\xaf", "end \xf0\x9f\x98"};
  for (const auto& s : cases) {
    INFO(s);
    CHECK(written(s) == nlohmann_string(s));
  }
  // Random bytes biased towards the interesting ones, against the reference.
  std::mt19937 rng(16);
  const unsigned char alphabet[] = {'a', '"', '\\', '\n', 0x01, 0x1f, 0x7f, 0x80, 0xbf, 0xc2, 0xc0, 0xe0,
                                    0xed, 0xea, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x90, 0x8f, ' '};
  for (int round = 0; round < 3000; ++round) {
    std::string s(rng() % 12, ' ');
    for (auto& c : s) c = static_cast<char>(alphabet[rng() % sizeof alphabet]);
    INFO(round);
    REQUIRE(written(s) == nlohmann_string(s));
  }
}

TEST_CASE("JSON numbers are written as nlohmann writes them", "[mention][json_writer]") {
  for (double v : {0.0, 1.0, 0.5, 0.85, 0.1 + 0.2, 0.7 * 0.9, 1e-05, 0.333333333333, 123456789.0}) {
    std::string out;
    detail::append_json_number(out, v);
    CHECK(out == nlohmann::json(v).dump());
  }
  std::string out;
  detail::append_json_number(out, std::size_t{18446744073709551615u});
  CHECK(out == "18446744073709551615");
}

TEST_CASE("a mention line is the ordered_json dump it replaced", "[mention][json_writer]") {
  DocumentMentions d;
  d.article = {"doc\t1", "제목 \"q\"", "2025-10-01", "https://example.com/a?b=1&c=\\", "", "text", "feed.jsonl:3"};
  d.content_hash = "abc";
  d.char_count = 42;
  const nlohmann::ordered_json empty{{"id", "doc\t1"}, {"title", "제목 \"q\""}, {"published", "2025-10-01"},
                                     {"url", "https://example.com/a?b=1&c=\\"}, {"source", ""},
                                     {"origin", "feed.jsonl:3"}, {"content_hash", "abc"}, {"date", ""},
                                     {"char_count", 42}, {"mentions", nlohmann::ordered_json::array()}};
  CHECK(to_json_line(d) == empty.dump());
  Mention m;
  m.id = "m1";
  m.type = RelationType::investment;
  m.source = {"Kakao", EntityKind::company, false};
  m.target = {"한빛\x01테크", EntityKind::project, true};
  m.status = Status::talks;
  m.confidence = 0.7 * 0.9;
  m.sentence = "카카오는 한빛테크에\n투자를 검토한다.";
  m.begin = 3;
  m.end = 25;
  m.date = "2025-09-30";
  m.cue = "투자";
  d.mentions = {m, m};
  d.mentions[1].source.candidate = true;
  nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
  for (const auto& x : d.mentions) {
    const auto entity = [](const EntityRef& e) {
      nlohmann::ordered_json j{{"name", e.name}, {"kind", name(e.kind)}};
      if (e.candidate) j["candidate"] = true;
      return j;
    };
    mentions.push_back(nlohmann::ordered_json{
        {"id", x.id}, {"type", name(x.type)}, {"source", entity(x.source)}, {"target", entity(x.target)},
        {"status", name(x.status)}, {"confidence", x.confidence}, {"sentence", x.sentence}, {"begin", x.begin},
        {"end", x.end}, {"date", x.date}, {"cue", x.cue}});
  }
  auto full = empty;
  full["mentions"] = mentions;
  CHECK(to_json_line(d) == full.dump());
  std::string appended = "prefix";
  append_json_line(appended, d);
  CHECK(appended == "prefix" + full.dump());
}

TEST_CASE("the phrase trie folds case, skips spaces and glosses", "[phrase_matcher]") {
  detail::PhraseMatcher names(/*fold_ascii=*/true, /*skip_spaces=*/true, /*skip_glosses=*/true);
  names.add("SK 하이닉스", 1);
  names.add("SK", 2);
  names.add("Acme AI", 3);
  names.add("텔코 AI 얼라이언스", 4);
  names.add("acme ai", 5);  // the same phrase once folded: both payloads
  CHECK(hits_at(names, "SK하이닉스가", 0) == decltype(hits_at(names, "", 0)){{2, {2}}, {14, {1}}});
  CHECK(hits_at(names, "sk 하이닉스", 0).back().first == std::string_view("sk 하이닉스").size());
  CHECK(hits_at(names, "ACME  AI said", 0) == decltype(hits_at(names, "", 0)){{8, {3, 5}}});
  const std::string_view glossed = "텔코(통신사) AI 얼라이언스에";
  REQUIRE(hits_at(names, glossed, 0).size() == 1);
  CHECK(hits_at(names, glossed, 0)[0].first == glossed.size() - std::string_view("에").size());
  CHECK(hits_at(names, "텔코(통신사가 아닌 아주 긴 설명이 붙은 괄호) AI 얼라이언스", 0).empty());
  CHECK(hits_at(names, "x SK", 2).size() == 1);
  CHECK(names.may_start("하이닉스", 0) == false);
  CHECK(names.may_start("sk", 0));

  detail::PhraseMatcher exact(/*fold_ascii=*/false, /*skip_spaces=*/false);
  CHECK(exact.empty());
  exact.add("Meta", 7);
  exact.add("😀 emoji", 8);  // outside the root's direct table
  CHECK(hits_at(exact, "meta", 0).empty());
  CHECK(hits_at(exact, "Metaverse", 0).size() == 1);
  CHECK(hits_at(exact, "Meta verse", 0).size() == 1);
  CHECK(hits_at(exact, "😀 emoji!", 0) == decltype(hits_at(exact, "", 0)){{10, {8}}});
  CHECK(hits_at(exact, "😀emoji", 0).empty());
}

TEST_CASE("the phrase trie finds every phrase of a large set", "[phrase_matcher]") {
  // Enough phrases to make the edge table grow many times over.
  detail::PhraseMatcher m(true, true);
  std::vector<std::string> phrases;
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"가", "나", "다", "a", "b", "C", " ", "전자", "😀"};
  for (std::uint32_t i = 0; i < 4000; ++i) {
    std::string p = "x";
    for (int k = 0, n = 1 + static_cast<int>(rng() % 6); k < n; ++k) p += pieces[rng() % pieces.size()];
    while (p.back() == ' ') p.pop_back();  // a match ends on its last character, not on a space
    phrases.push_back(p);
    m.add(p, i);
  }
  for (std::uint32_t i = 0; i < phrases.size(); ++i) {
    const auto hits = hits_at(m, phrases[i] + "!", 0);
    bool found = false;
    for (const auto& [end, payloads] : hits)
      found = found || (end == phrases[i].size() && std::find(payloads.begin(), payloads.end(), i) != payloads.end());
    INFO(phrases[i]);
    REQUIRE(found);
  }
  CHECK(hits_at(m, "y가나다", 0).empty());
}

TEST_CASE("JSON Lines on a stream are split as getline splits them", "[readers]") {
  const auto ids = [](const std::string& bytes) {
    std::istringstream in(bytes);
    std::vector<std::string> out;
    read_jsonl_stream(in, "<test>", [&](Article&& a) { out.push_back(a.origin + "=" + a.id); }, {});
    return out;
  };
  CHECK(ids("{\"id\":\"a\",\"text\":\"one\"}\n\n{\"id\":\"b\",\"text\":\"two\"}") ==
        std::vector<std::string>{"<test>:1=a", "<test>:3=b"});
  CHECK(ids("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n") ==
        std::vector<std::string>{"<test>:1=a", "<test>:2=b"});
  // Lines longer than the reader's block, and many of them.
  std::string big;
  for (int i = 0; i < 40; ++i)
    big += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" + std::string(7000 + 997 * i, 'x') + "\"}\n";
  const auto got = ids(big);
  REQUIRE(got.size() == 40);
  CHECK(got[39] == "<test>:40=39");
}

TEST_CASE("a flat JSON Lines record reads as nlohmann reads it", "[readers]") {
  // A number among the values sends a record to nlohmann's parser, so each
  // case is read both ways and must give the same article or the same error.
  const auto read = [](const std::string& line) {
    std::string why;
    const auto a = parse_jsonl_record(line, "fallback", &why);
    return a ? a->id + "|" + a->title + "|" + a->published + "|" + a->url + "|" + a->source + "|" + a->text
             : "error: " + why;
  };
  const auto with_number = [](std::string line) {
    const auto close = line.rfind('}');
    return close == std::string::npos ? line : line.insert(close, R"(,"n":1)");
  };
  const std::vector<std::string> cases = {
      R"({"id":" a1 ","text":"Hello","title":"T","published":"2025-10-01","url":" https://x.test/ ","source":" S  Co "})",
      R"( { "text" : "tabs\tand \"quotes\" \\ \/ \b\f\n\r" , "id" : "e" } )",
      R"({"text":"\u00e9\u0041\uD83D\uDE00 \u0000 nul","id":"u"})",
      R"({"text":"first","text":"second","id":"dup","id":"dup2"})",
      R"({"te\u0078t":"escaped key","id":"k"})",
      R"({"text":"한빛전자와 새봄로보틱스가 협력한다.","id":"ko","title":"제목"})",
      R"({"text":"no id"})",
      R"({"text":"   "})",
      R"({"text":"lone \uDC00 low"})",
      R"({"text":"lone \uD800 high"})",
      R"({"text":"bad \q escape"})",
      R"({"text":"bad \u12G4 hex"})",
      R"({"id":"x"})",
      R"({"text":"unterminated)",
      "{\"text\":\"raw\tcontrol\"}",
  };
  for (const auto& line : cases) {
    INFO(line);
    CHECK(read(line) == read(with_number(line)));
  }
  // Broken syntax (where inserting a number would change nlohmann's message).
  for (const std::string line : {R"({"text":"a"} trailing)", R"({"text":"a",})", R"({})", R"({"text" "a"})"}) {
    INFO(line);
    CHECK(read(line).starts_with("error: "));
  }
  CHECK(read(cases[0]) == "a1|T|2025-10-01|https://x.test/|S Co|Hello");
  CHECK(read(cases[3]).starts_with("dup2|"));
  CHECK(read(cases[3]).ends_with("|second"));
  CHECK(read(cases[6]).starts_with("fallback|"));
}
