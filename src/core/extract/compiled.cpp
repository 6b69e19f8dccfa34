// Compiling the lexicon and gazetteer into matchers, once per Extractor.
#include "extract/sentence_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "aikg/error.hpp"
#include "aikg/taxonomy.hpp"
#include "aikg/text.hpp"
#include "extract/script.hpp"
#include "text/tsv.hpp"

namespace aikg::detail {

// "함께 ... 개발", "together ... develop*": a trigger in two parts with words
// between them. Each alternative of either part is matched as a cue of its
// own; find_cues joins a first and a second part of one row into a trigger.
template <class AddMatched>
void Compiled::add_gapped(const LexEntry& e, int label, std::size_t gap, AddMatched& add_matched) {
  const auto index = static_cast<int>(gapped.size());
  gapped.push_back(cues.size());
  cues.push_back({CueKind::trigger, label, false, e.scope == "weak", false, false, e.cue, true, false, e.scope == "ended"});
  for (const auto& first : split_list(e.cue.substr(0, gap), '|')) add_matched(CueKind::gap_first, index, first, e);
  for (const auto& second : split_list(e.cue.substr(gap + kGapMark.size()), '|'))
    add_matched(CueKind::gap_second, index, second, e);
}

void Compiled::compile_grammar(const Lexicon& lexicon) {
  auto& g = grammar;
  const std::pair<std::string_view, std::vector<std::string>*> lists[] = {
      {"open_ending", &g.open_endings}, {"connective", &g.connectives},   {"adnominal", &g.adnominals},
      {"nominal_head", &g.nominal_heads}, {"group_noun", &g.group_nouns}, {"firm_noun", &g.firm_nouns},
      {"list_word", &g.list_words},     {"including", &g.including},     {"not_only", &g.not_only},     {"context_ending", &g.context_endings},
      {"english_verb", &g.english_verbs}, {"english_break", &g.english_breaks},
      {"reporting_verb", &g.reporting_verbs}, {"copula", &g.copulas},
      {"own_word", &g.own_words}, {"definite", &g.definite_words}, {"signing_verb", &g.signing_verbs},
      {"product_noun", &g.product_nouns}, {"goods", &g.goods}};
  for (const auto& e : lexicon.list("grammar")) {
    std::string word = e.cue;
    std::replace(word.begin(), word.end(), '_', ' ');
    for (const auto& [name, list] : lists)
      if (e.label == name) list->push_back(word);
  }
  std::sort(g.english_verbs.begin(), g.english_verbs.end());
  std::sort(g.reporting_verbs.begin(), g.reporting_verbs.end());
}

// "South Korean President", "일본 총리": an office of state stands for its
// government. The country's word is the one its aliases put before
// "government" / "정부" ("Japanese government", "일본 정부").
void Compiled::add_officials(std::uint32_t entry, const GazetteerEntry& government, const Lexicon& lexicon) {
  for (const auto& a : government.aliases) {
    std::string_view country = a;
    for (std::string_view word : {" government", " 정부"})
      if (country.ends_with(word)) country.remove_suffix(word.size());
    if (country.size() == a.size() || country.empty()) continue;
    for (const auto& t : lexicon.list("grammar")) {
      if (t.label != "state_title" || is_ascii(t.cue) != is_ascii(country)) continue;
      const auto office = std::string(country) + " " + t.cue;
      const auto compact = without_spaces(office);
      aliases.push_back({entry, compact, is_ascii(compact) && has_upper(compact)});
      names.add(office, static_cast<std::uint32_t>(aliases.size() - 1));
    }
  }
}

Compiled::Compiled(const Gazetteer& gazetteer, const Lexicon& lexicon) : frames(lexicon) {
  const auto& entries = gazetteer.entries();
  std::vector<std::pair<std::string, std::string>> synonyms;
  for (const auto& e : lexicon.list("synonyms")) synonyms.emplace_back(e.label, e.cue);
  std::set<std::string> families;
  for (const auto& e : lexicon.list("families")) families.insert(without_spaces(e.cue));
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    for (const auto& a : entries[i].aliases) {
      const auto compact = without_spaces(a);
      if (compact.empty()) continue;
      aliases.push_back({i, compact, is_ascii(compact) && has_upper(compact), families.count(compact) > 0});
      names.add(a, static_cast<std::uint32_t>(aliases.size() - 1));
      // "글로벌 텔코 AI 얼라이언스" is also written "... 인공지능 얼라이언스".
      for (const auto& [word, other] : synonyms)
        if (const auto at = a.find(word); at != std::string::npos && !is_ascii(a))
          names.add(a.substr(0, at) + other + a.substr(at + word.size()), static_cast<std::uint32_t>(aliases.size() - 1));
    }
    if (entries[i].kind == EntityKind::government) add_officials(i, entries[i], lexicon);
  }
  add_offices(entries, lexicon);
  // Every cue is in `cues` before any pointer to one is taken: the vector
  // is complete when the constructor ends and never grows after.
  auto add_matched = [&](CueKind kind, int label, std::string_view text, const LexEntry& e) {
    Cue cue{kind, label, e.scope == "sentence", e.scope == "weak", is_ascii(text), false, std::string(text)};
    if (cue.ascii && !cue.text.empty() && cue.text.back() == '*') {
      cue.prefix = true;
      cue.text.pop_back();
    }
    cue.role_noun = e.scope == "role";
    cue.ends = e.scope == "ended";
    cue.contest = e.scope == "contest";
    // Any other word there names the case frame the trigger reads by ("raised": raise).
    static constexpr std::string_view kFlags[] = {"", "sentence", "clause", "weak", "role", "ended", "contest"};
    if (kind == CueKind::trigger && std::find(std::begin(kFlags), std::end(kFlags), e.scope) == std::end(kFlags)) {
      if (label < 0 || !is_directed(static_cast<RelationType>(label)))
        throw DataError(fmt::format("{}: a case frame is for a trigger of a directed type", e.origin));
      cue.frame = &frames.at(e.scope);
    }
    cues.push_back(cue);
    const auto id = static_cast<std::uint32_t>(cues.size() - 1);
    (cue.ascii ? english_cues : korean_cues).add(cue.text, id);
  };
  auto add_cues = [&](std::string_view list, CueKind kind, auto label_of) {
    for (const auto& e : lexicon.list(list)) {
      if (const auto gap = e.cue.find(kGapMark); gap != std::string::npos && kind == CueKind::trigger) {
        add_gapped(e, label_of(e), gap, add_matched);
        continue;
      }
      add_matched(kind, label_of(e), e.cue, e);
    }
  };
  add_cues("triggers", CueKind::trigger, [](const LexEntry& e) {
    const auto t = parse_relation_type(e.label);
    return t ? static_cast<int>(*t) : kNotATrigger;
  });
  // A frame cue puts its clause's trigger in the frame its third column
  // names, `receive` when it names none.
  for (const auto& e : lexicon.list("direction")) {
    add_matched(CueKind::direction, static_cast<int>(*parse_relation_type(e.label)), e.cue, e);
    cues.back().frame = &frames.at(e.scope.empty() ? "receive" : e.scope);
  }
  add_cues("status", CueKind::status, [](const LexEntry& e) {
    const auto s = parse_status(e.label);
    return s ? static_cast<int>(*s) : -1;
  });
  add_cues("references", CueKind::reference,
           [](const LexEntry& e) { return static_cast<int>(reference_kind(e.label)); });
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
  // The pairing rules read these frames' ends by name: refuse a lexicon without them at start.
  for (const auto& [name, end] : {std::pair{"give", "source"}, {"give", "target"}, {"receive", "source"},
                                   {"receive", "target"}, {"owned", "source"}, {"owned", "target"}, {"with", "party"}, {"join", "member"},
                                   {"role", "agent"}, {"role", "owner"}})
    frames.at(name).at(end);
  frame = {&frames.at("give"), &frames.at("owned"), &frames.at("with"), &frames.at("join"), &frames.at("role")};
  for (const auto& e : lexicon.list("common_words")) {
    common_words.emplace(alias_key(e.cue), true);
    if (e.label == "place") places.emplace(alias_key(e.cue), true);
  }
  for (const auto& e : lexicon.list("candidates")) {
    if (e.label == "suffix") company_suffixes.push_back(e.cue);
    if (e.label == "english_suffix") english_suffixes.push_back(e.cue);
    if (e.label == "legal_form") legal_forms.push_back(e.cue);
    if (e.label == "project_suffix") (is_ascii(e.cue) ? english_project_suffixes : project_suffixes).push_back(e.cue);
    if (e.label == "project_prefix") (is_ascii(e.cue) ? english_project_prefixes : project_prefixes).push_back(e.cue);
    if (e.label == "stop") not_organisations.emplace(e.cue, true);
    if (e.label == "descriptor") korean_descriptors.push_back(e.cue);
    if (e.label == "english_descriptor") english_descriptors.push_back(e.cue);
  }
}

}  // namespace aikg::detail
