// The per-article state: what it remembers between sentences, and analyse(),
// which runs the steps of one sentence in order.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

DocumentState::DocumentState(const Compiled& compiled, const Gazetteer& gazetteer, std::string_view text)
    : c_(compiled), g_(gazetteer), text_(text), debug_(std::getenv("AIKG_TRACE") != nullptr) {}

// AIKG_TRACE=1 prints what the extractor saw in each sentence, for rule work.
void DocumentState::trace(const Sentence& s, const std::vector<Unit>& units, const std::vector<Group>& groups,
                          const std::vector<CueHit>& cues) const {
  static constexpr const char* roles[] = {"none", "subj", "partner", "recip", "source", "poss", "obj", "other", "marker"};
  std::fprintf(stderr, "## %.*s\n", static_cast<int>(s.end - s.begin), text_.data() + s.begin);
  for (const auto& g : groups) {
    std::string names;
    for (auto i : g.units) names += key(units[i]) + (units[i].deung ? "(등) " : " ");
    std::fprintf(stderr, "   group [%s] %s\n", roles[static_cast<int>(g.role)], names.c_str());
  }
  for (const auto& h : cues)
    std::fprintf(stderr, "   cue %d/%d '%s' @%zu\n", static_cast<int>(h.cue->kind), h.cue->label, h.cue->text.c_str(),
                 h.begin - s.begin);
}

// The clause a trigger read its parties in, and how many relations it gave.
void DocumentState::trace_trigger(const CueHit& h, const std::vector<Group>& groups, bool english,
                                  std::size_t relations) const {
  if (h.cue->label < 0) return;
  const auto [from, to] = english ? english_clause_of(h.begin, {sentence_begin_, text_.size(), false})
                                  : std::pair{clause_start(h.begin, groups), h.end};
  const auto end = std::min(to, sentence_end_);
  std::fprintf(stderr, "   -> '%s' (%s) in clause \"%.*s\": %zu relation(s)%s\n", cue_text(h).c_str(),
               std::string(name(static_cast<RelationType>(h.cue->label))).c_str(),
               static_cast<int>(end > from ? end - from : 0), text_.data() + from, relations,
               relations ? "" : " (no party in its clause, or ruled out)");
}

const GazetteerEntry* DocumentState::entry(const Unit& u) const {
  return u.entry >= 0 ? &g_.entries()[static_cast<std::size_t>(u.entry)] : nullptr;
}

std::string DocumentState::key(const Unit& u) const { return u.entry >= 0 ? entry(u)->name : "?" + u.candidate; }

EntityRef DocumentState::ref(const Unit& u) const {
  if (const auto* e = entry(u)) return {e->name, e->kind, false};
  return {u.candidate, u.project ? EntityKind::project : EntityKind::company, true};
}

bool DocumentState::is_project(const Unit& u) const {
  const auto* e = entry(u);
  return e ? e->kind == EntityKind::project : u.project;
}

bool DocumentState::is_ancestor(const GazetteerEntry* child, const GazetteerEntry* parent) const {
  for (int depth = 0; child && depth < 4; ++depth) {
    if (child->parent.empty()) return false;
    child = g_.by_name(child->parent);
    if (child == parent) return true;
  }
  return false;
}

void DocumentState::remember(const std::vector<FoundRelation>& found, const std::vector<Unit>& units,
                             const std::vector<Group>& groups) {
  // The project or alliance the article last named is the one its members join.
  for (const auto& u : units)
    if (is_project(u)) deal_target_.insert_or_assign(RelationType::participation, u);
  for (const auto& g : groups)
    if (g.role == Role::subject) {
      last_subject_ = units[g.units.front()];
      break;
    }
  std::vector<Unit> parties;
  auto add_party = [&](const Unit& u) {
    if (std::none_of(parties.begin(), parties.end(), [&](const Unit& p) { return key(p) == key(u); }))
      parties.push_back(u);
  };
  for (const auto& r : found) {
    if (info(r.type).ownership) continue;
    auto find_unit = [&](const EntityRef& e) -> std::optional<Unit> {
      for (const auto& u : units)
        if (ref(u).name == e.name) return u;
      return std::nullopt;
    };
    auto a = find_unit(r.source), b = find_unit(r.target);
    if (!a || !b) continue;
    if (is_directed(r.type)) deal_target_.insert_or_assign(r.type, *b);
    if (is_project(*a) || is_project(*b)) continue;
    counterpart_[key(*a)] = *b;
    counterpart_[key(*b)] = *a;
    last_pair_ = {*a, *b};
    add_party(*a);
    add_party(*b);
  }
  if (parties.size() >= 3) last_parties_ = std::move(parties);
}

// "협력 LOI를 체결": a generic partnership says nothing the specific relation
// between the same two does not. Working together to develop something is
// both a partnership and a joint development, so that one outranks nothing.
// "sold its stake in B": the stake the sentence names has ended, whatever
// the plain word "stake" alone would say.
void DocumentState::drop_outranked(std::vector<FoundRelation>& found) const {
  auto pair_of = [](const FoundRelation& r) { return std::minmax(r.source.name, r.target.name); };
  std::set<std::pair<std::string, std::string>> specific;
  std::set<std::pair<RelationType, std::pair<std::string, std::string>>> ended;
  for (const auto& r : found) {
    if (!r.weak && !info(r.type).ownership && !info(r.type).mutual) specific.insert(pair_of(r));
    if (r.status == Status::ended) ended.insert({r.type, pair_of(r)});
  }
  std::erase_if(found, [&](const FoundRelation& r) {
    return (r.weak && specific.count(pair_of(r))) || (r.status != Status::ended && ended.count({r.type, pair_of(r)}));
  });
}

// Scraped pages glue headlines together ("...LOI 체결삼성전자, 美 스타게이트..."):
// a known name stuck to the end of a Korean word in a line without sentence
// endings starts a new headline.
std::vector<Sentence> DocumentState::split_glued_headlines(const std::vector<Sentence>& sentences) const {
  std::vector<Sentence> out;
  for (const auto& s : sentences) {
    if (!s.headline || s.end - s.begin < 100) {
      out.push_back(s);
      continue;
    }
    std::size_t start = s.begin;
    for (std::size_t i = s.begin; i < s.end;) {
      std::size_t next = i;
      next_code_point(text_, next);
      if (i > start + 12 && is_hangul_syllable(code_point_before(text_, i)) && c_.names.may_start(text_, i)) {
        std::vector<PhraseMatcher::Hit> hits;
        c_.names.match_at(text_.substr(0, s.end), i, hits);
        const bool long_name = !hits.empty() && count_code_points(text_.substr(i, hits.back().end - i)) >= 3;
        if (long_name) {
          out.push_back({start, i, true});
          start = i;
        }
      }
      i = next;
    }
    out.push_back({start, s.end, true});
  }
  return out;
}

void DocumentState::count_mentions(const std::vector<Sentence>& sentences) {
  for (const auto& s : sentences) units_of_sentence_.insert_or_assign({s.begin, s.end}, find_units(s));
  resolve_families(sentences);
  find_salient_country(sentences);
  for (const auto& [where, units] : units_of_sentence_)
    for (const auto& u : units) {
      ++mention_counts_[key(u)];
      if (!first_project_ && is_project(u)) first_project_ = u;
    }
}

// The project or alliance the article tells of: the one it last named, or
// the first it goes on to name.
const Unit* DocumentState::article_project() const {
  if (const auto latest = deal_target_.find(RelationType::participation); latest != deal_target_.end())
    return &latest->second;
  return first_project_ ? &*first_project_ : nullptr;
}

const GazetteerEntry* DocumentState::root_of(const GazetteerEntry* e) const {
  for (int depth = 0; e && !e->parent.empty() && depth < 4; ++depth)
    if (const auto* p = g_.by_name(e->parent)) e = p;
    else break;
  return e;
}

// A family's bare name ("Hyundai", "삼성") means the member of the family the
// article is about, when that one's name begins with the bare name
// ("Hyundai Motor Group", "삼성전자"); else the gazetteer's default.
void DocumentState::resolve_families(const std::vector<Sentence>& sentences) {
  // The article is about the first organisation its headline names (or its
  // lead), unless they name another of its family too ("삼성전자 등 4개
  // 계열사 ... 삼성SDS, 삼성물산"): then the bare name is the family's.
  const GazetteerEntry* about = nullptr;
  bool lead_seen = false;
  for (const auto& s : sentences) {
    if (!s.headline && lead_seen) break;
    lead_seen = lead_seen || !s.headline;
    for (const auto& u : units_of_sentence_[{s.begin, s.end}]) {
      if (u.entry < 0 || c_.aliases[u.alias].family || entry(u)->kind == EntityKind::person) continue;
      if (!about) about = entry(u);
      else if (entry(u) != about && root_of(entry(u)) == root_of(about)) return;
    }
  }
  if (!about) return;
  const auto about_index = static_cast<int>(about - g_.entries().data());
  for (auto& [where, units] : units_of_sentence_)
    for (auto& u : units) {
      if (u.entry < 0 || !c_.aliases[u.alias].family || root_of(entry(u)) != root_of(about)) continue;
      const auto bare = alias_key(c_.aliases[u.alias].compact);
      if (std::any_of(about->aliases.begin(), about->aliases.end(),
                      [&](const std::string& a) { return alias_key(without_spaces(a)).starts_with(bare); }))
        u.entry = about_index;
    }
}

// Where a closing report of who said it begins (", the companies said on
// Tuesday."): a comma, at most six words, a reporting verb, and little after.
std::size_t DocumentState::reporting_tail(const Sentence& s) const {
  constexpr std::size_t kMaxAfterVerb = 40;  // bytes: "on Tuesday in a statement."
  const auto comma = text_.substr(s.begin, s.end - s.begin).rfind(", ");
  if (comma == std::string_view::npos) return s.end;
  const std::size_t begin = s.begin + comma + 2;
  int words = 0;
  for (std::size_t i = begin; i < s.end && words < 7;) {
    std::size_t e = i;
    while (e < s.end && text_[e] != ' ') ++e;
    std::string word(text_.substr(i, e - i));
    while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) word.pop_back();
    if (std::binary_search(c_.grammar.reporting_verbs.begin(), c_.grammar.reporting_verbs.end(), word))
      return s.end - e <= kMaxAfterVerb ? begin : s.end;
    ++words;
    i = e + 1;
  }
  return s.end;
}

// "Global Telco AI Alliance", "Acme Partners": a trigger word inside a name
// is part of the name, not a statement of a relation.
void DocumentState::drop_triggers_inside_names(const std::vector<Unit>& units, std::vector<CueHit>& cues) const {
  std::erase_if(cues, [&](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::trigger && std::any_of(units.begin(), units.end(), [&](const Unit& u) {
             return !u.implicit && u.begin <= h.begin && h.end <= u.end;
           });
  });
}

std::vector<FoundRelation> DocumentState::analyse(const Sentence& s) {
  std::vector<FoundRelation> found;
  sentence_begin_ = s.begin;
  sentence_end_ = s.end;
  auto cues = find_cues(s);
  std::vector<Unit> units;
  if (auto it = units_of_sentence_.find({s.begin, s.end}); it != units_of_sentence_.end()) units = std::move(it->second);
  else units = find_units(s);
  const bool english = is_english_sentence(text_.substr(s.begin, s.end - s.begin));
  find_candidates(s, english, units);
  merge_people(units);
  drop_triggers_inside_names(units, cues);
  find_references(s, cues, units);
  find_offices(s, units);
  // Media are sources, never partners; nor is who reports the sentence
  // (", Acme said."): drop them before pairing.
  const std::size_t tail = english ? reporting_tail(s) : s.end;
  std::erase_if(units, [&](const Unit& u) {
    return (entry(u) && entry(u)->kind == EntityKind::media) || u.begin >= tail;
  });
  if (units.empty()) return found;
  headline_ = s.headline;
  const bool has_subject = std::any_of(units.begin(), units.end(), [](const Unit& u) { return u.role == Role::subject; });
  if (!english && !s.headline && !has_subject && last_subject_) {
    // Korean drops a subject that carries over from the previous sentence.
    Unit implicit = *last_subject_;
    implicit.begin = implicit.end = s.begin;
    implicit.role = Role::subject;
    implicit.topic = true;
    implicit.implicit = true;
    units.insert(units.begin(), implicit);
  }
  english_clauses_ = english ? english_clause_starts(s, units) : std::vector<std::size_t>{};
  auto groups = group_units(s, units);
  if (english) assign_english_roles(s, units, groups, cues);
  if (debug_) trace(s, units, groups, cues);
  for (const auto& h : cues) {
    if (h.cue->kind != Compiled::CueKind::trigger) continue;
    const auto before = found.size();
    relate(h, units, groups, cues, english, found);
    if (debug_) trace_trigger(h, groups, english, found.size() - before);
  }
  relate_subsidiaries(units, groups, cues, found);
  drop_outranked(found);
  // One relation per (type, pair) and sentence: the first trigger's reading.
  std::vector<FoundRelation> unique;
  std::set<std::tuple<RelationType, std::string, std::string>> keys;
  for (auto& r : found) {
    auto a = r.source.name, b = r.target.name;
    if (!is_canonical_pair(r.type, a, b)) std::swap(a, b);
    if (keys.insert({r.type, a, b}).second) unique.push_back(std::move(r));
  }
  if (debug_)
    for (const auto& r : unique)
      std::fprintf(stderr, "   => %s %s -> %s (%s) %.2f\n", std::string(name(r.type)).c_str(), r.source.name.c_str(),
                   r.target.name.c_str(), std::string(name(r.status)).c_str(), r.confidence);
  remember(unique, units, groups);
  return unique;
}

}  // namespace aikg::detail
