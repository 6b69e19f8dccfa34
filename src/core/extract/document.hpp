// Article layout for the extractor: which lines are article text (boilerplate
// dropped, repeated lines dropped), where the sentences are, and what date the
// article carries.
#pragma once

#include <optional>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/lexicon.hpp"
#include "extract/phrase_matcher.hpp"

namespace aikg::detail {

struct Sentence {
  std::size_t begin = 0, end = 0;  // byte offsets in the article text
  bool headline = false;           // a line without a sentence ending (title, subhead)
};

class BoilerplateFilter {
 public:
  explicit BoilerplateFilter(const Lexicon& lexicon);
  // Byte ranges [begin, end) of the lines of `text` that are article text.
  std::vector<std::pair<std::size_t, std::size_t>> article_lines(std::string_view text) const;

 private:
  bool starts_section(std::string_view line) const;
  bool is_chrome_line(std::string_view line) const;
  std::size_t tail_begin(std::string_view line) const;
  std::vector<std::string> section_markers_;
  PhraseMatcher tail_markers_{false, false};
  std::array<bool, 256> tail_first_bytes_{};  // the first byte of each tail marker
  PhraseMatcher line_markers_{false, false};  // one scan of a line finds any marker in it
};

// Splits one line into sentences (Korean and English punctuation, abbreviations,
// decimals and closing quotes handled).
std::vector<Sentence> split_sentences(std::string_view text, std::size_t line_begin, std::size_t line_end);

// The first date written near the top of an article ("2025.11.03",
// "입력 2025-02-04", "2025년 10월 1일", "September 22, 2025"), as YYYY-MM-DD.
std::optional<std::string> find_document_date(std::string_view text);

// Resolves a day reference in a sentence ("1일", "지난 27일", "오는 4일",
// "10월 1일") against the document date. nullopt when the sentence has none.
std::optional<std::string> resolve_day_reference(std::string_view sentence, std::string_view document_date);

// YYYY-MM-DD from parts, or nullopt for an impossible date.
std::optional<std::string> make_iso_date(int year, int month, int day);

}  // namespace aikg::detail
