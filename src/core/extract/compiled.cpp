// Compiling the lexicon and gazetteer into matchers, once per Extractor.
#include "extract/sentence_analysis.hpp"

#include <algorithm>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

namespace {

Role role_from_label(std::string_view label) {
  if (label == "subject") return Role::subject;
  if (label == "partner") return Role::partner;
  if (label == "recipient") return Role::recipient;
  if (label == "source") return Role::source;
  if (label == "possessive") return Role::possessive;
  if (label == "object") return Role::object;
  if (label == "marker") return Role::marker;
  return Role::other;
}

}  // namespace

void Compiled::compile_grammar(const Lexicon& lexicon) {
  auto& g = grammar;
  const std::pair<std::string_view, std::vector<std::string>*> lists[] = {
      {"open_ending", &g.open_endings}, {"connective", &g.connectives},   {"adnominal", &g.adnominals},
      {"nominal_head", &g.nominal_heads}, {"group_noun", &g.group_nouns}, {"firm_noun", &g.firm_nouns},
      {"list_word", &g.list_words},     {"including", &g.including},     {"context_ending", &g.context_endings}};
  for (const auto& e : lexicon.list("grammar")) {
    std::string word = e.cue;
    std::replace(word.begin(), word.end(), '_', ' ');
    for (const auto& [name, list] : lists)
      if (e.label == name) list->push_back(word);
  }
}

Compiled::Compiled(const Gazetteer& gazetteer, const Lexicon& lexicon) {
  const auto& entries = gazetteer.entries();
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    for (const auto& a : entries[i].aliases) {
      const auto compact = without_spaces(a);
      if (compact.empty()) continue;
      aliases.push_back({i, compact, is_ascii(compact) && has_upper(compact)});
      names.add(a, static_cast<std::uint32_t>(aliases.size() - 1));
    }
  }
  auto add_cues = [&](std::string_view list, CueKind kind, auto label_of) {
    for (const auto& e : lexicon.list(list)) {
      Cue cue{kind, label_of(e), e.scope == "sentence", e.scope == "weak", is_ascii(e.cue), false, e.cue};
      if (cue.ascii && !cue.text.empty() && cue.text.back() == '*') {
        cue.prefix = true;
        cue.text.pop_back();
      }
      cues.push_back(cue);
      const auto id = static_cast<std::uint32_t>(cues.size() - 1);
      (cue.ascii ? english_cues : korean_cues).add(cue.text, id);
    }
  };
  add_cues("triggers", CueKind::trigger, [](const LexEntry& e) {
    const auto t = parse_relation_type(e.label);
    return t ? static_cast<int>(*t) : kNotATrigger;
  });
  add_cues("direction", CueKind::direction, [](const LexEntry& e) { return static_cast<int>(*parse_relation_type(e.label)); });
  add_cues("status", CueKind::status, [](const LexEntry& e) {
    const auto s = parse_status(e.label);
    return s ? static_cast<int>(*s) : -1;
  });
  add_cues("references", CueKind::reference, [](const LexEntry& e) { return e.label == "pair" ? 0 : 1; });
  for (const auto& e : lexicon.list("josa")) {
    const Role r = role_from_label(e.label);
    if (r == Role::marker)
      markers.push_back(e.cue);
    else
      josa.emplace(e.cue, r), longest_josa = std::max(longest_josa, e.cue.size());
  }
  for (const auto& e : lexicon.list("titles")) titles.add(e.cue, 0);
  for (const auto& e : lexicon.list("prepositions")) prepositions.emplace(e.cue, role_from_label(e.label));
  compile_grammar(lexicon);
  for (const auto& e : lexicon.list("candidates")) {
    if (e.label == "suffix") company_suffixes.push_back(e.cue);
    if (e.label == "english_suffix") english_suffixes.push_back(e.cue);
    if (e.label == "stop") not_organisations.emplace(e.cue, true);
  }
}

}  // namespace aikg::detail
