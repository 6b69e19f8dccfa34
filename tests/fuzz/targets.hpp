// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp)
// and the unit test that replays tests/fuzz/regressions/ (every input that
// once crashed a target stays there as a regression test).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aikg/article.hpp"
#include "aikg/extractor.hpp"
#include "aikg/mention.hpp"

namespace aikg::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A reader either gives an article with some text or says why not.
inline void check_article(const std::optional<Article>& a, const std::string& why) {
  if (a ? a->text.empty() : why.empty()) throw std::logic_error("reader contract broken");
}

inline void text(std::string_view bytes) {
  std::string why;
  check_article(parse_text_article(bytes, "fuzz", &why), why);
}

inline void html(std::string_view bytes) {
  std::string why;
  check_article(parse_html_article(bytes, "fuzz", &why), why);
}

inline void jsonl(std::string_view bytes) {
  std::string why;
  const auto a = parse_jsonl_record(bytes, "fuzz-1", &why);
  if (!a && why.empty()) throw std::logic_error("jsonl: no article and no reason");
}

// The extractor on any text the text reader accepts (it normalises first,
// as ingest does). Offsets must stay inside the text.
inline void extractor(std::string_view bytes) {
  static const Extractor ex = make_default_extractor();
  std::string why;
  auto a = parse_text_article(bytes, "fuzz", &why);
  if (!a) return;
  const DocumentMentions d = ex.extract(*a);
  for (const Mention& m : d.mentions) {
    if (m.begin > m.end) throw std::logic_error("mention offsets reversed");
    if (m.source.name.empty() || m.target.name.empty() || m.id.empty()) throw std::logic_error("empty mention field");
    if (m.confidence < 0.0 || m.confidence > 1.0) throw std::logic_error("confidence out of [0, 1]");
  }
  // What extract writes, ingest --mentions must read back.
  std::string why2;
  if (!parse_mentions_line(to_json_line(d), &why2)) throw std::logic_error("extract output unreadable: " + why2);
}

// The mention reader; what it accepts must survive a write/read round trip.
inline void mentions(std::string_view bytes) {
  std::string why;
  const auto d = parse_mentions_line(bytes, &why);
  if (!d) return;
  const std::string line = to_json_line(*d);
  const auto again = parse_mentions_line(line, &why);
  if (!again || again->mentions.size() != d->mentions.size() || to_json_line(*again) != line)
    throw std::logic_error("mentions round trip changed the record");
}

}  // namespace aikg::fuzz

#include "store_targets.hpp"  // exports, publish
