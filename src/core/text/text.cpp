// Unicode handling. The hot path is normalize_text, which runs on every
// article, so it is built to do almost nothing on clean text: one vectorised
// scan for the lead bytes of the characters it rewrites (usually there are
// none and the text is copied once), then a scan that proves the text NFC
// without ICU (ASCII, Latin-1, Hangul and CJK cannot interact with their
// neighbours). ICU only sees what follows the first other character.
#include "aikg/text.hpp"

#include <fmt/format.h>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xxhash.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <bit>
#include <climits>
#include <cstring>

namespace aikg {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes the well-formed sequence at `i` (Unicode Table 3-7, so overlongs,
// surrogates and values above U+10FFFF are rejected). Returns its length, or 0
// when the bytes at `i` do not start a well-formed sequence.
std::size_t decode_at(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const std::size_t left = s.size() - i;
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !is_continuation(byte(1))) return 0;
    cp = (char32_t(b0 & 0x1F) << 6) | (byte(1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3) return 0;
    const unsigned char b1 = byte(1);
    // The second byte's range is narrowed for E0 (overlongs) and ED (surrogates).
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    if (b1 < lo || b1 > hi || !is_continuation(byte(2))) return 0;
    cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (byte(2) & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4) return 0;
    const unsigned char b1 = byte(1);
    // F0 excludes overlongs, F4 excludes everything above U+10FFFF.
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (b1 < lo || b1 > hi || !is_continuation(byte(2)) || !is_continuation(byte(3))) return 0;
    cp = (char32_t(b0 & 0x07) << 18) | (char32_t(b1 & 0x3F) << 12) | (char32_t(byte(2) & 0x3F) << 6) |
         (byte(3) & 0x3F);
    return 4;
  }
  return 0;  // stray continuation byte, C0/C1 (always overlong) or F5..FF
}

// Eight bytes at a time: most article bytes are ASCII (markup, Latin text,
// digits and spaces between Hangul words).
std::size_t skip_ascii(std::string_view s, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  while (i + 8 <= s.size()) {
    std::uint64_t block;
    std::memcpy(&block, s.data() + i, sizeof block);
    if (block & kHighBits) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// --- normalize_text ------------------------------------------------------

// Bytes that may begin something normalize_text rewrites (keep in step with
// find_attention's vector version). Continuation bytes
// (80..BF) never collide with these, so a byte-wise scan is exact.
constexpr std::array<bool, 256> make_attention_table() {
  std::array<bool, 256> t{};
  t['\r'] = true;
  t[0xC2] = true;  // U+0080..U+00BF: NEL, NBSP, soft hyphen
  t[0xE1] = true;  // U+1000..U+1FFF: ogham space mark
  t[0xE2] = true;  // U+2000..U+2FFF: spaces, zero-width, quotes, dots, separators
  t[0xE3] = true;  // U+3000..U+3FFF: ideographic space, katakana and Hangul dots
  t[0xEF] = true;  // U+F000..U+FFFF: BOM, halfwidth katakana dot
  return t;
}
constexpr std::array<bool, 256> kNeedsAttention = make_attention_table();

enum class Rewrite { keep, drop, space, newline, apostrophe, quote, middle_dot };

Rewrite rewrite_for(char32_t c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // BOM / zero-width no-break space
      return Rewrite::drop;
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return Rewrite::space;
    case 0x0085:  // next line
    case 0x2028:  // line separator
    case 0x2029:  // paragraph separator
      return Rewrite::newline;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
      return Rewrite::apostrophe;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
      return Rewrite::quote;
    case 0x318D:  // ㆍ Hangul letter araea, typed as a middle dot in Korean news
    case 0x2027:
    case 0x2022:
    case 0x30FB:
    case 0xFF65:
    case 0x2219:
      return Rewrite::middle_dot;
    default:
      if (c >= 0x2000 && c <= 0x200A) return Rewrite::space;  // en quad .. hair space
      return Rewrite::keep;
  }
}

void append_rewrite(std::string& out, Rewrite r) {
  switch (r) {
    case Rewrite::keep:
    case Rewrite::drop:
      break;
    case Rewrite::space:
      out += ' ';
      break;
    case Rewrite::newline:
      out += '\n';
      break;
    case Rewrite::apostrophe:
      out += '\'';
      break;
    case Rewrite::quote:
      out += '"';
      break;
    case Rewrite::middle_dot:
      out += "\u00B7";
      break;
  }
}

std::size_t find_attention_scalar(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i)
    if (kNeedsAttention[static_cast<unsigned char>(s[i])]) return i;
  return std::string_view::npos;
}

#if defined(__SSE2__)
// Sixteen bytes per step: this scan touches every byte of every article.
std::size_t find_attention(std::string_view s, std::size_t from) {
  const auto equal_to = [](__m128i block, unsigned char b) {
    return _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(b)));
  };
  std::size_t i = from;
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(equal_to(block, '\r'), equal_to(block, 0xC2)),
                     _mm_or_si128(equal_to(block, 0xE1), equal_to(block, 0xE2))),
        _mm_or_si128(equal_to(block, 0xE3), equal_to(block, 0xEF)));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits));
    if (mask != 0) return i + static_cast<std::size_t>(std::countr_zero(mask));
  }
  return find_attention_scalar(s, i);
}
#else
std::size_t find_attention(std::string_view s, std::size_t from) { return find_attention_scalar(s, from); }
#endif

// Everything normalize_text does except NFC. Returns false (leaving `out`
// untouched) when nothing needs rewriting, which is the common case and saves
// a copy.
bool apply_rewrites(std::string_view s, std::string& out) {
  std::size_t at = find_attention(s, 0);
  if (at == std::string_view::npos) return false;
  out.clear();
  out.reserve(s.size());
  std::size_t copied_to = 0;
  while (at != std::string_view::npos) {
    out.append(s, copied_to, at - copied_to);
    std::size_t next = at + 1;
    if (s[at] == '\r') {
      out += '\n';
      if (next < s.size() && s[next] == '\n') ++next;
    } else {
      char32_t c = 0;
      const std::size_t len = decode_at(s, at, c);
      if (len == 0) {
        out += s[at];  // ill-formed: pass through, the caller promised valid input
      } else {
        next = at + len;
        const Rewrite r = rewrite_for(c);
        if (r == Rewrite::keep)
          out.append(s, at, len);
        else
          append_rewrite(out, r);
      }
    }
    copied_to = next;
    at = find_attention(s, next);
  }
  out.append(s, copied_to, std::string_view::npos);
  return true;
}

// --- NFC -----------------------------------------------------------------

const icu::Normalizer2* nfc_instance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Code points that are NFC_Quick_Check=Yes, have combining class 0 and never
// combine with what precedes them (ICU's hasBoundaryBefore): text made of
// them is NFC whatever follows. The ranges cover Latin-1, Hangul syllables and
// compatibility jamo, CJK ideographs, common punctuation and fullwidth forms,
// i.e. nearly all of a Korean or English article; the unit tests check every
// one of them against ICU.
bool is_nfc_inert(char32_t c) {
  return c < 0x0300 || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3000 && c <= 0x3029) ||
         (c >= 0x3131 && c <= 0x318E) || (c >= 0xFF01 && c <= 0xFF5E);
}

// Decodes the common case, a well-formed three-byte sequence (U+0800..U+FFFF
// minus surrogates: Hangul, CJK, punctuation), without the general decoder.
bool decode_three_bytes(std::string_view s, std::size_t i, char32_t& c) {
  if (i + 2 >= s.size()) return false;
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if ((b0 & 0xF0) != 0xE0 || !is_continuation(b1) || !is_continuation(b2)) return false;
  c = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
  return c >= 0x800 && (c < 0xD800 || c > 0xDFFF);
}

// Length of the prefix that needs no look from ICU. It stops at the start of
// the code point before the first non-inert one, because that one may be the
// starter a following combining character composes with.
std::size_t nfc_inert_prefix(std::string_view s) {
  std::size_t last_start = 0;
  std::size_t i = 0;
  while (true) {
    const std::size_t ascii_end = skip_ascii(s, i);
    if (ascii_end == s.size()) return s.size();
    if (ascii_end > i) last_start = ascii_end - 1;
    i = ascii_end;
    char32_t c = 0;
    // Runs of Hangul or CJK are the inner loop for Korean text.
    while (decode_three_bytes(s, i, c) && is_nfc_inert(c)) {
      last_start = i;
      i += 3;
    }
    if (i == s.size()) return s.size();
    if (static_cast<unsigned char>(s[i]) < 0x80) continue;
    const std::size_t len = decode_at(s, i, c);
    if (len == 0 || !is_nfc_inert(c)) return last_start;
    last_start = i;
    i += len;
  }
}

// ICU takes int32_t lengths; longer text is cut before an ASCII byte, which is
// always safe because no ASCII character composes with what precedes it.
constexpr std::size_t kIcuChunk = INT32_MAX / 2;

std::size_t chunk_end(std::string_view s, std::size_t from) {
  if (s.size() - from <= kIcuChunk) return s.size();
  std::size_t end = from + kIcuChunk;
  while (end > from && static_cast<unsigned char>(s[end]) >= 0x80) --end;
  if (end == from) {  // no ASCII at all: settle for a code point boundary
    end = from + kIcuChunk;
    while (end > from && is_continuation(static_cast<unsigned char>(s[end]))) --end;
  }
  return end == from ? from + kIcuChunk : end;
}

bool icu_is_nfc(const icu::Normalizer2& nfc, std::string_view s) {
  for (std::size_t from = 0; from < s.size();) {
    const std::size_t end = chunk_end(s, from);
    UErrorCode status = U_ZERO_ERROR;
    const bool ok = nfc.isNormalizedUTF8(icu::StringPiece(s.data() + from, static_cast<int32_t>(end - from)), status);
    if (U_FAILURE(status) || !ok) return false;
    from = end;
  }
  return true;
}

std::string icu_normalize(const icu::Normalizer2& nfc, std::string_view s) {
  std::string out;
  out.reserve(s.size());
  icu::StringByteSink<std::string> sink(&out);
  for (std::size_t from = 0; from < s.size();) {
    const std::size_t end = chunk_end(s, from);
    UErrorCode status = U_ZERO_ERROR;
    nfc.normalizeUTF8(0, icu::StringPiece(s.data() + from, static_cast<int32_t>(end - from)), sink, nullptr, status);
    if (U_FAILURE(status)) return std::string(s);  // leave text as it was rather than lose it
    from = end;
  }
  return out;
}

void make_nfc(std::string& s) {
  const std::size_t inert = nfc_inert_prefix(s);
  if (inert == s.size()) return;
  const icu::Normalizer2* nfc = nfc_instance();
  const std::string_view rest = std::string_view(s).substr(inert);
  if (nfc == nullptr || icu_is_nfc(*nfc, rest)) return;
  std::string normalized = icu_normalize(*nfc, rest);
  s.replace(inert, std::string::npos, normalized);
}

// --- alias_key -----------------------------------------------------------

// Hangul syllables and CJK ideographs have no case and are NFC-inert, so a
// name made of them and ASCII (most Korean company names) needs no ICU.
bool is_caseless_and_inert(char32_t c) { return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x4E00 && c <= 0x9FFF); }

std::optional<std::string> simple_alias_key(std::string_view s) {
  std::string key;
  key.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char b = s[i];
    if (static_cast<unsigned char>(b) < 0x80) {
      if (!is_ascii_space(b)) key += ascii_lower(b);
      ++i;
      continue;
    }
    char32_t c = 0;
    if (!decode_three_bytes(s, i, c) || !is_caseless_and_inert(c)) return std::nullopt;
    key.append(s, i, 3);
    i += 3;
  }
  return key;
}

std::string icu_alias_key(std::string_view s) {
  // normalize_text first so that the dot and quote variants and zero-width
  // characters that survive in hand-typed aliases meet the article text.
  icu::UnicodeString folded = icu::UnicodeString::fromUTF8(icu::StringPiece(normalize_text(s)));
  folded.foldCase(U_FOLD_CASE_DEFAULT);
  icu::UnicodeString compact;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 c = folded.char32At(i);
    if (!u_isUWhiteSpace(c)) compact.append(c);
    i += U16_LENGTH(c);
  }
  std::string key;
  compact.toUTF8String(key);
  make_nfc(key);  // folding can decompose (e.g. U+0130), so compose again
  return key;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (true) {
    i = skip_ascii(s, i);
    if (i >= s.size()) return std::nullopt;
    char32_t cp = 0;
    const std::size_t len = decode_at(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
}

std::string escape_invalid_utf8(std::string_view s) {
  auto bad = find_invalid_utf8(s);
  if (!bad) return std::string(s);
  std::string out(s.substr(0, *bad));
  for (std::size_t i = *bad; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_at(s, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string to_nfc(std::string_view s) {
  std::string out(s);
  make_nfc(out);
  return out;
}

std::string normalize_text(std::string_view s) {
  std::string out;
  if (!apply_rewrites(s, out)) out.assign(s);
  make_nfc(out);
  return out;
}

std::string alias_key(std::string_view s) {
  if (auto key = simple_alias_key(s)) return std::move(*key);
  return icu_alias_key(s);
}

std::size_t count_code_points(std::string_view s) {
  std::size_t count = 0;
  for (unsigned char b : s) count += !is_continuation(b);
  return count;
}

std::string stable_hash(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int k = 0; k < 16; ++k) {
    out[static_cast<std::size_t>(15 - k)] = kHex[(h.high64 >> (4 * k)) & 0xF];
    out[static_cast<std::size_t>(31 - k)] = kHex[(h.low64 >> (4 * k)) & 0xF];
  }
  return out;
}

char32_t decode_code_point(std::string_view s, std::size_t& i) {
  if (i >= s.size()) return kReplacement;
  char32_t cp = 0;
  const std::size_t len = decode_at(s, i, cp);
  if (len == 0) {
    ++i;  // one byte at a time, so callers resynchronise on the next lead byte
    return kReplacement;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return is_ascii_alnum(c);
  return c <= 0x10FFFF && u_isalnum(static_cast<UChar32>(c));
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace aikg
