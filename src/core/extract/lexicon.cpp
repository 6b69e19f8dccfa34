#include "aikg/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "aikg/error.hpp"
#include "aikg/taxonomy.hpp"
#include "aikg/text.hpp"
#include "text/embedded.hpp"
#include "text/tsv.hpp"

namespace aikg {
namespace {

bool label_accepted(std::string_view list, std::string_view label) {
  if (list == "triggers") return label == "-" || parse_relation_type(label).has_value();
  if (list == "direction") return parse_relation_type(label).has_value();
  if (list == "status") return label == "reported" || parse_status(label).has_value();
  if (list == "josa" || list == "prepositions") {
    static constexpr std::array roles{"subject", "partner", "recipient", "source",
                                      "possessive", "object", "other", "marker"};
    return std::find(roles.begin(), roles.end(), label) != roles.end();
  }
  if (list == "boilerplate") return label == "section" || label == "line" || label == "tail";
  if (list == "references") return label == "pair" || label == "last" || label == "members" || label == "project";
  if (list == "titles") return label == "title";
  if (list == "families") return label == "family";
  if (list == "offices")
    return label == "office" || label == "ministry_word" || label == "country" || label == "country_reference" ||
           label == "former";
  if (list == "grammar") {
    static constexpr std::array lists{"open_ending", "connective", "adnominal", "nominal_head", "group_noun",
                                      "firm_noun", "list_word", "including", "not_only", "context_ending",
                                      "english_verb", "english_break", "reporting_verb",
                                      "copula", "own_word", "definite", "signing_verb", "product_noun", "goods",
                                      "state_title"};
    return std::find(lists.begin(), lists.end(), label) != lists.end();
  }
  if (list == "synonyms") return !label.empty();
  if (list == "candidates")
    return label == "suffix" || label == "english_suffix" || label == "stop" || label == "descriptor" ||
           label == "english_descriptor" || label == "legal_form" || label == "project_suffix" ||
           label == "project_prefix";
  return true;
}

}  // namespace

Lexicon Lexicon::builtin() {
  Lexicon lex;
  for (const auto& f : detail::embedded_under("data/lexicon/")) {
    auto name = f.path.substr(f.path.rfind('/') + 1);
    name = name.substr(0, name.find('.'));
    lex.add_tsv(name, f.bytes, f.path);
  }
  return lex;
}

void Lexicon::add_tsv(std::string_view name, std::string_view tsv, std::string_view origin) {
  auto& rows = lists_[std::string(name)];
  for (const auto& row : detail::parse_tsv(tsv)) {
    const auto where = fmt::format("{}:{}", origin, row.line);
    if (row.fields.size() < 2 || row.fields[1].empty())
      throw DataError(where + ": expected a label and a cue separated by a tab");
    if (!label_accepted(name, row.fields[0]))
      throw DataError(fmt::format("{}: '{}' is not a valid label for {}", where, row.fields[0], name));
    if (find_invalid_utf8(row.fields[1])) throw DataError(where + ": invalid UTF-8");
    LexEntry e{std::string(row.fields[0]), to_nfc(row.fields[1]), "", where};
    if (row.fields.size() > 2) e.scope = std::string(row.fields[2]);
    rows.push_back(std::move(e));
  }
}

void Lexicon::replace_tsv(std::string_view name, std::string_view tsv, std::string_view origin) {
  Lexicon replacement;
  replacement.add_tsv(name, tsv, origin);  // throws before anything is replaced
  lists_[std::string(name)] = replacement.list(name);
}

const std::vector<LexEntry>& Lexicon::list(std::string_view name) const {
  static const std::vector<LexEntry> empty;
  const auto it = lists_.find(name);
  return it == lists_.end() ? empty : it->second;
}

}  // namespace aikg
