// The context in which one trigger pairs names: shared by the pairing rules
// (relate.cpp) and the rules that read an article's deals (deals.cpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "extract/sentence_analysis.hpp"

namespace aikg::detail {

// A type whose target is a project or alliance that the source takes part in.
inline bool takes_part(RelationType type) { return info(type).project == ProjectEndpoint::required; }

// One trigger's context: its sentence's names and groups, the clause it may
// pair within, and the status and confidence its relations get.
struct DocumentState::Pairing {
  const DocumentState& d;
  const CueHit& trigger;
  RelationType type;
  const std::vector<Unit>& units;
  const std::vector<Group>& groups;
  const std::vector<CueHit>& cues;
  bool english;
  Status status;
  double confidence;
  bool defaulted;
  std::pair<std::size_t, std::size_t> english_clause;
  std::size_t clause_begin;  // Korean: where the trigger's clause begins
  std::vector<const Group*> subjects;
  std::vector<FoundRelation>& out;

  void add(const Unit& a, const Unit& b, double conf) const {
    if (d.key(a) == d.key(b) || !d.plausible(type, a, b)) return;
    out.push_back({type, d.ref(a), d.ref(b), status, conf * confidence * (a.entry < 0 || b.entry < 0 ? 0.6 : 1.0),
                   d.cue_text(trigger), trigger.cue->weak, defaulted});
  }
  void add_all(const Group& from, const Group& to, double conf) const {
    for (const auto* a : members(from))
      for (const auto* b : members(to)) add(*a, *b, conf);
  }
  std::vector<const Unit*> members(const Group& g) const {
    std::vector<const Unit*> m;
    for (auto i : g.units) m.push_back(&units[i]);
    return m;
  }
  // Korean puts a predicate's partners and targets before it, in its own
  // clause: "A는 B와 면담하면서 C와도 협업한다" pairs 협업 with C only.
  bool in_scope(const Group& g) const {
    if (english) return g.begin >= english_clause.first && g.begin < english_clause.second;
    return g.begin >= clause_begin && g.end <= trigger.end;
  }
  bool is_subject(const Group* g) const { return std::find(subjects.begin(), subjects.end(), g) != subjects.end(); }
  // In-scope groups with one of `roles` that are not the subject.
  std::vector<const Group*> with_role(const std::vector<Role>& roles) const {
    std::vector<const Group*> gs;
    for (const auto& g : groups)
      if (std::find(roles.begin(), roles.end(), g.role) != roles.end() && in_scope(g) && !is_subject(&g))
        gs.push_back(&g);
    return gs;
  }
  // The groups one filler of a case frame takes (frames.tsv): the subjects,
  // groups of its role in scope, or of its role right after the trigger.
  std::vector<const Group*> filling(const Filler& f) const {
    if (f.role == Role::subject && !f.right_after && !f.right_before) return subjects;
    if (!f.right_after && !f.right_before) return with_role({f.role});
    constexpr std::size_t kRightAfter = 4;  // bytes from the trigger to the name: " ", " the "
    std::vector<const Group*> gs;
    for (const auto& g : groups) {
      if (g.role != f.role || !in_scope(g)) continue;
      if (f.right_after && g.begin >= trigger.end && g.begin <= trigger.end + kRightAfter) gs.push_back(&g);
      if (f.right_before && g.end <= trigger.begin && d.only_possessive_mark(g.end, trigger.begin)) gs.push_back(&g);
    }
    return gs;
  }
  // The nearest group of the first tier of `end` that has one in the clause.
  const Group* first_tier(const FrameEnd& end) const {
    for (const auto& tier : end.tiers) {
      std::vector<const Group*> gs;
      for (const auto& f : tier)
        for (const auto* g : filling(f)) gs.push_back(g);
      if (const Group* g = nearest(gs)) return g;
    }
    return nullptr;
  }
  const Group* nearest(const std::vector<const Group*>& gs) const {
    const Group* best = nullptr;
    std::size_t best_d = SIZE_MAX;
    for (const auto* g : gs) {
      const std::size_t dist =
          g->end <= trigger.begin ? trigger.begin - g->end : g->begin - trigger.end + (english ? 0 : 50);
      if (dist < best_d) best_d = dist, best = g;
    }
    return best;
  }
};

}  // namespace aikg::detail
