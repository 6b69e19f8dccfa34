// Pairing: which groups of a sentence a trigger relates, and in which direction.
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "aikg/text.hpp"
#include "extract/pairing.hpp"
#include "extract/script.hpp"

namespace aikg::detail {
namespace {

// Work the parties do together, rather than an agreement each signs.
bool is_joint_work(RelationType type) { return info(type).mutual; }

}  // namespace

// Whether a product noun follows the name ("Nvidia chips", "엔비디아 칩").
bool DocumentState::before_product(const Unit& u) const {
  const auto after = text_.substr(u.end, std::min<std::size_t>(24, text_.size() - std::min(u.end, text_.size())));
  if (!after.starts_with(" ")) return false;
  return std::any_of(c_.grammar.product_nouns.begin(), c_.grammar.product_nouns.end(), [&](const std::string& w) {
    return after.substr(1).starts_with(w) &&
           (after.size() == 1 + w.size() || !std::isalnum(static_cast<unsigned char>(after[1 + w.size()])));
  });
}

// Pairs the taxonomy rules out: a project only takes part, is invested in or
// supplied; an organisation is not the partner of its own parent group; a
// government is nobody's rival.
bool DocumentState::plausible(RelationType type, const Unit& a, const Unit& b) const {
  const bool projects = is_project(a) || is_project(b);
  const auto endpoint = info(type).project;
  if (projects && endpoint == ProjectEndpoint::none) return false;
  if (projects && endpoint == ProjectEndpoint::target && !is_project(b)) return false;
  // A parent's purchase of its affiliate is how it became one, and an
  // organiser takes part in its own programme ("Arm이 추진하는 Arm 토털
  // 디자인"); any other relation between them is internal.
  const bool bought_child = type == RelationType::acquisition && is_ancestor(entry(b), entry(a));
  const bool runs_project = takes_part(type) && is_project(b);
  if (!bought_child && !runs_project && (is_ancestor(entry(a), entry(b)) || is_ancestor(entry(b), entry(a))))
    return false;
  // Rivals compete in a market; a regulator or government that acts on a
  // company ("the competition authority", "the FTC sued") is none.
  const auto governs = [&](const Unit& u) { return entry(u) && entry(u)->kind == EntityKind::government; };
  if (info(type).state && (governs(a) || governs(b))) return false;
  // "the purchase of Nvidia chips": a maker named before its product is not what is bought.
  if (type == RelationType::acquisition && before_product(b)) return false;
  return true;
}

// A trigger inside a relative clause ("오픈AI가 추진 중인 프로젝트") belongs
// to that clause's own subject, not to the sentence's topic.
bool DocumentState::in_relative_clause(const CueHit& trigger, std::size_t sentence_end) const {
  std::size_t p = hangul_run_end(text_, trigger.end, sentence_end);
  std::string_view word = text_.substr(trigger.end, p - trigger.end);
  if (word.empty() || word == "중") {  // "추진 중인": the ending is on the next word
    std::size_t q = p;
    while (q < sentence_end && text_[q] == ' ') ++q;
    p = hangul_run_end(text_, q, sentence_end);
    word = text_.substr(q, p - q);
  }
  const bool adnominal = ends_with_any(word, c_.grammar.adnominals);
  if (!adnominal || p >= sentence_end || text_[p] != ' ') return false;
  // "체결한 것으로", "추진할 수": a nominalised main clause, not a relative one.
  const auto next = text_.substr(p + 1);
  return !starts_with_any(next, c_.grammar.nominal_heads);
}

std::vector<const Group*> DocumentState::subjects_for(const CueHit& trigger, const std::vector<Group>& groups,
                                                      std::size_t sentence_end) const {
  std::vector<const Group*> topics, nominatives;
  for (const auto& g : groups)
    if (g.role == Role::subject) (g.topic ? topics : nominatives).push_back(&g);
  const bool english = sentence_end == SIZE_MAX;
  if (english) {  // "A is ..., while B must invest": the nearest subject before the verb
    const Group* nearest = nullptr;
    for (const auto* g : nominatives)
      if (g->begin < trigger.begin) nearest = g;
    if (nearest) return {nearest};
  }
  if (!english) {
    // A Korean subject comes before its predicate: a topic after the trigger
    // opens a later clause ("A는 B와 협력해왔는데, C는 ...").
    auto later = [&](const Group* g) { return g->begin >= trigger.end; };
    for (auto* list : {&topics, &nominatives})
      if (!std::all_of(list->begin(), list->end(), later)) std::erase_if(*list, later);
    // "A가 탈락하면서 ... B는": only a later topic, and a nominative before the verb.
    if (std::all_of(topics.begin(), topics.end(), later) &&
        !std::all_of(nominatives.begin(), nominatives.end(), later))
      topics.clear();
  }
  if (english || topics.empty() || nominatives.empty()) {
    topics.insert(topics.end(), nominatives.begin(), nominatives.end());
    return topics;
  }
  if (in_relative_clause(trigger, text_.size())) {
    const Group* nearest = nullptr;
    for (const auto* g : nominatives)
      if (g->end <= trigger.begin) nearest = g;
    if (nearest) return {nearest};
  }
  return topics;
}

// Where the clause that ends in the predicate at `pos` begins: after the last
// connective ending ("~하면서", "~하고", "~했으며", "~지만") before it.
// With `at_commas` false only connective endings count: a comma in Korean
// also separates the items of a noun list ("공급, 설계, 투자 등").
std::size_t DocumentState::clause_start(std::size_t pos, const std::vector<Group>& groups, bool at_commas) const {
  std::size_t start = sentence_begin_;
  for (std::size_t i = sentence_begin_; i < pos; ++i) {
    if (text_[i] != ' ') continue;
    auto word = text_.substr(sentence_begin_, i - sentence_begin_);
    const bool comma = i > sentence_begin_ && text_[i - 1] == ',';
    if (comma) word.remove_suffix(1);
    if (ends_with_any(word, c_.grammar.connectives)) start = i + 1;
    if (!comma || !at_commas) continue;
    const bool in_list = std::any_of(groups.begin(), groups.end(), [&](const Group& g) { return g.begin < i && i < g.end; });
    if (!in_list) start = i + 1;
  }
  return start;
}

// "A의 경쟁사인 B", "A의 자회사 B": a relation noun between two names links
// them directly, whatever the sentence's subject does.
bool DocumentState::appositive(const CueHit& trigger, RelationType type, const std::vector<Unit>& units,
                               const std::vector<Group>& groups, std::vector<FoundRelation>& out, Status status,
                               double confidence) const {
  if (!info(type).relation_noun) return false;
  const Group* before = nullptr;
  const Group* after = nullptr;
  constexpr std::size_t kLink = 12;  // bytes: "인 ", "s are ", " is "
  for (const auto& g : groups) {
    if (g.role == Role::possessive && g.end <= trigger.begin && trigger.begin - g.end < 40) before = &g;
    if (!after && g.begin >= trigger.end && g.begin - trigger.end <= kLink) after = &g;
  }
  if (!before || !after) return false;
  auto link = text_.substr(trigger.end, after->begin - trigger.end);
  if (link.starts_with("s ")) link.remove_prefix(1);  // "suppliers are"
  const bool copula = link == " is " || link == " was " || link == " are " || link == " were ";
  if (!(link.starts_with("인 ") || link.starts_with("이자 ") || link == " " || link.empty() || copula)) return false;
  // "A's supplier B", "A의 공급사인 B": the noun says what B is to A, so a
  // directed relation runs from B to A.
  for (auto a : before->units)
    for (auto b : after->units) {
      const Unit& from = is_directed(type) ? units[b] : units[a];
      const Unit& to = is_directed(type) ? units[a] : units[b];
      if (key(from) != key(to) && plausible(type, from, to))
        out.push_back({type, ref(from), ref(to), status, 0.8 * confidence, cue_text(trigger)});
    }
  return true;
}


void DocumentState::relate(const CueHit& trigger, const std::vector<Unit>& units, const std::vector<Group>& groups,
                           const std::vector<CueHit>& cues, bool english, std::vector<FoundRelation>& out) {
  const auto type = static_cast<RelationType>(trigger.cue->label);
  if (info(type).ownership) return;  // see relate_subsidiaries
  if (english && info(type).deal_noun && told_before(trigger, cues)) return;
  if (english && info(type).state && rivals_of_someone_else(trigger, groups)) return;
  if (info(type).generic && joined_noun(trigger, cues, english)) return;  // see join_deal
  bool reported = false, defaulted = false;
  double confidence = 0.9;
  Status status = clause_status(trigger, cues, groups, english, reported, defaulted, confidence);
  // A trigger that names the end ("sold its stake") ends the relation, unless denied or hedged.
  if (trigger.cue->ends && status != Status::speculated) status = Status::ended;
  // A rivalry is a state, not an event: the plan in its clause is someone else's.
  if (info(type).state && (status == Status::planned || status == Status::talks))
    status = Status::done;
  if (appositive(trigger, type, units, groups, out, status, confidence)) return;

  Pairing p{*this, trigger, type, units, groups, cues, english, status, confidence, defaulted, {}, 0, {}, out};
  if (english) p.english_clause = english_clause_of(trigger.begin, {sentence_begin_, text_.size(), false});
  else p.clause_begin = clause_start(trigger.begin, groups);
  p.subjects = subjects_for(trigger, groups, english ? SIZE_MAX : 0);
  // An English clause with a subject of its own ("..., while B must invest")
  // keeps it; one without ("..., which will invest") takes the sentence's.
  if (english && std::any_of(p.subjects.begin(), p.subjects.end(), [&](const Group* g) { return p.in_scope(*g); }))
    std::erase_if(p.subjects, [&](const Group* g) { return !p.in_scope(*g); });
  // No subject particle (headlines, "A와 B의 계약은"): the first name leads.
  if (p.subjects.empty() && groups.size() >= 2 && groups.front().role != Role::recipient &&
      groups.front().role != Role::source)
    p.subjects.push_back(&groups.front());

  if (trigger.cue->role_noun) return relate_role_noun(p);
  if (takes_part(type)) return relate_participation(p, cues);
  if (is_directed(type)) return relate_directed(p, cues);
  relate_undirected(p);
}

// The subject of the trigger's clause and its partners take part in the
// projects the sentence names; without a project, in the deal a deal noun
// before the trigger names ("이 투자에는 A, B 등이 참여", "joined the round").
void DocumentState::relate_participation(const Pairing& p, const std::vector<CueHit>& cues) const {
  std::vector<const Unit*> projects;
  for (const auto& u : p.units)
    if (is_project(u)) projects.push_back(&u);
  if (projects.empty() && p.trigger.cue->contest) return take_part_in_contest(p);
  if (projects.empty()) return join_deal(p, cues);
  // "Stargate, a project backed by A, B and C": those right after "by" take
  // part; in "A joined a consortium backed by B", A joins and B's "by" is
  // another trigger's. The `join` frame's tiers say who takes part.
  for (const auto& tier : c_.frame.join->at("member").tiers) {
    std::vector<const Group*> takers;
    for (const auto& filler : tier)
      for (const auto* g : p.filling(filler)) takers.push_back(g);
    if (takers.empty()) continue;
    for (const auto* g : takers)
      for (const auto* u : p.members(*g))
        if (!is_project(*u))
          for (const auto* project : projects) p.add(*u, *project, 0.9);
    return;
  }
}

// "A는 심사에서 탈락했다", "A was shortlisted": a place won or lost in the
// selection for the project the article tells of, named before or after.
void DocumentState::take_part_in_contest(const Pairing& p) const {
  const Unit* project = article_project();
  if (!project) return;
  for (const auto* g : p.subjects)
    if (p.in_scope(*g))
      for (const auto* u : p.members(*g)) p.add(*u, *project, 0.7);
}

void DocumentState::relate_undirected(const Pairing& p) const {
  // "A and B called off their deal", "양사의 계약": the deal is the subjects' own.
  if (p.subjects.size() == 1 && p.subjects.front()->units.size() >= 2 && owned_by_subjects(p.trigger)) {
    pair_within(p, *p.subjects.front());
    return;
  }
  // The subject's partners: the roles of the `with` frame's ends but the subject.
  std::vector<Role> partner_roles;
  for (const auto& end : c_.frame.with->ends)
    for (const Role r : end.roles())
      if (r != Role::subject) partner_roles.push_back(r);
  auto partner_groups = p.with_role(partner_roles);
  if (!p.english && !partner_groups.empty()) add_listed_before(p, partner_groups);
  if (!p.subjects.empty() && !partner_groups.empty()) {
    for (const auto* s : p.subjects)
      for (const auto* g : partner_groups) p.add_all(*s, *g, 0.9);
    // "A develops X with B and C": the work is shared by all three, so B and
    // C develop it together too, and cooperate in it. A signing with B and C
    // is two agreements.
    if (is_joint_work(p.type) || (info(p.type).generic && joint_work_in_clause(p))) {
      std::vector<const Unit*> all;
      for (const auto* g : partner_groups)
        for (const auto* u : p.members(*g)) all.push_back(u);
      for (std::size_t i = 0; i < all.size(); ++i)
        for (std::size_t j = i + 1; j < all.size(); ++j) p.add(*all[i], *all[j], 0.8);
    }
    return;
  }
  if (!p.subjects.empty()) {
    // The other party sits between the subject and the trigger in Korean
    // ("A는 B의 전략적 파트너로"), after the trigger in English.
    std::vector<const Group*> others;
    const std::size_t subject_end = p.subjects.front()->end;
    for (const auto& g : p.groups) {
      if (p.is_subject(&g) || g.role == Role::source) continue;
      const bool placed =
          p.english ? g.begin >= subject_end : (g.begin >= subject_end && g.end <= p.trigger.begin);
      if (placed) others.push_back(&g);
    }
    if (const Group* o = p.nearest(others)) {
      for (const auto* s : p.subjects) p.add_all(*s, *o, 0.75);
      return;
    }
  }
  if (p.trigger.cue->weak) return;  // a generic word needs its partner in the sentence
  relate_one_group(p);
}

// "As part of the agreement", "abandoning the deal", "the deal to buy Arm":
// a definite deal noun that no "with"/"between" ties to its parties is a deal
// told before; one that a verb of another type completes ("deal to buy") is
// that verb's. Neither is a new agreement between the names around it.
bool DocumentState::told_before(const CueHit& trigger, const std::vector<CueHit>& cues) const {
  if (names_its_parties(trigger)) return false;
  constexpr std::size_t kAfter = 24;  // bytes: " to buy", " with Microsoft"
  const auto after = text_.substr(trigger.end, std::min(kAfter, sentence_end_ - trigger.end));
  if (after.starts_with(" to ")) {
    // A verb whose frame needs a theme ("buy" goods) may buy a company: it completes no deal.
    const auto verb = std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
      return h.cue->kind == Compiled::CueKind::trigger && h.begin == trigger.end + 4 && h.cue->label != trigger.cue->label &&
             !(h.cue->frame && h.cue->frame->has("theme"));
    });
    if (verb) return true;
  }
  const auto before = text_.substr(sentence_begin_, trigger.begin - sentence_begin_);
  for (const auto& w : c_.grammar.definite_words) {
    if (!before.ends_with(w)) continue;
    // "expect to sign that agreement": the deal is theirs to sign.
    const auto verb = before.substr(0, before.size() - w.size());
    return !std::any_of(c_.grammar.signing_verbs.begin(), c_.grammar.signing_verbs.end(),
                        [&](const std::string& v) { return verb.ends_with(v); });
  }
  return false;
}

// "a deal with Microsoft", "the partnership between A and B": an English
// deal noun followed by the preposition that names its parties.
bool DocumentState::names_its_parties(const CueHit& noun) const {
  const auto after = text_.substr(noun.end, std::min<std::size_t>(10, sentence_end_ - noun.end));
  return after.starts_with(" with ") || after.starts_with(" between ") || after.starts_with(" among ");
}

// "the continent's top rival to OpenAI, Meta and Google": the names after
// "rival to/of" are all on one side; with no name before the noun, its own
// party is elsewhere and none of them is a rival of another.
bool DocumentState::rivals_of_someone_else(const CueHit& trigger, const std::vector<Group>& groups) const {
  const auto after = text_.substr(trigger.end, std::min<std::size_t>(8, sentence_end_ - trigger.end));
  const auto word_end = after.find(' ');
  const auto rest = word_end == std::string_view::npos ? std::string_view{} : after.substr(word_end);
  const bool complement = rest.starts_with(" to ") || rest.starts_with(" of ");  // "rival to", "rivals of"
  return complement && std::all_of(groups.begin(), groups.end(), [&](const Group& g) { return g.begin >= trigger.end; });
}

// Whether a possessive that points back at the subjects ("their", "its own",
// "양사의") stands shortly before the trigger (own_words in grammar.tsv).
bool DocumentState::owned_by_subjects(const CueHit& trigger) const {
  constexpr std::size_t kBefore = 24;  // bytes: "their $40 billion deal"
  const std::size_t from = trigger.begin > sentence_begin_ + kBefore ? trigger.begin - kBefore : sentence_begin_;
  const auto before = text_.substr(from, trigger.begin - from);
  return std::any_of(c_.grammar.own_words.begin(), c_.grammar.own_words.end(), [&](const std::string& w) {
    const auto at = before.find(w);
    return at != std::string_view::npos && (at == 0 || before[at - 1] == ' ');
  });
}

// Korean marks only the last member of a list: "A가 B, (설명) C와 함께" makes
// B a partner too when a comma follows it and C's particle closes the list.
// Walks back from the last member, one comma-ended name at a time.
void DocumentState::add_listed_before(const Pairing& p, std::vector<const Group*>& members) const {
  constexpr std::size_t kStep = 96;  // bytes between members: a short description of the next one
  const Group* first = members.back();
  for (auto g = p.groups.rbegin(); g != p.groups.rend(); ++g) {
    if (g->end > first->begin || p.is_subject(&*g)) continue;
    if (g->role != Role::none && !(g->role == Role::possessive && owner_in_list(*g, *first))) continue;
    if (first->begin - g->end > kStep) break;
    const auto gap = text_.substr(g->end, first->begin - g->end);
    if (gap.find('.') != std::string_view::npos) break;
    // "A, B 등 미국 기업뿐 아니라 C와도": what comes before "not only" is joined to C.
    const bool not_only = std::any_of(c_.grammar.not_only.begin(), c_.grammar.not_only.end(),
                                      [&](const std::string& w) { return gap.find(w) != std::string_view::npos; });
    const bool owner = g->role == Role::possessive;  // owner_in_list: "LG의 벤처캐피털, B"
    if (!gap.starts_with(",") && !gap.starts_with("·") && !not_only && !owner) continue;
    if (std::find(members.begin(), members.end(), &*g) == members.end()) members.push_back(&*g);
    first = &*g;
  }
}

// "A, LG의 벤처캐피털, B 등이": a possessive whose noun phrase ends at a
// comma before the next member is a member too, standing for its owner.
bool DocumentState::owner_in_list(const Group& owner, const Group& next) const {
  constexpr std::size_t kNoun = 40;  // bytes: one or two nouns ("벤처캐피털", "투자 자회사")
  auto gap = text_.substr(owner.end, next.begin - owner.end);
  while (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap.size() <= kNoun && gap.ends_with(",") && gap.find(',') == gap.size() - 1 &&
         std::count(gap.begin(), gap.end(), ' ') <= 2;
}

// Whether the trigger's clause also says the parties develop something together.
bool DocumentState::joint_work_in_clause(const Pairing& p) const {
  return std::any_of(p.cues.begin(), p.cues.end(), [&](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::trigger && h.cue->label >= 0 &&
           is_joint_work(static_cast<RelationType>(h.cue->label)) &&
           same_clause(h.begin, p.trigger.begin, p.groups, p.english);
  });
}

void DocumentState::pair_within(const Pairing& p, const Group& g) const {
  const auto m = p.members(g);
  for (std::size_t i = 0; i < m.size(); ++i)
    for (std::size_t j = i + 1; j < m.size(); ++j) p.add(*m[i], *m[j], 0.8);
}

// One coordinated group: everyone in it with everyone ("A, B, C가 MOU를
// 체결"), unless they are affiliates of one group, whose partner is the
// article's counterpart ("한빛전자, 한빛물산 등이 LOI를 체결").
// Context phrases ("한빛그룹에선") are not parties.
void DocumentState::relate_one_group(const Pairing& p) const {
  std::vector<const Group*> parties;
  for (const auto& g : p.groups)
    if (g.role != Role::other) parties.push_back(&g);
  const Group* only = parties.size() == 1 && parties.front()->units.size() >= 2 ? parties.front() : nullptr;
  std::vector<const Unit*> solo;
  if (only) {
    auto m = p.members(*only);
    const auto* p0 = entry(*m[0]);
    const bool siblings = p0 && !p0->parent.empty() && std::all_of(m.begin(), m.end(), [&](const Unit* u) {
                            return entry(*u) && entry(*u)->parent == p0->parent;
                          });
    // Joint work is between the members themselves ("한빛물산과 한빛중공업은 공동 개발에 나선다").
    const bool joint = is_joint_work(p.type);
    if (headline_ && !joint) return;  // "A·B, 전방위 협력": parallel actors, not partners
    if (!siblings || joint) return pair_within(p, *only);
    solo = m;
  } else if (parties.size() == 1) {
    solo = p.members(*parties.front());
  }
  // Nor does English, or a gapped trigger ("함께 ... 구축"), borrow a partner from context.
  if (p.english || p.trigger.cue->gapped) return;
  complete_from_context(p, solo);
}

// Korean drops a party the article has named before: a lone name pairs with
// its latest counterpart, or with the latest pair.
void DocumentState::complete_from_context(const Pairing& p, const std::vector<const Unit*>& solo) const {
  for (const auto* a : solo) {
    auto it = counterpart_.find(key(*a));
    if (it != counterpart_.end()) {
      p.add(*a, it->second, 0.5);
    } else if (!last_pair_.empty()) {
      for (const auto& other : last_pair_)
        if (key(other) != key(*a) && !(entry(other) && entry(*a) && entry(other)->parent == entry(*a)->parent)) {
          p.add(*a, other, 0.45);
          break;
        }
    }
  }
}

}  // namespace aikg::detail
