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
