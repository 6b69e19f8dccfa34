// Finding the cues of a sentence (triggers, status, direction, references), and
// dropping trigger words that do not state a relation where they stand.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

namespace {

bool is_trigger(const CueHit& h) { return h.cue->kind == Compiled::CueKind::trigger; }

// Trigger words that do not state a relation here: inside a longer word that
// means something else ("경쟁력" is not a rivalry), or modifying the noun that
// follows ("협력 의향서" is a letter of intent, "투자 회사들" are investment firms).
bool after_determiner(std::string_view text, std::size_t pos) {
  for (std::string_view d : {"the ", "a ", "an ", "its ", "their "})
    if (pos >= d.size() && text.substr(pos - d.size(), d.size()) == d) return true;
  return false;
}

void drop_non_triggers(std::string_view text, const std::vector<std::string>& firm_nouns, std::vector<CueHit>& cues) {
  std::vector<std::pair<std::size_t, std::size_t>> blocked;
  for (const auto& h : cues)
    if (is_trigger(h) && h.cue->label == kNotATrigger) blocked.emplace_back(h.begin, h.end);
  auto inside_blocked = [&](const CueHit& h) {
    return std::any_of(blocked.begin(), blocked.end(), [&](auto b) { return b.first <= h.begin && h.end <= b.second; });
  };
  auto modifies_next = [&](const CueHit& h) {
    std::size_t p = h.end;
    if (h.cue->ascii) {  // "investment firm": the rest of the word, then the noun
      while (p < text.size() && std::isalpha(static_cast<unsigned char>(text[p]))) ++p;
      // "invest funds" is a verb and its object; "the supply fund" a noun.
      if (p == h.end && !after_determiner(text, h.begin)) return false;
      if (p >= text.size() || text[p] != ' ') return false;
      const auto next = text.substr(p + 1);
      return std::any_of(firm_nouns.begin(), firm_nouns.end(), [&](const std::string& noun) {
        return next.starts_with(noun) && (next.size() == noun.size() || !std::isalpha(static_cast<unsigned char>(next[noun.size()])));
      });
    }
    if (p < text.size() && text[p] == ' ') ++p;
    const auto next = text.substr(p);
    if (starts_with_any(next, firm_nouns)) return true;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      // "합작법인 설립", "공동 연구 추진": a verb of taking part heads the
      // phrase, but the deal it sets up is the relation.
      return is_trigger(o) && o.cue->label != kNotATrigger && o.begin == p && o.cue->label != h.cue->label &&
             info(static_cast<RelationType>(o.cue->label)).project != ProjectEndpoint::required;
    });
  };
  // "판매 파트너" after a reseller cue: a generic partner noun after a specific trigger adds nothing.
  auto generic_after_specific = [&](const CueHit& h) {
    if (h.cue->label < 0 || !info(static_cast<RelationType>(h.cue->label)).generic) return false;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && o.cue->label >= 0 && o.cue->label != h.cue->label &&
             (o.end == h.begin || o.end + 1 == h.begin);
    });
  };
  auto specific_before_generic = [&](const CueHit& h) {
    std::size_t p = h.end;
    if (p < text.size() && text[p] == ' ') ++p;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && o.begin == p && o.cue->label >= 0 &&
             info(static_cast<RelationType>(o.cue->label)).generic &&
             h.cue->label != o.cue->label;
    });
  };
  // "investors" is one cue, not also "invest*" inside it: the longest trigger
  // of a type at a place wins.
  auto inside_longer = [&](const CueHit& h) {
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && &o != &h && o.cue->label == h.cue->label && o.begin <= h.begin && h.end <= o.end &&
             o.end - o.begin > h.end - h.begin;
    });
  };
  std::vector<CueHit> kept;
  for (const auto& h : cues) {
    if (is_trigger(h) && inside_longer(h)) continue;
    if (is_trigger(h) && (h.cue->label == kNotATrigger || inside_blocked(h) || generic_after_specific(h) ||
                          (modifies_next(h) && !specific_before_generic(h))))
      continue;
    kept.push_back(h);
  }
  cues = std::move(kept);
}

// Joins the parts of gapped triggers: a first part, then within a short
// stretch of the same clause a second part of the same row, is a trigger at
// the second part (where Korean puts the verb that carries the status).
void join_gapped(std::string_view text, const Compiled& c, std::vector<CueHit>& cues) {
  constexpr std::size_t kWithin = 72;  // bytes: about 24 Hangul syllables or 12 English words
  std::vector<CueHit> joined;
  for (const auto& second : cues) {
    if (second.cue->kind != Compiled::CueKind::gap_second) continue;
    const auto first = std::find_if(cues.begin(), cues.end(), [&](const CueHit& f) {
      if (f.cue->kind != Compiled::CueKind::gap_first || f.cue->label != second.cue->label) return false;
      if (f.end > second.begin || second.begin - f.end > kWithin) return false;
      return text.substr(f.end, second.begin - f.end).find_first_of(".;!?") == std::string_view::npos;
    });
    if (first == cues.end()) continue;
    const auto* trigger = &c.cues[c.gapped[static_cast<std::size_t>(second.cue->label)]];
    joined.push_back({second.begin, second.end, trigger, first->begin, first->end});
  }
  std::erase_if(cues, [](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::gap_first || h.cue->kind == Compiled::CueKind::gap_second;
  });
  cues.insert(cues.end(), joined.begin(), joined.end());
  std::sort(cues.begin(), cues.end(), [](const CueHit& a, const CueHit& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
}

}  // namespace

// "in May", "Will Smith": a lower-case cue written with a capital inside a
// sentence of prose is a name or a month, not the word. Headlines capitalise
// every word, so there it still counts.
bool DocumentState::capitalised_mid_sentence(const Sentence& s, std::size_t at, std::string_view cue) const {
  if (s.headline || at == s.begin || cue.empty() || !std::islower(static_cast<unsigned char>(cue[0]))) return false;
  const char first = text_[at];
  const auto before = text_.substr(s.begin, at - s.begin);
  const auto last = before.find_last_not_of(" \"'“‘(");
  const bool starts_clause = last == std::string_view::npos || before[last] == '.' || before[last] == ':';
  return std::isupper(static_cast<unsigned char>(first)) && !starts_clause;
}

std::vector<CueHit> DocumentState::find_cues(const Sentence& s) const {
  std::vector<CueHit> out;
  std::vector<PhraseMatcher::Hit> hits;
  const auto sentence = text_.substr(0, s.end);
  char32_t prev = code_point_before(text_, s.begin);
  for (std::size_t i = s.begin; i < s.end;) {
    std::size_t next = i;
    const char32_t c = next_code_point(text_, next);
    hits.clear();
    c_.korean_cues.match_at(sentence, i, hits);
    if (!(is_ascii_alnum(prev))) c_.english_cues.match_at(sentence, i, hits);
    for (const auto& h : hits)
      for (auto id : *h.payloads) {
        const auto& cue = c_.cues[id];
        if (cue.ascii && !cue.prefix && is_ascii_alnum(code_point_at(text_, h.end)) && h.end < s.end) continue;
        if (cue.ascii && (c >= 0x80)) continue;
        if (cue.ascii && capitalised_mid_sentence(s, i, cue.text)) continue;
        out.push_back({i, h.end, &cue});
      }
    prev = c;
    i = next;
  }
  join_gapped(text_, c_, out);
  // "양사" and "양 사" are one phrase without spaces: keep one hit per cue and place.
  std::sort(out.begin(), out.end(), [](const CueHit& a, const CueHit& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const CueHit& a, const CueHit& b) {
                          return a.begin == b.begin && a.end == b.end && a.cue->kind == b.cue->kind &&
                                 a.cue->label == b.cue->label;
                        }),
            out.end());
  drop_non_triggers(text_, c_.grammar.firm_nouns, out);
  return out;
}

// The words that stated a relation, as the evidence records them.
std::string DocumentState::cue_text(const CueHit& h) const {
  if (!h.cue->gapped) return h.cue->text;
  return std::string(text_.substr(h.lead_begin, h.lead_end - h.lead_begin)) + " ... " +
         std::string(text_.substr(h.begin, h.end - h.begin));
}

}  // namespace aikg::detail
