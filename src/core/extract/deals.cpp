// The article's deals: role nouns that name the agents of a deal ("investors
// ... are A, B"), and names that take part in a deal told of before.
#include <algorithm>
#include <optional>
#include <utility>
#include <string_view>

#include "extract/pairing.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

// Taking part in a deal the article told of before: each name of the clause
// that is not its target gets the deal's relation with the deal's target.
void DocumentState::join_deal(const Pairing& p, const std::vector<CueHit>& cues) const {
  const CueHit* deal_noun = nullptr;
  for (const auto& h : cues)
    // Korean names the deal before the verb ("투자에 참여") or after it in an
    // adnominal clause ("B가 주도한 펀딩"), English after it ("joined the round").
    if (h.cue->kind == Compiled::CueKind::trigger && (h.end <= p.trigger.begin || p.english || adnominal_to(p.trigger, h)) &&
        h.cue->label >= 0 &&
        !takes_part(static_cast<RelationType>(h.cue->label)) && same_clause(h.begin, p.trigger.begin, p.groups, p.english) &&
        deal_joined(p, h, cues))
      deal_noun = &h;
  if (!deal_noun) return;
  const auto [type, target] = *deal_joined(p, *deal_noun, cues);
  Pairing deal = p;
  deal.type = type;
  // The takers: the clause's subjects, or the names listed before the
  // trigger when the clause marks none ("A, B 등이 참여", "A, B 등 참여").
  std::vector<const Group*> takers;
  for (const auto* g : p.subjects)
    if (p.in_scope(*g)) takers.push_back(g);
  if (!p.english && takers.size() == 1) add_listed_before(p, takers);  // "A, B, C 등이 참여"
  if (takers.empty())
    for (const auto& g : p.groups)
      if (p.in_scope(g) && g.role == Role::none) takers.push_back(&g);
  // "동맹에 참가한 통신사들은": the noun an adnominal clause describes takes part.
  constexpr std::size_t kHead = 12;  // bytes from the verb to the noun: "한 ", "하는 "
  if (takers.empty() && !p.english)
    for (const auto* g : p.subjects)
      if (g->begin >= p.trigger.begin && g->begin <= p.trigger.end + kHead) takers.push_back(g);
  for (const auto* g : takers)
    for (const auto* a : p.members(*g)) deal.add(*a, target, 0.7);
}

// The deal a deal noun names: the article's latest deal of its type; an
// alliance or cooperation joined ("동맹에 참가", "joined the alliance") is
// the alliance or project the article named.
std::optional<std::pair<RelationType, Unit>> DocumentState::deal_of(RelationType noun, bool joined) const {
  if (const auto it = deal_target_.find(noun); it != deal_target_.end()) return std::pair{noun, it->second};
  const auto project = deal_target_.find(RelationType::participation);
  if (joined && info(noun).generic && project != deal_target_.end())
    return std::pair{RelationType::participation, project->second};
  return std::nullopt;
}

// The deal a taking-part verb joins through `noun`: the article's deal, or,
// for "A는 B가 주도한 투자에서 자금을 유치했다", the one the topic raises.
std::optional<std::pair<RelationType, Unit>> DocumentState::deal_joined(const Pairing& p, const CueHit& noun,
                                                                        const std::vector<CueHit>& cues) const {
  const auto type = static_cast<RelationType>(noun.cue->label);
  if (auto deal = deal_of(type, joins(p.trigger, noun, p.english))) return deal;
  if (p.english || !adnominal_to(p.trigger, noun) || !is_directed(type)) return std::nullopt;
  const bool raised = std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::direction && h.cue->label == noun.cue->label && h.begin >= noun.end;
  });
  for (const auto& g : p.groups)
    if (raised && g.role == Role::subject && g.topic && g.end <= p.trigger.begin && g.units.size() == 1)
      return std::pair{type, p.units[g.units.front()]};
  return std::nullopt;
}

// Whether `noun` is the object of the taking part `verb` reads: right before
// the verb in Korean ("동맹에 참가"), right after it in English ("joined the alliance").
bool DocumentState::joins(const CueHit& verb, const CueHit& noun, bool english) const {
  constexpr std::size_t kNear = 12;  // bytes: "에 참가", "joined the "
  return english ? noun.begin >= verb.end && noun.begin - verb.end <= kNear
                 : (noun.end <= verb.begin && verb.begin - noun.end <= kNear) || adnominal_to(verb, noun);
}

// "주도한 시리즈D 펀딩", "참여하는 투자": the verb, in an adnominal form, describes the noun right after it.
bool DocumentState::adnominal_to(const CueHit& verb, const CueHit& noun) const {
  constexpr std::size_t kNear = 12;  // bytes: "한 ", "하는 시리즈"
  if (noun.begin < verb.end || noun.begin - verb.end > kNear) return false;
  const auto gap = text_.substr(verb.end, noun.begin - verb.end);
  const auto space = gap.find(' ');
  return space != std::string_view::npos && space > 0 && ends_with_any(gap.substr(0, space), c_.grammar.adnominals);
}

// "동맹에 참가한 A, B", "A and B joined the alliance": the noun is what is
// joined, not a relation among those who join it.
// But "formed a partnership with B", "launched an alliance between A and B":
// a noun that names its parties is the relation itself.
bool DocumentState::joined_noun(const CueHit& noun, const std::vector<CueHit>& cues, bool english) const {
  if (english && names_its_parties(noun)) return false;
  return std::any_of(cues.begin(), cues.end(), [&](const CueHit& h) {
    return h.cue->kind == Compiled::CueKind::trigger && h.cue->label >= 0 &&
           takes_part(static_cast<RelationType>(h.cue->label)) && joins(h, noun, english);
  });
}

// "investors ... are A, B and C", "backers including A and B": a role noun
// names the agents, the group of names nearest to it; the other party is the
// one it belongs to ("X's investors", "investors in X") or else the
// article's deal of that type.
void DocumentState::relate_role_noun(const Pairing& p) const {
  constexpr std::size_t kNear = 48;  // bytes between the noun and its names: "who joined the round are"
  constexpr std::size_t kAttached = 12;  // "X's investors", "members of the X", "X의 투자자"
  const Frame& frame = *c_.frame.role;
  const Group* owner = nullptr;
  // Attached to the noun, an owner is one even where no subject particle made
  // the first name the clause's subject ("Naver's investors include A").
  for (const auto& g : p.groups) {
    if (!frame.at("owner").takes(g.role) || !p.in_scope(g)) continue;
    const bool before = g.end <= p.trigger.begin && p.trigger.begin - g.end <= kAttached;
    const bool after = g.begin >= p.trigger.end && g.begin - p.trigger.end <= kAttached;
    if (before || after) owner = &g;
  }
  // "X counts A among its members", "X said its investors are A and B": the subject owns the noun.
  const auto before = text_.substr(sentence_begin_, p.trigger.begin - sentence_begin_);
  if (!owner && p.english && (before.ends_with("its ") || before.ends_with("their ")))
    for (const auto& g : p.groups)
      if (g.role == Role::subject && g.end <= p.trigger.begin &&
          (!takes_part(p.type) || is_project(p.units[g.units.front()]))) {
        owner = &g;
        break;
      }
  const auto deal = deal_target_.find(p.type);
  if (!owner && deal == deal_target_.end()) return;
  const Group* agents = nullptr;
  std::size_t best = kNear + 1;
  // "investors ... are A, B", "backers including A": after a copula the list follows it.
  const std::size_t copula = copula_after(p.trigger.end, std::min(kNear, sentence_end_ - p.trigger.end));
  for (const auto& g : p.groups) {
    if (copula != std::string_view::npos && (g.begin < copula || &g == owner)) continue;
    if (&g == owner || !p.in_scope(g) || !frame.at("agent").takes(g.role)) continue;
    const std::size_t gap = g.end <= p.trigger.begin ? p.trigger.begin - g.end
                            : g.begin >= p.trigger.end ? g.begin - p.trigger.end
                                                       : 0;
    if (gap < best) best = gap, agents = &g;
  }
  if (!agents) return;
  for (const auto* g : list_around(p, *agents))
    for (const auto* a : p.members(*g)) {
      if (a->reference || g == owner) continue;  // "the company": too loose to stand for an agent
      if (owner)
        for (const auto* b : p.members(*owner)) p.add(*a, *b, 0.8);
      else
        p.add(*a, deal->second, 0.7);
    }
}

// Where the words after a copula ("are", "include", "such as") begin, if
// one follows `from` within `within` bytes; npos if none does.
std::size_t DocumentState::copula_after(std::size_t from, std::size_t within) const {
  const auto stretch = text_.substr(from, within);
  std::size_t best = std::string_view::npos;
  for (const auto& c : c_.grammar.copulas)
    for (auto at = stretch.find(c); at != std::string_view::npos; at = stretch.find(c, at + 1)) {
      const bool word_start = at > 0 && stretch[at - 1] == ' ';
      const std::size_t after = at + c.size();
      const bool word_end = after < stretch.size() && stretch[after] == ' ';
      if (word_start && word_end) {
        best = std::min(best, from + after);
        break;
      }
    }
  return best;
}

// The groups that continue one list with `g` ("A, B, Unknown Capital and C"):
// neighbours separated by commas, "and", "&" and capitalised words only.
std::vector<const Group*> DocumentState::list_around(const Pairing& p, const Group& g) const {
  auto separates = [&](std::size_t from, std::size_t to) {
    if (to < from || to - from > 64) return false;
    std::string_view gap = text_.substr(from, to - from);
    for (std::size_t i = 0; i < gap.size();) {
      while (i < gap.size() && (gap[i] == ' ' || gap[i] == ',' || gap[i] == '&')) ++i;
      std::size_t e = i;
      while (e < gap.size() && gap[e] != ' ' && gap[e] != ',') ++e;
      const auto word = gap.substr(i, e - i);
      const bool possessive = word == "'s" || word == "’s";  // "A and B's C": C continues the list
      if (!word.empty() && word != "and" && !possessive && !(word[0] >= 'A' && word[0] <= 'Z')) return false;
      i = e;
    }
    return true;
  };
  std::vector<const Group*> list{&g};
  const auto at = static_cast<std::size_t>(&g - p.groups.data());
  for (std::size_t i = at; i + 1 < p.groups.size() && separates(p.groups[i].end, p.groups[i + 1].begin); ++i)
    list.push_back(&p.groups[i + 1]);
  for (std::size_t i = at; i > 0 && separates(p.groups[i - 1].end, p.groups[i].begin); --i)
    list.push_back(&p.groups[i - 1]);
  return list;
}

}  // namespace aikg::detail
