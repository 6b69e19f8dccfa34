// The status of a trigger: from the cue of its own clause, qualified by what
// follows it, and wrapped by sentence-wide hedges, denials and reported speech.
#include "extract/sentence_analysis.hpp"

#include <array>
#include <cstdint>

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

// Korean qualifies a verb with what follows it: "체결할 예정이다" is planned,
// "체결하는 방안을 논의하고 있다" talks, although 체결 alone reads as done. A
// done cue in a future or adnominal form ("체결할", "체결하기로", "참여하는")
// hands over to the next status cue of the clause within a few words.
Status DocumentState::qualified_status(const CueHit& done, const std::vector<CueHit>& cues) const {
  const std::string_view cue = text_.substr(done.begin, done.end - done.begin);
  const std::string_view after = text_.substr(done.end, 8);
  const bool open = cue.ends_with("하는") || starts_with_any(after, c_.grammar.open_endings);
  if (!open) return Status::done;
  constexpr std::size_t kWithin = 30;  // bytes: about eight syllables and spaces
  const CueHit* next = nullptr;
  for (const auto& h : cues)
    if (h.cue->kind == Compiled::CueKind::status && !h.cue->sentence_scope && h.begin >= done.end &&
        h.begin - done.end <= kWithin && (!next || h.begin < next->begin))
      next = &h;
  if (!next) return Status::done;
  const auto gap = text_.substr(done.end, next->begin - done.end);
  if (gap.find_first_of(",.") != gap.npos) return Status::done;
  return static_cast<Status>(next->cue->label);
}

// "만든다", "나선다", "세운다": a sentence that ends in the plain present
// announces what will happen (news Korean writes plans so); a syllable with
// the final ㄴ before 다. The past (했다) and the copula (이다) do not.
bool DocumentState::ends_in_plain_present(std::size_t from) const {
  auto end = sentence_end_;
  while (end > from && std::string_view(" .\"'”’)").find(text_[end - 1]) != std::string_view::npos) --end;
  const auto tail = text_.substr(from, end - from);
  if (!tail.ends_with("다") || tail.size() < 6) return false;
  const char32_t before = code_point_before(text_, end - std::string_view("다").size());
  constexpr char32_t kFirst = 0xAC00, kJongseongCount = 28, kNieun = 4;
  return is_hangul_syllable(before) && (before - kFirst) % kJongseongCount == kNieun && before != U'인';
}

// Whether nothing but one clause lies between two places of a sentence: no
// connective ending in Korean ("체결했고"), no clause break in English ("; ").
bool DocumentState::same_clause(std::size_t a, std::size_t b, const std::vector<Group>& groups, bool english) const {
  if (a > b) std::swap(a, b);
  if (english) return english_clause_of(a, {sentence_begin_, text_.size(), false}).second > b;
  return clause_start(b, groups, false) <= a;
}

Status DocumentState::clause_status(const CueHit& trigger, const std::vector<CueHit>& cues,
                                    const std::vector<Group>& groups, bool english, bool& reported, bool& defaulted,
                                    double& confidence) const {
  std::optional<Status> clause;
  const CueHit* nearest = nullptr;
  std::size_t best_distance = SIZE_MAX;
  bool speculated = false, ended = false;
  for (const auto& h : cues) {
    if (h.cue->kind != Compiled::CueKind::status) continue;
    if (h.cue->sentence_scope) {
      // A hedge, a denial or a report binds the clause it stands in and the
      // clauses embedded in it, not a clause joined to it ("A signed; analysts expect").
      if (!same_clause(trigger.begin, h.begin, groups, english)) continue;
      if (h.cue->label < 0)
        reported = true;
      else if (static_cast<Status>(h.cue->label) == Status::ended)
        ended = true;
      else
        speculated = true;
      continue;
    }
    // Korean puts the predicate after the trigger; English before or after
    // it, within the trigger's clause ("A will ..., which counts B").
    if (english && !same_clause(trigger.begin, h.begin, groups, true)) continue;
    std::size_t distance;
    if (h.begin >= trigger.begin)
      distance = h.begin - trigger.begin;
    else if (english || trigger.begin - h.end < 12)
      distance = (trigger.begin - h.end) * (english ? 1 : 4) + 1;
    else
      continue;
    if (distance < best_distance) best_distance = distance, clause = static_cast<Status>(h.cue->label), nearest = &h;
  }
  if (!english && nearest && clause == Status::done) clause = qualified_status(*nearest, cues);
  if (!english && !clause && ends_in_plain_present(trigger.end)) clause = Status::planned;
  Status s = clause.value_or(Status::done);
  defaulted = !clause && !ended && !speculated;
  if (!clause) confidence *= 0.9;
  if (ended) return Status::ended;
  if (speculated) return Status::speculated;
  // Reported speech keeps what is reported, done or decided ("인수하기로 했다고
  //전해졌다" stays planned), with lower confidence.
  if (reported) confidence *= 0.85;
  return s;
}

}  // namespace aikg::detail
