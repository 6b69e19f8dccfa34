// Small readers of UTF-8 text the extractor shares: scripts of code points,
// Hangul runs, ASCII case. Inline: they sit on the hot path of every sentence.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/text.hpp"

namespace aikg::detail {

inline bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

inline bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

inline std::string without_spaces(std::string_view s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ') out += ch;
  return out;
}

inline std::string upper_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

enum class Script { none, hangul, latin, digit, han, other };

inline Script script_of(char32_t c) {
  if (is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E)) return Script::hangul;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Script::latin;
  if (c >= '0' && c <= '9') return Script::digit;
  if (c >= 0x4E00 && c <= 0x9FFF) return Script::han;
  return is_word_char(c) ? Script::other : Script::none;
}

inline char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return next_code_point(text, i);
}

inline char32_t code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  return next_code_point(text, pos);
}

// The run of Hangul syllables starting at pos (the rest of a Korean word).
inline std::size_t hangul_run_end(std::string_view text, std::size_t pos, std::size_t limit) {
  std::size_t i = pos;
  while (i < limit) {
    std::size_t j = i;
    if (!is_hangul_syllable(next_code_point(text, j))) break;
    i = j;
  }
  return i;
}

// 은/는/도 mark the topic: in "A는 B가 추진 중인 X에 공급한다" A is the
// subject of the main clause and B only of the relative clause.
inline bool is_topic_particle(std::string_view particle) {
  return particle.ends_with("은") || particle.ends_with("는") || particle.ends_with("도");
}

inline bool is_english_sentence(std::string_view s) {
  std::size_t latin = 0, hangul = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto sc = script_of(next_code_point(s, i));
    latin += sc == Script::latin;
    hangul += sc == Script::hangul;
  }
  return latin > 4 * hangul + 10;
}

inline bool starts_with_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return s.starts_with(w); });
}

inline bool ends_with_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return s.ends_with(w); });
}

inline bool contains_any(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return s.find(w) != s.npos; });
}

// As contains_any, but a Latin word must stand whole ("chips", not "chipmaker");
// Korean words may carry particles.
inline bool contains_word(std::string_view s, const std::vector<std::string>& words) {
  auto latin = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    const bool ascii = !w.empty() && static_cast<unsigned char>(w[0]) < 0x80;
    for (auto at = s.find(w); at != s.npos; at = s.find(w, at + 1)) {
      const std::size_t end = at + w.size();
      if (!ascii || ((at == 0 || !latin(s[at - 1])) && (end == s.size() || !latin(s[end])))) return true;
    }
    return false;
  });
}

}  // namespace aikg::detail
