// Directed relations read by their case frame (data/lexicon/frames.tsv):
// which frame a trigger reads by, and how the frame's ends take the names of
// its clause.
#include <algorithm>
#include <cstdio>

#include "extract/pairing.hpp"
#include "extract/script.hpp"
#include "extract/sentence_analysis.hpp"

namespace aikg::detail {

// The frame a directed trigger without one of its own reads its parties by:
// the frame a frame cue in its clause names, `owned` for a noun right after
// its owner's name, else `give` ("로부터 투자를 유치", "received": receive).
const Frame& DocumentState::directed_frame(const Pairing& p, const std::vector<CueHit>& cues) const {
  constexpr std::size_t kKoreanReach = 30;  // bytes before the trigger: "로부터 투자를 유치"
  for (const auto& h : cues)
    if (h.cue->kind == Compiled::CueKind::direction && h.cue->label == static_cast<int>(p.type) &&
        (p.english || h.begin + kKoreanReach >= p.trigger.begin))
      return *h.cue->frame;
  // "B rejected A's takeover bid": a deal noun right after its owner's name.
  const auto& owned = *c_.frame.owned;
  if (!p.filling(owned.at("source").tiers.front().front()).empty()) return owned;
  return *c_.frame.give;
}

// Whether only an English possessive mark stands between a name and the next
// word ("A's takeover"). Not Korean "의": "A의 인수" is as often the purchase
// of A ("암페어의 인수를 완료") as A's own.
bool DocumentState::only_possessive_mark(std::size_t from, std::size_t to) const {
  const auto gap = text_.substr(from, to - from);
  return gap == "'s " || gap == "\u2019s ";
}

// A frame with a `theme` end ("goods") relates nobody unless its clause names
// the theme: "receives GPUs from B" is a delivery, "receives approval from B" none.
bool DocumentState::theme_named(const Pairing& p, const Frame& frame) const {
  if (!frame.has("theme")) return true;
  // "to buy chip designer Arm from SoftBank", "Arm을 구매": an organisation as
  // the object is what is bought, a company, not goods; "NVIDIA chips" is goods.
  constexpr std::size_t kRightAfter = 5;  // bytes: " ", " the " ("to buy Kakao": no object role after "to")
  for (const auto& g : p.groups) {
    const bool right_after = g.begin >= p.trigger.end && g.begin <= p.trigger.end + kRightAfter &&
                             g.role != Role::possessive;  // "NVIDIA's chips": the owner of the goods
    if ((g.role == Role::object && p.in_scope(g)) || right_after)
      for (const auto* u : p.members(g))
        if (!before_product(*u)) return false;
  }
  const auto [from, to] = p.english ? p.english_clause : std::pair{p.clause_begin, p.trigger.end};
  const auto clause = text_.substr(from, std::min(to, sentence_end_) - from);
  for (const auto& tier : frame.at("theme").tiers)
    for (const auto& f : tier)
      if (f.goods && contains_word(clause, c_.grammar.goods)) return true;
  return false;
}

void DocumentState::relate_directed(const Pairing& p, const std::vector<CueHit>& cues) const {
  // "... supplemented by 30 billion from A and 430 billion from B": sources
  // without a named target give to the article's deal of this type.
  const auto deal = deal_target_.find(p.type);
  if (p.subjects.empty() && deal != deal_target_.end()) {
    for (const auto* g : p.with_role({Role::source}))
      for (const auto* a : p.members(*g)) p.add(*a, deal->second, 0.7);
    return;
  }
  const Frame& frame = p.trigger.cue->frame ? *p.trigger.cue->frame : directed_frame(p, cues);
  if (!theme_named(p, frame)) return;
  if (debug_) std::fprintf(stderr, "   '%s' reads by frame %s\n", cue_text(p.trigger).c_str(), frame.name.c_str());
  // An end the frame gives to the subject takes all the clause's subjects;
  // any other end, the nearest name of the first of its tiers with one.
  const auto fill = [&](const FrameEnd& end) {
    if (end.roles() == std::vector{Role::subject}) return p.subjects;
    const Group* g = p.first_tier(end);
    return g ? std::vector<const Group*>{g} : std::vector<const Group*>{};
  };
  const auto sources = fill(frame.at("source")), targets = fill(frame.at("target"));
  if (!sources.empty() && !targets.empty()) {
    for (const auto* s : sources)
      for (const auto* t : targets) p.add_all(*s, *t, 0.85);
    return;
  }
  // No target, but a source ("여기에 B로부터 추가 투자가"): it gives to the subject.
  if (!targets.empty() || frame.at("source").roles() != std::vector{Role::subject}) return;
  if (const Group* from = p.nearest(p.with_role({Role::source})))
    for (const auto* s : p.subjects) p.add_all(*from, *s, 0.75);
}

}  // namespace aikg::detail
