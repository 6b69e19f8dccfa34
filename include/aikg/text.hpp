// Unicode text handling: validation, NFC normalisation and the small amount of
// clean-up every article gets before extraction, plus stable hashing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aikg {

// Returns the byte offset of the first ill-formed UTF-8 sequence, or nullopt
// when `s` is valid UTF-8 (overlongs, surrogates and > U+10FFFF are ill-formed).
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// `s` with every byte of an ill-formed UTF-8 sequence written as \xNN (as
// Python's backslashreplace does), valid text unchanged: for file names,
// which Linux allows to be any bytes but JSON, XML and SQLite text need as
// UTF-8. Names differing in their invalid bytes stay different.
std::string escape_invalid_utf8(std::string_view s);

// NFC normalisation through ICU. Precondition: `s` is valid UTF-8.
std::string to_nfc(std::string_view s);

// What every article text goes through: strip a leading BOM, CRLF/CR -> LF,
// drop zero-width characters and soft hyphens, unify middle dots (ㆍ‧•・ -> ·)
// and curly quotes, then NFC. Precondition: valid UTF-8.
std::string normalize_text(std::string_view s);

// Lower-cased, NFC, spaces removed: the key under which aliases are compared,
// so that "SK 하이닉스", "SK하이닉스" and "sk하이닉스" meet.
std::string alias_key(std::string_view s);

// Number of code points in a valid UTF-8 string (offsets in the database are in
// code points, so that Python and SQL substr() slice the same characters).
std::size_t count_code_points(std::string_view s);

// 128-bit xxHash (XXH3) of the bytes, as 32 lower-case hex digits. Stable across
// machines and builds: used for content hashes and mention ids.
std::string stable_hash(std::string_view bytes);

// Decodes one code point at `i` (advancing it); returns U+FFFD on bad input.
// Inline for ASCII and the three-byte forms of Hangul and CJK, which the
// extractor's scanners decode at every character; the rest goes out of line.
char32_t decode_code_point(std::string_view s, std::size_t& i);
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  if (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return ++i, b0;
    if (b0 >= 0xE1 && b0 <= 0xEC && i + 2 < s.size()) {  // no overlong or surrogate forms in this range
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        i += 3;
        return (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
      }
    }
  }
  return decode_code_point(s, i);
}
void append_utf8(std::string& out, char32_t cp);

inline bool is_hangul_syllable(char32_t c) { return c >= 0xAC00 && c <= 0xD7A3; }
inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Letters and digits of any script (ICU's definition).
bool is_word_char(char32_t c);

// --- ASCII helpers: bytes of markup, metadata and data files -------------
// Locale-free (std::isspace and std::tolower consult the C locale), and
// bytes >= 0x80 are never touched, so UTF-8 passes through unchanged.

constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lower(std::string_view s);
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
std::string ascii_upper(std::string_view s);
// Without ASCII white space at either end.
std::string_view trim(std::string_view s);

// --- dates: one calendar rule for every reader of dates -------------------

bool is_leap_year(int year);
// "YYYY-MM-DD" when year/month/day is a day of the Gregorian calendar with a
// four-digit year (29 February only in leap years); nullopt otherwise.
std::optional<std::string> iso_date(int year, int month, int day);
// A date from article metadata: 2025-10-01, 2025-10-01T09:30:00+09:00,
// 2025/10/01, 2025.10.01, 20251001 or 2025년 10월 1일 (white space around it
// ignored). The date is kept as written: converting to UTC would move evening
// articles to the next or previous day. "" when it is none of these.
std::string normalize_date(std::string_view raw);

}  // namespace aikg
