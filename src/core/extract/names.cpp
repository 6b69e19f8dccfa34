// Finding known names in a sentence, with the particle, title or list marker
// that follows each one.
#include "extract/sentence_analysis.hpp"

#include "aikg/text.hpp"
#include "extract/script.hpp"

namespace aikg::detail {

std::optional<Role> DocumentState::particle_role(std::string_view rest) const {
  if (rest.empty()) return Role::none;
  if (auto it = c_.josa.find(rest); it != c_.josa.end()) return it->second;
  for (const auto& m : c_.markers) {
    if (!rest.starts_with(m)) continue;
    const auto after = rest.substr(m.size());
    if (after.empty()) return Role::none;
    if (auto it = c_.josa.find(after); it != c_.josa.end()) return it->second;
  }
  return std::nullopt;
}

// Reads what follows a name: an attached particle ("오픈AI와"), or a
// parenthesis ("한빛전자(012345)는"), a title ("김한빛 대표가",
// "최고경영자(CEO)와") or "등" with the particle further on ("A, B 등 기업들과").
// "KT뿐만 아니라 B와도", "KT는 물론 B도": the name before takes B's role
// (add_listed_before), whatever particle "not only" starts with.
bool DocumentState::not_only_at(std::size_t pos, std::size_t limit) const {
  const auto next = text_.substr(pos, limit > pos ? std::min<std::size_t>(limit - pos, 24) : 0);
  return std::any_of(c_.grammar.not_only.begin(), c_.grammar.not_only.end(),
                     [&](const std::string& w) { return next.starts_with(w); });
}

Role DocumentState::read_tail(std::size_t pos, std::size_t limit, std::size_t& end, bool& deung, bool& titled) {
  end = pos;
  auto skip_parenthesis = [&](std::size_t p) {
    if (p < limit && text_[p] == '(') {
      const auto close = text_.find(')', p);
      if (close != std::string_view::npos && close < limit && close - p < 40) return close + 1;
    }
    return p;
  };
  auto attached = [&](std::size_t p, Role& role) {
    const auto run = hangul_run_end(text_, p, limit);
    if (run == p) return false;
    const auto r = particle_role(text_.substr(p, run - p));
    if (!r) return false;
    if (text_.substr(p, run - p).starts_with("등")) deung = true;
    role = *r;
    end = run;
    return true;
  };
  Role role = Role::none;
  std::size_t p = skip_parenthesis(pos);
  if (not_only_at(p, limit)) return Role::none;
  if (attached(p, role)) return role;
  end = p;
  // Look past spaces for a title or 등.
  std::size_t q = p;
  while (q < limit && text_[q] == ' ') ++q;
  std::vector<PhraseMatcher::Hit> hits;
  c_.titles.match_at(text_, q, hits);
  if (!hits.empty()) {
    const auto after = skip_parenthesis(hits.back().end);
    titled = true;
    end = after;
    Role r = Role::none;
    if (attached(after, r)) return r;
    return Role::none;
  }
  if (text_.substr(q).starts_with("등")) {
    deung = true;
    std::size_t r = q;
    Role found = Role::none;
    if (attached(q, found) && found != Role::none) return found;
    // "등 4개 계열사는", "등 글로벌 기업들과": take the particle of the next
    // words, but leave them to be read (they may name the group: "삼성 계열").
    end = q + std::string_view("등").size();
    for (int words = 0; words < 4 && r < limit; ++words) {
      while (r < limit && text_[r] != ' ') ++r;
      while (r < limit && text_[r] == ' ') ++r;
      const auto word_end = std::min(limit, text_.find_first_of(" ,", r));
      const auto word = text_.substr(r, word_end - r);
      for (std::string_view noun : c_.grammar.group_nouns) {
        const auto at = word.rfind(noun);
        if (at == std::string_view::npos || at == 0) continue;
        const auto rest = word.substr(at + noun.size());
        if (auto it = c_.josa.find(rest); it != c_.josa.end() && !rest.empty()) return it->second;
      }
    }
  }
  return Role::none;
}

std::optional<Unit> DocumentState::match_name_at(std::size_t pos, const Sentence& s) {
  std::vector<PhraseMatcher::Hit> hits;
  c_.names.match_at(text_.substr(0, s.end), pos, hits);
  for (auto h = hits.rbegin(); h != hits.rend(); ++h) {  // longest first
    const auto surface = without_spaces(text_.substr(pos, h->end - pos));
    const char32_t last = code_point_before(text_, h->end);
    const char32_t next = code_point_at(text_, h->end);
    const Script next_script = h->end < s.end ? script_of(next) : Script::none;
    const Script last_script = script_of(last);
    if (next_script == Script::latin || next_script == Script::digit) {
      if (last_script == Script::latin || last_script == Script::digit) continue;
    }
    if (next_script == Script::han || next_script == Script::other) continue;
    for (auto payload : *h->payloads) {
      const auto& alias = c_.aliases[payload];
      if (alias.case_sensitive && surface != alias.compact && surface != upper_ascii(alias.compact)) continue;
      Unit u;
      u.begin = pos;
      u.entry = static_cast<int>(alias.entry);
      u.alias = payload;
      bool titled = false;
      if (next_script == Script::hangul) {
        const auto run = hangul_run_end(text_, h->end, s.end);
        const auto role = particle_role(text_.substr(h->end, run - h->end));
        if (!role) break;  // the word goes on: "메타버스" is not Meta
        if (text_.substr(h->end, run - h->end).starts_with("등")) u.deung = true;
        u.role = *role;
        u.end = run;
        u.topic = is_topic_particle(text_.substr(h->end, run - h->end));
        if (not_only_at(h->end, s.end)) u.role = Role::none, u.topic = false, u.end = h->end;
        if (*role == Role::none) u.role = read_tail(run, s.end, u.end, u.deung, titled);
      } else if (text_.substr(h->end).starts_with(")") && pos > 0 && text_[pos - 1] == '(') {
        // "암페어(Ampere)를": the name glosses the word before it and takes its particle.
        const auto run = hangul_run_end(text_, h->end + 1, s.end);
        const auto role = particle_role(text_.substr(h->end + 1, run - h->end - 1));
        u.role = role.value_or(Role::none);
        u.end = role ? run : h->end + 1;
      } else {
        u.role = read_tail(h->end, s.end, u.end, u.deung, titled);
      }
      u.titled = titled;
      return u;
    }
  }
  return std::nullopt;
}

void DocumentState::find_names(const Sentence& s, std::vector<Unit>& units) {
  char32_t prev = code_point_before(text_, s.begin);
  for (std::size_t i = s.begin; i < s.end;) {
    std::size_t next = i;
    const char32_t c = next_code_point(text_, next);
    const bool boundary = !is_word_char(prev) || script_of(prev) != script_of(c);
    if (boundary && c_.names.may_start(text_, i)) {
      if (auto u = match_name_at(i, s)) {
        units.push_back(*u);
        i = std::max(u->end, next);
        prev = code_point_before(text_, i);
        continue;
      }
    }
    prev = c;
    i = next;
  }
}

std::vector<Unit> DocumentState::find_units(const Sentence& s) {
  std::vector<Unit> units;
  find_names(s, units);
  return units;
}

}  // namespace aikg::detail
