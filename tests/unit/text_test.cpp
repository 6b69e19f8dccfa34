#include <catch2/catch.hpp>
#include <unicode/normalizer2.h>
#include <fmt/format.h>
#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "aikg/text.hpp"

using namespace aikg;

namespace {

// Precomposed and decomposed (conjoining jamo) forms of the same words.
const std::string kHanNfc = "\uD55C";                    // 한
const std::string kHanNfd = "\u1112\u1161\u11AB";        // ᄒ ᅡ ᆫ
const std::string kGukNfc = "\uAD6D";                    // 국
const std::string kGukNfd = "\u1100\u116E\u11A8";        // ᄀ ᅮ ᆨ
const std::string kCafeNfc = "caf\u00E9";
const std::string kCafeNfd = "cafe\u0301";

struct Case {
  const char* what;
  std::string input;
  std::string expected;
};

}  // namespace

TEST_CASE("find_invalid_utf8 accepts well-formed text", "[text]") {
  const auto valid = GENERATE(as<std::string>{}, "", "plain ASCII", "SK하이닉스와 엔비디아", "caf\u00E9",
                              "emoji \U0001F600", "max \U0010FFFF", "\uFFFD", std::string(1, '\0'),
                              "ed \uD7FF ee \uE000");
  CAPTURE(valid);
  CHECK_FALSE(find_invalid_utf8(valid));
}

TEST_CASE("find_invalid_utf8 reports the offset of the first ill-formed sequence", "[text]") {
  struct Bad {
    const char* what;
    std::string bytes;
    std::size_t offset;
  };
  const std::vector<Bad> cases{
      {"overlong slash C0 AF", "ab\xC0\xAF", 2},
      {"overlong C1", "\xC1\xBF", 0},
      {"overlong three-byte E0 80 AF", "x\xE0\x80\xAF", 1},
      {"overlong four-byte F0 80 80 AF", "\xF0\x80\x80\xAF", 0},
      {"surrogate ED A0 80", "\xED\xA0\x80", 0},
      {"low surrogate ED BF BF", "ok \xED\xBF\xBF", 3},
      {"truncated E3 81 at end", "\xE3\x81", 0},
      {"truncated sequence before ASCII", "\xEC\x95z", 0},
      {"F5 lead byte", "\xF5\x80\x80\x80", 0},
      {"above U+10FFFF F4 90", "\xF4\x90\x80\x80", 0},
      {"FF byte", "abc\xFF", 3},
      {"stray continuation", "\x80", 0},
      {"lone lead at end", "abc\xC2", 3},
      {"after a long ASCII run", std::string(19, 'a') + "\xE3\x81", 19},
      {"after Hangul", "\uD55C\uAD6D\xE3", 6},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(find_invalid_utf8(c.bytes) == c.offset);
  }
}

TEST_CASE("to_nfc composes decomposed Hangul and Latin", "[text]") {
  CHECK(to_nfc(kHanNfd + kGukNfd) == kHanNfc + kGukNfc);
  CHECK(to_nfc(kCafeNfd) == kCafeNfc);
  CHECK(to_nfc(kHanNfc) == kHanNfc);
  CHECK(to_nfc("") == "");
  CHECK(to_nfc("ASCII stays") == "ASCII stays");
}

TEST_CASE("to_nfc agrees with ICU for every code point in composing contexts", "[text]") {
  // to_nfc skips ICU for text it can prove is NFC; this checks the proof for
  // each scalar value as a starter followed by combining marks and jamo.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* icu_nfc = icu::Normalizer2::getNFCInstance(status);
  REQUIRE(U_SUCCESS(status));
  std::size_t disagreements = 0;
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s = "a";
    append_utf8(s, c);
    s += "\u0301";  // combining acute
    append_utf8(s, c);
    s += "\u11A8";  // trailing jamo
    append_utf8(s, c);
    std::string expected;
    icu_nfc->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(expected);
    if (to_nfc(s) != expected && ++disagreements <= 5) FAIL_CHECK("U+" << std::hex << static_cast<std::uint32_t>(c));
  }
  CHECK(disagreements == 0);
}

TEST_CASE("normalize_text cleans article text", "[text]") {
  const std::vector<Case> cases{
      {"NFD Hangul becomes NFC", kHanNfd + kGukNfd + " AI", kHanNfc + kGukNfc + " AI"},
      {"NFD Latin becomes NFC", kCafeNfd, kCafeNfc},
      {"leading BOM stripped", "\uFEFFhello", "hello"},
      {"CRLF to LF", "a\r\nb\r\n", "a\nb\n"},
      {"lone CR to LF", "a\rb\r\r\nc", "a\nb\n\nc"},
      {"zero-width characters dropped", "S\u200BK\u200C\u200D하\u2060이\uFEFF닉스", "SK하이닉스"},
      {"soft hyphen dropped", "co\u00ADoperation", "cooperation"},
      {"Hangul araea middle dot", "삼성\u318DLG", "삼성\u00B7LG"},
      {"hyphenation point", "a\u2027b", "a\u00B7b"},
      {"bullet", "a\u2022b", "a\u00B7b"},
      {"katakana middle dot", "a\u30FBb", "a\u00B7b"},
      {"halfwidth katakana middle dot", "a\uFF65b", "a\u00B7b"},
      {"bullet operator", "a\u2219b", "a\u00B7b"},
      {"middle dot kept", "a\u00B7b", "a\u00B7b"},
      {"single curly quotes", "\u2018a\u2019 \u201Ab\u201B", "'a' 'b'"},
      {"double curly quotes", "\u201Ca\u201D \u201Eb\u201F", "\"a\" \"b\""},
      {"NBSP", "a\u00A0b", "a b"},
      {"ideographic space", "a\u3000b", "a b"},
      {"en quad to hair space", "a\u2000b\u2005c\u200Ad", "a b c d"},
      {"narrow NBSP and math space", "a\u202Fb\u205Fc", "a b c"},
      {"line and paragraph separators", "a\u2028b\u2029c", "a\nb\nc"},
      {"tabs and LF kept", "a\tb\nc", "a\tb\nc"},
      {"other text untouched", "삼성전자 Samsung \u00E9 \u4E2D \U0001F600 ・", "삼성전자 Samsung \u00E9 \u4E2D \U0001F600 \u00B7"},
      {"empty", "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what, c.input);
    CHECK(normalize_text(c.input) == c.expected);
  }
}

TEST_CASE("normalize_text is idempotent", "[text]") {
  const std::string messy = "\uFEFF\u201CSK\u00A0" + kHanNfd + "\u200B\u318D엔비디아\u201D\r\n";
  const std::string once = normalize_text(messy);
  CHECK(once == "\"SK " + kHanNfc + "\u00B7엔비디아\"\n");
  CHECK(normalize_text(once) == once);
}

TEST_CASE("normalize_text handles long input on both paths", "[text]") {
  std::string korean;
  for (int i = 0; i < 10000; ++i) korean += "삼성전자는 엔비디아와 AI 반도체 협력을 발표했다. ";
  CHECK(normalize_text(korean) == korean);
  std::string decomposed;
  for (int i = 0; i < 1000; ++i) decomposed += kHanNfd + "\r\n";
  std::string composed;
  for (int i = 0; i < 1000; ++i) composed += kHanNfc + "\n";
  CHECK(normalize_text(decomposed) == composed);
}

TEST_CASE("alias_key makes spelling variants of a name meet", "[text]") {
  CHECK(alias_key("SK 하이닉스") == alias_key("sk하이닉스"));
  CHECK(alias_key("SK하이닉스") == alias_key("sk하이닉스"));
  CHECK(alias_key("SK 하이닉스") == "sk하이닉스");
  CHECK(alias_key("Samsung Electronics") == "samsungelectronics");
  CHECK(alias_key("  Naver\tCloud \n") == "navercloud");
  CHECK(alias_key(kHanNfd + kGukNfd + " 전력") == alias_key(kHanNfc + kGukNfc + "전력"));
  CHECK(alias_key("LG\u00A0CNS") == "lgcns");
  CHECK(alias_key("Caf\u00C9") == alias_key(kCafeNfd));
  CHECK(alias_key("\u201CKT\u201D") == "\"kt\"");
  CHECK(alias_key("삼성\u318DLG") == alias_key("삼성\u00B7lg"));
  CHECK(alias_key("") == "");
  CHECK(alias_key("SK hynix") != alias_key("SK telecom"));
}

TEST_CASE("alias_key gives the same key with or without the ICU path", "[text]") {
  // A zero-width space is dropped by the key but forces the general (ICU) path,
  // so each pair compares the shortcut for ASCII and Hangul with ICU.
  const auto name = GENERATE(as<std::string>{}, "SK 하이닉스", "Samsung\tElectronics", "LG에너지솔루션",
                             "HD현대 重工業", "  KT ", "NAVER\r\nCloud", "a\vb\fc", "\x1F");
  CAPTURE(name);
  CHECK(alias_key(name) == alias_key(name + "\u200B"));
}

TEST_CASE("count_code_points counts characters, not bytes", "[text]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("abc") == 3);
  CHECK(count_code_points("한국") == 2);
  CHECK(count_code_points("AI 반도체") == 6);
  CHECK(count_code_points("\U0001F600") == 1);
  CHECK(count_code_points(kHanNfd) == 3);
}

TEST_CASE("stable_hash is XXH3-128 as 32 lower-case hex digits", "[text]") {
  // Reference vector from the xxHash test suite: XXH3_128bits of no bytes,
  // high 64 bits 0x99AA06D3014798D8, low 64 bits 0x6001C324468D497F.
  CHECK(stable_hash("") == "99aa06d3014798d86001c324468d497f");
  // Pinned: a change here changes every content hash and mention id.
  CHECK(stable_hash("aikg") == "b3fe475ad779a4663ee03fd30bfa7807");

  const std::string h = stable_hash("삼성전자");
  CHECK(h.size() == 32);
  CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(stable_hash("삼성전자") == h);
  CHECK(stable_hash("삼성전자 ") != h);
  CHECK(stable_hash("a") != stable_hash("b"));
  CHECK(stable_hash(std::string("a\0b", 3)) != stable_hash("a"));
}

TEST_CASE("next_code_point decodes and append_utf8 encodes", "[text]") {
  const std::vector<char32_t> code_points{U'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0xD55C, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  std::string encoded;
  for (char32_t c : code_points) append_utf8(encoded, c);
  CHECK_FALSE(find_invalid_utf8(encoded));
  std::size_t i = 0;
  for (char32_t c : code_points) {
    CAPTURE(static_cast<std::uint32_t>(c));
    CHECK(next_code_point(encoded, i) == c);
  }
  CHECK(i == encoded.size());
}

TEST_CASE("next_code_point yields U+FFFD and moves on over bad bytes", "[text]") {
  const std::string bytes = "a\xC0\xAF" "b\xE3\x81";
  std::size_t i = 0;
  CHECK(next_code_point(bytes, i) == U'a');
  CHECK(next_code_point(bytes, i) == 0xFFFD);
  CHECK(i == 2);
  CHECK(next_code_point(bytes, i) == 0xFFFD);
  CHECK(next_code_point(bytes, i) == U'b');
  CHECK(next_code_point(bytes, i) == 0xFFFD);
  CHECK(next_code_point(bytes, i) == 0xFFFD);
  CHECK(i == bytes.size());
  CHECK(next_code_point(bytes, i) == 0xFFFD);  // past the end: no overrun
  CHECK(i == bytes.size());
}

TEST_CASE("append_utf8 replaces values that are not scalar values", "[text]") {
  std::string out;
  append_utf8(out, 0xD800);
  append_utf8(out, 0x110000);
  CHECK(out == "\uFFFD\uFFFD");
}

TEST_CASE("is_word_char follows ICU letters and digits", "[text]") {
  for (char32_t c : {U'a', U'Z', U'7', U'\uD55C', U'\u00E9', U'\u4E2D', U'\u0662', U'\u3131'}) {
    CAPTURE(static_cast<std::uint32_t>(c));
    CHECK(is_word_char(c));
  }
  for (char32_t c : {U' ', U'.', U'-', U'_', U'\u00B7', U'\u3000', U'"', U'\U0001F600'}) {
    CAPTURE(static_cast<std::uint32_t>(c));
    CHECK_FALSE(is_word_char(c));
  }
  CHECK_FALSE(is_word_char(0x110000));
}

TEST_CASE("one calendar: iso_date, metadata dates and dates in the text agree on 29 February", "[text][date]") {
  struct Case {
    int y, m, d;
    const char* expected;  // "" when not a day
  };
  const std::vector<Case> cases{
      {2024, 2, 29, "2024-02-29"},  // leap year
      {2025, 2, 29, ""},            // not a leap year
      {2000, 2, 29, "2000-02-29"},  // divisible by 400
      {1900, 2, 29, ""},            // divisible by 100, not by 400
      {2100, 2, 29, ""},
      {2025, 2, 28, "2025-02-28"},
      {2025, 4, 31, ""},
      {2025, 12, 31, "2025-12-31"},
      {2025, 13, 1, ""},
      {2025, 0, 1, ""},
      {2025, 1, 0, ""},
      {999, 1, 1, ""},
      {1000, 1, 1, "1000-01-01"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.y, c.m, c.d);
    CHECK(iso_date(c.y, c.m, c.d).value_or("") == c.expected);
    const std::string dashed = fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
    CHECK(normalize_date(dashed) == c.expected);
    CHECK(normalize_date(fmt::format("{}년 {}월 {}일", c.y, c.m, c.d)) == c.expected);
  }
  CHECK(is_leap_year(2024));
  CHECK_FALSE(is_leap_year(2023));
}

TEST_CASE("ASCII helpers leave UTF-8 alone", "[text]") {
  CHECK(trim(" \t\r\n\f\vSK 하이닉스\v ") == "SK 하이닉스");
  CHECK(trim(" \t ").empty());
  CHECK(ascii_lower("SVG 한글 Ä") == "svg 한글 Ä");
  CHECK(is_ascii_digit('7'));
  CHECK_FALSE(is_ascii_digit('a'));
  CHECK(is_ascii_space('\f'));
  CHECK_FALSE(is_ascii_space('x'));
}
