// The extractor: pure text in, relation mentions out. No database, no files
// beyond its construction, no global state, so one instance can be shared by
// threads and the same binary can run as a mapper anywhere.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/article.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/lexicon.hpp"
#include "aikg/mention.hpp"

namespace aikg {

// Bounds on what one sentence can add to the database (issue 15): a sentence
// naming n organisations can state n^2 pairs, each stored with the sentence,
// so a list of 1,000 names would store hundreds of megabytes. Real news
// sentences give at most 8 pairs and 300 bytes (samples/ and the generated
// corpus); past these bounds a sentence is a list, not a statement.
// The first kMaxMentionsPerSentence mentions of a sentence are kept, in the
// order the extractor finds them.
inline constexpr std::size_t kMaxMentionsPerSentence = 16;
// An evidence sentence longer than this is stored cut at a character
// boundary, with "…" (3 bytes) appended; the mention's offsets still span
// the whole sentence in the article.
inline constexpr std::size_t kMaxEvidenceBytes = 1000;

class Extractor {
 public:
  Extractor(Gazetteer gazetteer, Lexicon lexicon);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Thread-safe (const).
  DocumentMentions extract(const Article& article) const;

  const Gazetteer& gazetteer() const;
  const Lexicon& lexicon() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds an extractor from the built-in data plus optional user gazetteer files.
Extractor make_default_extractor(const std::vector<std::string>& extra_gazetteers = {});

}  // namespace aikg
