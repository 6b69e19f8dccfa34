#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "aikg/article.hpp"
#include "aikg/text.hpp"

using namespace aikg;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("aikg-readers-" + std::to_string(::getpid()) + "-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  fs::path write(const std::string& relative, const std::string& bytes) const {
    const fs::path p = path_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  fs::path path_;
};

struct ReadResult {
  ReadStats stats;
  std::vector<Article> articles;
  std::vector<ReadProblem> problems;

  const Article* find(std::string_view id) const {
    for (const auto& a : articles)
      if (a.id == id) return &a;
    return nullptr;
  }
  const ReadProblem* problem_at(const std::string& where) const {
    for (const auto& p : problems)
      if (p.where == where) return &p;
    return nullptr;
  }
  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const auto& a : articles) out.push_back(a.id);
    return out;
  }
};

ReadResult read(const std::vector<fs::path>& inputs) {
  ReadResult r;
  r.stats = read_inputs(
      inputs, [&](Article&& a) { r.articles.push_back(std::move(a)); },
      [&](const ReadProblem& p) { r.problems.push_back(p); });
  return r;
}

ReadResult read_stream(const std::string& content, std::string_view name) {
  ReadResult r;
  std::istringstream in(content);
  r.stats = read_jsonl_stream(
      in, name, [&](Article&& a) { r.articles.push_back(std::move(a)); },
      [&](const ReadProblem& p) { r.problems.push_back(p); });
  return r;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

// --- plain text ---------------------------------------------------------------

TEST_CASE("a .txt file becomes one article named after its stem", "[readers]") {
  TempDir dir;
  const auto p = dir.write("2025-10-01-samsung.txt", "\uFEFF\r\n   \r\n  삼성전자, 엔비디아와 협력  \r\n본문 첫 줄\r\n");
  const auto r = read({p});
  REQUIRE(r.articles.size() == 1);
  const Article& a = r.articles[0];
  CHECK(a.id == "2025-10-01-samsung");
  CHECK(a.title == "삼성전자, 엔비디아와 협력");
  CHECK(a.text == "\n   \n  삼성전자, 엔비디아와 협력  \n본문 첫 줄\n");
  CHECK(a.origin == p.string());
  CHECK(a.published.empty());
  CHECK(a.url.empty());
  CHECK(a.source.empty());
  CHECK(r.stats.files == 1);
  CHECK(r.stats.articles == 1);
  CHECK(r.stats.problems == 0);
}

TEST_CASE("a .txt title is cut at 300 bytes on a character boundary", "[readers]") {
  std::string line = "a";
  for (int i = 0; i < 200; ++i) line += "한";
  std::string why;
  const auto a = parse_text_article(line + "\n본문", "id", &why);
  REQUIRE(a);
  CHECK(a->title.size() == 298);  // "a" + 99 three-byte syllables
  CHECK_FALSE(find_invalid_utf8(a->title));
}

TEST_CASE("text is normalised: NFD Hangul read from a file equals NFC", "[readers]") {
  TempDir dir;
  const auto p = dir.write("nfd.txt", "\u1112\u1161\u11AB\u1100\u116E\u11A8 AI");
  const auto r = read({p});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "한국 AI");
}

TEST_CASE("file extensions are matched case-insensitively", "[readers]") {
  TempDir dir;
  dir.write("upper.TXT", "text");
  dir.write("page.HTM", "<p>html</p>");
  dir.write("lines.JsonL", R"({"text":"json"})");
  const auto r = read({dir.path()});
  CHECK(r.stats.articles == 3);
  CHECK(r.problems.empty());
}

// --- bad files ----------------------------------------------------------------

TEST_CASE("an invalid UTF-8 file is reported with its offset, the good one next to it is read", "[readers]") {
  TempDir dir;
  const auto bad = dir.write("bad.txt", "abc\xC0\xAF def");
  dir.write("good.txt", "좋은 기사");
  const auto r = read({dir.path()});
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "good");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].where == bad.string());
  CHECK(r.problems[0].why == "invalid UTF-8 at byte 3");
  CHECK(r.stats.files == 2);
  CHECK(r.stats.problems == 1);
  CHECK(r.stats.unsupported == 0);
}

TEST_CASE("binary, empty and UTF-16 files are reported and skipped", "[readers]") {
  TempDir dir;
  struct Bad {
    std::string name;
    std::string bytes;
    std::string why;
  };
  const std::vector<Bad> cases{
      {"nul.txt", std::string("ab\0cd", 5), "binary file (NUL byte at byte 2)"},
      {"nul.html", std::string("<p>\0</p>", 8), "binary file (NUL byte at byte 3)"},
      {"empty.txt", "", "empty file"},
      {"blank.txt", " \r\n\t\n", "empty file"},
      {"invisible.txt", "\uFEFF\u200B\u00A0\n", "empty file"},
      {"empty.html", "  \n", "empty file"},
      {"utf16.txt", std::string("\xFF\xFEh\0i\0", 6), "UTF-16 text (only UTF-8 is supported)"},
      {"invalid.html", "<p>\xED\xA0\x80</p>", "invalid UTF-8 at byte 3"},
  };
  for (const auto& c : cases) dir.write(c.name, c.bytes);
  const auto r = read({dir.path()});
  CHECK(r.articles.empty());
  CHECK(r.stats.problems == cases.size());
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const ReadProblem* p = r.problem_at((dir.path() / c.name).string());
    REQUIRE(p != nullptr);
    CHECK(p->why == c.why);
  }
}

TEST_CASE("unsupported files are reported and counted apart from problems", "[readers]") {
  TempDir dir;
  const auto pdf = dir.write("report.PDF", "%PDF-1.7");
  const auto plain = dir.write("README", "no extension");
  dir.write("ok.txt", "기사");
  const auto r = read({dir.path()});
  CHECK(r.stats.articles == 1);
  CHECK(r.stats.unsupported == 2);
  CHECK(r.stats.problems == 0);
  CHECK(r.stats.files == 1);
  REQUIRE(r.problem_at(pdf.string()) != nullptr);
  CHECK(r.problem_at(pdf.string())->why == "unsupported file type (.pdf)");
  REQUIRE(r.problem_at(plain.string()) != nullptr);
  CHECK(r.problem_at(plain.string())->why == "unsupported file type (no extension)");
}

TEST_CASE("a missing input is a problem, not an exception", "[readers]") {
  TempDir dir;
  const auto missing = dir.path() / "nope.txt";
  const auto r = read({missing});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].where == missing.string());
  CHECK(r.problems[0].why == "No such file or directory");
  CHECK(r.stats.problems == 1);
}

// --- folders ------------------------------------------------------------------

TEST_CASE("folders are read recursively in sorted order", "[readers]") {
  TempDir dir;
  dir.write("z.txt", "z");
  dir.write("b.txt", "b");
  dir.write("a/c.txt", "c");
  dir.write("a/b/d.txt", "d");
  dir.write("a/a.jsonl", R"({"id":"j","text":"j"})");
  dir.write(".hidden/secret.txt", "skipped");
  dir.write(".DS_Store", "skipped");
  const auto r = read({dir.path()});
  CHECK(r.ids() == std::vector<std::string>{"j", "d", "c", "b", "z"});
  CHECK(r.problems.empty());
  // The same run twice gives the same order.
  CHECK(read({dir.path()}).ids() == r.ids());
}

TEST_CASE("explicit inputs are read in the order given", "[readers]") {
  TempDir dir;
  const auto z = dir.write("z.txt", "z");
  const auto a = dir.write("a.txt", "a");
  CHECK(read({z, a}).ids() == std::vector<std::string>{"z", "a"});
}

TEST_CASE("link loops and dangling links are reported, not followed", "[readers]") {
  TempDir dir;
  dir.write("sub/ok.txt", "ok");
  fs::create_directory_symlink(dir.path(), dir.path() / "sub" / "loop");
  fs::create_symlink(dir.path() / "self.txt", dir.path() / "self.txt");
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "dangling.txt");
  fs::create_symlink(dir.path() / "sub" / "ok.txt", dir.path() / "alias.txt");
  const auto r = read({dir.path()});
  CHECK(r.ids() == std::vector<std::string>{"alias", "ok"});
  const ReadProblem* loop = r.problem_at((dir.path() / "sub" / "loop").string());
  REQUIRE(loop != nullptr);
  CHECK(loop->why == "link to a folder (not followed)");
  const ReadProblem* self = r.problem_at((dir.path() / "self.txt").string());
  REQUIRE(self != nullptr);
  CHECK(self->why == "Too many levels of symbolic links");
  const ReadProblem* dangling = r.problem_at((dir.path() / "dangling.txt").string());
  REQUIRE(dangling != nullptr);
  CHECK(dangling->why == "No such file or directory");
}

TEST_CASE("an unreadable folder is reported", "[readers]") {
  if (::geteuid() == 0) {
    WARN("running as root: permissions are not enforced, skipping");
    return;
  }
  TempDir dir;
  dir.write("locked/a.txt", "a");
  dir.write("open.txt", "open");
  fs::permissions(dir.path() / "locked", fs::perms::none);
  const auto r = read({dir.path()});
  fs::permissions(dir.path() / "locked", fs::perms::owner_all);
  CHECK(r.ids() == std::vector<std::string>{"open"});
  const ReadProblem* p = r.problem_at((dir.path() / "locked").string());
  REQUIRE(p != nullptr);
  CHECK(p->why == "Permission denied");
}

// --- HTML ---------------------------------------------------------------------

TEST_CASE("HTML yields the visible text only", "[readers]") {
  TempDir dir;
  const auto p = dir.write("page.html", R"(<!doctype html>
<html><head><title>Ignored in text</title>
<style>p { color: red; }</style><script>var hidden = "script text";</script></head>
<body>
<!-- a comment that must not show -->
<noscript>enable JavaScript</noscript>
<template><p>template text</p></template>
<svg><text>svg text</text></svg>
<div hidden>hidden text</div>
<h1>SK하이닉스, 엔비디아에   HBM 공급</h1>
<p>첫 번째 문단&nbsp;입니다 &amp; 계속.</p>
<p>두 번째<br>문단</p>
<ul><li>하나</li><li>둘</li></ul>
<table><tr><td>셀1</td><td>셀2</td></tr></table>
<pre>  고정
  폭</pre>
</body></html>)");
  const auto r = read({p});
  REQUIRE(r.articles.size() == 1);
  const std::string& text = r.articles[0].text;
  CHECK(text ==
        "SK하이닉스, 엔비디아에 HBM 공급\n\n"
        "첫 번째 문단 입니다 & 계속.\n\n"
        "두 번째\n문단\n\n"
        "하나\n둘\n\n"
        "셀1 셀2\n\n"
        "  고정\n  폭");
  for (const char* hidden : {"Ignored", "color", "script text", "comment", "JavaScript", "template", "svg text",
                             "hidden text"}) {
    CAPTURE(hidden);
    CHECK_FALSE(contains(text, hidden));
  }
  CHECK(r.articles[0].id == "page");
  CHECK(r.articles[0].title == "Ignored in text");
}

TEST_CASE("HTML metadata: title, date, canonical URL and site name", "[readers]") {
  const std::string page = R"(<html><head>
<title>  삼성전자, 오픈AI와
  MOU 체결 </title>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2025-10-01T09:30:00+09:00">
<meta name="date" content="2024-01-01">
<link rel="alternate" href="https://example.com/amp">
<link rel="Canonical" href=" https://news.example.com/a/1 ">
<meta property="og:url" content="https://news.example.com/og">
<meta property="og:site_name" content="예시뉴스">
</head><body><p>본문</p></body></html>)";
  std::string why;
  const auto a = parse_html_article(page, "x", &why);
  REQUIRE(a);
  CHECK(a->title == "삼성전자, 오픈AI와 MOU 체결");
  CHECK(a->published == "2025-10-01");
  CHECK(a->url == "https://news.example.com/a/1");
  CHECK(a->source == "예시뉴스");
  CHECK(a->text == "본문");
}

TEST_CASE("HTML metadata fallbacks", "[readers]") {
  std::string why;
  SECTION("og:title, og:url and <time datetime>") {
    const auto a = parse_html_article(
        R"(<head><meta property="og:title" content="OG 제목"><meta property="og:url" content="https://e.x/og"></head>
<body><time datetime="2025/10/02">10월 2일</time><p>본문</p></body>)",
        "x", &why);
    REQUIRE(a);
    CHECK(a->title == "OG 제목");
    CHECK(a->url == "https://e.x/og");
    CHECK(a->published == "2025-10-02");
  }
  SECTION("the first <h1> when there is no title at all") {
    const auto a = parse_html_article("<h1>제목 <b>굵게</b></h1><p>본문</p><h1>둘째</h1>", "x", &why);
    REQUIRE(a);
    CHECK(a->title == "제목 굵게");
    CHECK(a->published.empty());
  }
  SECTION("meta pubdate and an unparseable date") {
    const auto a = parse_html_article(
        R"(<meta name="pubdate" content="2025.10.03"><meta name="date" content="yesterday"><p>본문</p>)", "x", &why);
    REQUIRE(a);
    CHECK(a->published == "2025-10-03");
  }
}

TEST_CASE("HTML without visible text is reported", "[readers]") {
  std::string why;
  CHECK_FALSE(parse_html_article("<html><head><title>t</title></head><body><script>x()</script></body></html>", "x",
                                 &why));
  CHECK(why == "no visible text");
}

TEST_CASE("deeply nested HTML neither overflows the stack nor stalls", "[readers]") {
  const std::size_t depth = 100000;
  const auto tag = GENERATE(as<std::string>{}, "div", "span", "b", "blockquote", "table");
  CAPTURE(tag);
  std::string html;
  html.reserve(depth * (2 * tag.size() + 5) + 100);
  for (std::size_t i = 0; i < depth; ++i) html += "<" + tag + ">";
  html += "깊은 곳의 텍스트";
  for (std::size_t i = 0; i < depth; ++i) html += "</" + tag + ">";
  html += "<p>뒤따르는 문단</p>";
  std::string why;
  const auto a = parse_html_article(html, "deep", &why);
  REQUIRE(a);
  CHECK(contains(a->text, "깊은 곳의 텍스트"));
  CHECK(contains(a->text, "뒤따르는 문단"));
}

TEST_CASE("many unclosed formatting elements do not blow up", "[readers]") {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<b id=b" + std::to_string(i) + ">";
  for (int i = 0; i < 2000; ++i) html += "<p>문단";
  std::string why;
  const auto a = parse_html_article(html, "fmt", &why);
  REQUIRE(a);
  CHECK(contains(a->text, "문단"));
}

// --- JSON Lines ------------------------------------------------------------------

TEST_CASE("JSON Lines: good lines load, bad lines are reported with their line numbers", "[readers]") {
  TempDir dir;
  const auto p = dir.write("feed.jsonl",
                           "{\"id\":\"a1\",\"title\":\" 제목 \",\"published\":\"2025-10-01T09:30:00+09:00\","
                           "\"url\":\"https://e.x/1\",\"source\":\"연합뉴스\",\"text\":\"본문 A\"}\n"
                           "{not json}\n"
                           "[1,2]\n"
                           "\n"
                           "{\"id\":\"no-text\"}\n"
                           "{\"text\":\"  \"}\n"
                           "{\"text\":42}\n"
                           "{\"text\":\"bad \xC0\xAF\"}\n"
                           "{\"id\":\"a2\",\"text\":\"본문 B\"}\r\n");
  const auto r = read({p});
  CHECK(r.ids() == std::vector<std::string>{"a1", "a2"});
  CHECK(r.stats.files == 1);
  CHECK(r.stats.articles == 2);
  CHECK(r.stats.problems == 6);

  const Article& a1 = r.articles[0];
  CHECK(a1.title == "제목");
  CHECK(a1.published == "2025-10-01");
  CHECK(a1.url == "https://e.x/1");
  CHECK(a1.source == "연합뉴스");
  CHECK(a1.text == "본문 A");
  CHECK(a1.origin == p.string() + ":1");
  CHECK(r.articles[1].origin == p.string() + ":9");

  const auto why_at = [&](int line) {
    const ReadProblem* problem = r.problem_at(p.string() + ":" + std::to_string(line));
    return problem != nullptr ? problem->why : std::string("(no problem reported)");
  };
  CHECK(why_at(2).starts_with("invalid JSON: parse error"));
  CHECK(why_at(3) == "not a JSON object");
  CHECK(r.problem_at(p.string() + ":4") == nullptr);  // blank lines are fine
  CHECK(why_at(5) == "missing \"text\"");
  CHECK(why_at(6) == "empty \"text\"");
  CHECK(why_at(7) == "\"text\" is not a string");
  CHECK(why_at(8) == "invalid UTF-8 at byte 13");
}

TEST_CASE("JSON Lines: a record without id is named after the file and line", "[readers]") {
  TempDir dir;
  const auto p = dir.write("batch.jsonl",
                           "\uFEFF{\"text\":\"첫째\"}\n\n{\"id\":\"\",\"text\":\"셋째\"}\n{\"id\":17,\"text\":\"넷째\"}\n");
  const auto r = read({p});
  CHECK(r.ids() == std::vector<std::string>{"batch-1", "batch-3", "17"});
  CHECK(r.problems.empty());
}

TEST_CASE("JSON Lines: dates in the accepted spellings", "[readers]") {
  struct DateCase {
    const char* raw;
    const char* expected;
  };
  const std::vector<DateCase> cases{
      {"2025-10-01", "2025-10-01"},
      {"2025-10-01T09:30:00+09:00", "2025-10-01"},
      {"2025-10-01 09:30", "2025-10-01"},
      {"2025/10/01", "2025-10-01"},
      {"2025.10.01", "2025-10-01"},
      {"2025.10.01.", "2025-10-01"},
      {"2025-1-2", "2025-01-02"},
      {"20251001", "2025-10-01"},
      {"2025년 10월 1일", "2025-10-01"},
      {"2024-02-29", "2024-02-29"},
      {"2025-02-29", ""},
      {"2025-13-01", ""},
      {"2025-10-32", ""},
      {"2025-10-011", ""},
      {"01/10/2025", ""},
      {"yesterday", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.raw);
    std::string why;
    const std::string line = std::string(R"({"text":"t","published":")") + c.raw + "\"}";
    const auto a = parse_jsonl_record(line, "id", &why);
    REQUIRE(a);
    CHECK(a->published == c.expected);
  }
}

TEST_CASE("JSON Lines from a stream: origins name the stream, articles without an id are named by their text",
          "[readers]") {
  const auto r = read_stream("{\"text\":\"하나\"}\n{oops\n", "stdin");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].id == "text-" + stable_hash(r.articles[0].text).substr(0, 16));
  CHECK(r.articles[0].origin == "stdin:1");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].where == "stdin:2");
  CHECK(r.stats.articles == 1);
  CHECK(r.stats.problems == 1);
  // A split of a distributed job counts lines from 1 again: ids must not depend on the line.
  const auto later = read_stream("{\"text\":\"둘\"}\n{\"text\":\"하나\"}\n", "<stdin>");
  REQUIRE(later.articles.size() == 2);
  CHECK(later.articles[1].id == r.articles[0].id);
  CHECK(later.articles[0].id != r.articles[0].id);
  CHECK(read_stream("{\"id\":\"a1\",\"text\":\"하나\"}\n", "<stdin>").ids() == std::vector<std::string>{"a1"});
}

TEST_CASE("JSON Lines: binary and empty files are one problem each", "[readers]") {
  TempDir dir;
  const auto binary = dir.write("blob.jsonl", std::string("\x01\x02\0\x03\n\0\0\n", 8));
  const auto empty = dir.write("empty.jsonl", "\n  \n");
  const auto r = read({dir.path()});
  CHECK(r.articles.empty());
  CHECK(r.problems.size() == 2);
  REQUIRE(r.problem_at(binary.string()) != nullptr);
  CHECK(r.problem_at(binary.string())->why == "binary file (NUL byte at byte 2)");
  REQUIRE(r.problem_at(empty.string()) != nullptr);
  CHECK(r.problem_at(empty.string())->why == "empty file");
}

TEST_CASE("JSON Lines: a very long line still loads", "[readers]") {
  TempDir dir;
  std::string body;
  const std::string sentence = "삼성전자는 엔비디아와 AI 반도체 협력을 발표했다. ";
  while (body.size() < 8u * 1024 * 1024) body += sentence;
  const auto p = dir.write("long.jsonl", "{\"id\":\"short\",\"text\":\"짧다\"}\n{\"id\":\"long\",\"text\":\"" + body +
                                             "\"}\n{\"id\":\"after\",\"text\":\"뒤\"}\n");
  const auto r = read({p});
  REQUIRE(r.ids() == std::vector<std::string>{"short", "long", "after"});
  CHECK(r.articles[1].text == body);
}

TEST_CASE("JSON Lines: deeply nested values are refused, not recursed into", "[readers]") {
  std::string why;
  const std::string line = R"({"text":"t","extra":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
  CHECK_FALSE(parse_jsonl_record(line, "id", &why));
  CHECK(why == "JSON nested deeper than 64 levels");
  CHECK(parse_jsonl_record(R"({"text":"t","extra":{"a":[1,{"b":"[[[[["}]}})", "id", &why));
}

// --- robustness -------------------------------------------------------------------

TEST_CASE("the per-format parsers survive arbitrary bytes", "[readers]") {
  std::mt19937 random(20251001);
  const std::vector<std::string> seeds{
      R"({"id":"x","text":"본문","published":"2025-10-01"})",
      "<html><head><title>t</title></head><body><p>본문 <b>굵게</i></p><table><td>x</table>",
      "삼성전자\r\n엔비디아\u200B\u318D",
  };
  std::string why;
  for (int round = 0; round < 3000; ++round) {
    std::string input = seeds[static_cast<std::size_t>(round) % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 8);
    for (int e = 0; e < edits && !input.empty(); ++e) {
      const std::size_t at = random() % input.size();
      switch (random() % 3) {
        case 0: input[at] = static_cast<char>(random() % 256); break;
        case 1: input.erase(at, 1 + random() % 4); break;
        default: input.insert(at, 1, "<>\"{}[]\\/&;\0\x80\xE3"[random() % 14]); break;
      }
    }
    CAPTURE(input);
    CHECK_NOTHROW(parse_text_article(input, "f", &why));
    CHECK_NOTHROW(parse_html_article(input, "f", &why));
    CHECK_NOTHROW(parse_jsonl_record(input, "f", &why));
  }
  CHECK_NOTHROW(parse_jsonl_record("", "f", nullptr));
  CHECK_NOTHROW(parse_html_article("", "f", nullptr));
}

TEST_CASE("a front matter block gives a .txt article its metadata, and is not its text", "[readers][dates]") {
  std::string why;
  const auto a = parse_text_article(
      "\n---\ndate: 2025.10.01\nurl: https://example.com/n/1\nsource: 'Example Daily'\ntags: ai\n---\nHeadline\nBody.\n", "a",
      &why);
  REQUIRE(a);
  CHECK(a->published == "2025-10-01");
  CHECK(a->url == "https://example.com/n/1");
  CHECK(a->source == "Example Daily");
  CHECK(a->title == "Headline");
  CHECK(a->text == "Headline\nBody.\n");

  SECTION("a rule without key: value lines, or never closed, is text") {
    for (const char* text : {"---\nA rule, then prose.\n---\nMore.\n", "---\ndate: 2025-10-01\nNo closing fence.\n"}) {
      const auto b = parse_text_article(text, "b", &why);
      REQUIRE(b);
      CHECK(b->published.empty());
      CHECK(b->text.starts_with("---"));
    }
  }
  SECTION("a date that is no day is an error with its line") {
    CHECK_FALSE(parse_text_article("---\nurl: x\ndate: 2025-02-30\n---\nText.\n", "c", &why));
    CHECK(why == "line 3: front matter date '2025-02-30' is not a date (YYYY-MM-DD)");
  }
}

TEST_CASE("a stream is JSON Lines when it starts with {, else one text article", "[readers]") {
  std::vector<Article> got;
  std::vector<ReadProblem> problems;
  const auto sink = [&](Article&& a) { got.push_back(std::move(a)); };
  const auto report = [&](const ReadProblem& p) { problems.push_back(p); };
  std::istringstream jsonl("\n  {\"id\": \"j1\", \"text\": \"one\"}\n{\"text\": \"two\"}\n");
  CHECK(read_any_stream(jsonl, "<stdin>", sink, report).articles == 2);
  REQUIRE(got.size() == 2);
  CHECK(got[0].id == "j1");
  CHECK(got[1].id.starts_with("text-"));
  got.clear();
  std::istringstream text("A title\nSome text about {braces}.\n");
  CHECK(read_any_stream(text, "<stdin>", sink, report).articles == 1);
  REQUIRE(got.size() == 1);
  CHECK(got[0].title == "A title");
  CHECK(got[0].id.starts_with("text-"));
  CHECK(got[0].origin == "<stdin>");
  std::istringstream empty("  \n");
  CHECK(read_any_stream(empty, "<stdin>", sink, report).problems == 1);
  CHECK(problems.size() == 1);
}
