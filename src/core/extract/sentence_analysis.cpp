#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

#include "aikg/text.hpp"
#include "text/tsv.hpp"

namespace aikg::detail {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char ch : s)
    if (ch != ' ') out += ch;
  return out;
}

std::string upper_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

enum class Script { none, hangul, latin, digit, han, other };

Script script_of(char32_t c) {
  if (is_hangul_syllable(c) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3131 && c <= 0x318E)) return Script::hangul;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return Script::latin;
  if (c >= '0' && c <= '9') return Script::digit;
  if (c >= 0x4E00 && c <= 0x9FFF) return Script::han;
  return is_word_char(c) ? Script::other : Script::none;
}

char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
  return next_code_point(text, i);
}

char32_t code_point_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  return next_code_point(text, pos);
}

// The run of Hangul syllables starting at pos (the rest of a Korean word).
std::size_t hangul_run_end(std::string_view text, std::size_t pos, std::size_t limit) {
  std::size_t i = pos;
  while (i < limit) {
    std::size_t j = i;
    if (!is_hangul_syllable(next_code_point(text, j))) break;
    i = j;
  }
  return i;
}

// 은/는/도 mark the topic: in "A는 B가 추진 중인 X에 공급한다" A is the
// subject of the main clause and B only of the relative clause.
bool is_topic_particle(std::string_view particle) {
  return particle.ends_with("은") || particle.ends_with("는") || particle.ends_with("도");
}

bool is_english_sentence(std::string_view s) {
  std::size_t latin = 0, hangul = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto sc = script_of(next_code_point(s, i));
    latin += sc == Script::latin;
    hangul += sc == Script::hangul;
  }
  return latin > 4 * hangul + 10;
}

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
  for (const auto& e : lexicon.list("candidates")) {
    if (e.label == "suffix") company_suffixes.push_back(e.cue);
    if (e.label == "english_suffix") english_suffixes.push_back(e.cue);
    if (e.label == "stop") not_organisations.emplace(e.cue, true);
  }
}

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

const GazetteerEntry* DocumentState::entry(const Unit& u) const {
  return u.entry >= 0 ? &g_.entries()[static_cast<std::size_t>(u.entry)] : nullptr;
}

std::string DocumentState::key(const Unit& u) const { return u.entry >= 0 ? entry(u)->name : "?" + u.candidate; }

EntityRef DocumentState::ref(const Unit& u) const {
  if (const auto* e = entry(u)) return {e->name, e->kind, false};
  return {u.candidate, EntityKind::company, true};
}

bool DocumentState::is_project(const Unit& u) const {
  const auto* e = entry(u);
  return e && e->kind == EntityKind::project;
}

bool DocumentState::is_ancestor(const GazetteerEntry* child, const GazetteerEntry* parent) const {
  for (int depth = 0; child && depth < 4; ++depth) {
    if (child->parent.empty()) return false;
    child = g_.by_name(child->parent);
    if (child == parent) return true;
  }
  return false;
}

// ---------------------------------------------------------------- names ----

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
// parenthesis ("삼성전자(005930)는"), a title ("샘 올트먼 CEO가",
// "최고경영자(CEO)와") or "등" with the particle further on ("A, B 등 기업들과").
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
      for (std::string_view noun : {"사", "들", "곳", "기업", "업체", "회사", "그룹", "기관"}) {
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
      bool titled = false;
      if (next_script == Script::hangul) {
        const auto run = hangul_run_end(text_, h->end, s.end);
        const auto role = particle_role(text_.substr(h->end, run - h->end));
        if (!role) break;  // the word goes on: "메타버스" is not Meta
        if (text_.substr(h->end, run - h->end).starts_with("등")) u.deung = true;
        u.role = *role;
        u.end = run;
        u.topic = is_topic_particle(text_.substr(h->end, run - h->end));
        if (*role == Role::none) u.role = read_tail(run, s.end, u.end, u.deung, titled);
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

namespace {

bool is_trigger(const CueHit& h) { return h.cue->kind == Compiled::CueKind::trigger; }

// Trigger words that do not state a relation here: inside a longer word that
// means something else ("경쟁력" is not a rivalry), or modifying the noun that
// follows ("협력 LOI" is an LOI, "투자 기업들" are investment firms).
void drop_non_triggers(std::string_view text, std::vector<CueHit>& cues) {
  std::vector<std::pair<std::size_t, std::size_t>> blocked;
  for (const auto& h : cues)
    if (is_trigger(h) && h.cue->label == kNotATrigger) blocked.emplace_back(h.begin, h.end);
  auto inside_blocked = [&](const CueHit& h) {
    return std::any_of(blocked.begin(), blocked.end(), [&](auto b) { return b.first <= h.begin && h.end <= b.second; });
  };
  auto modifies_next = [&](const CueHit& h) {
    if (h.cue->ascii) return false;
    std::size_t p = h.end;
    if (p < text.size() && text[p] == ' ') ++p;
    const auto next = text.substr(p);
    for (std::string_view noun : {"기업", "업체", "회사"})
      if (next.starts_with(noun)) return true;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && o.cue->label != kNotATrigger && o.begin == p && o.cue->label != h.cue->label;
    });
  };
  // "리셀러 파트너": a generic partner noun after a specific trigger adds nothing.
  auto generic_after_specific = [&](const CueHit& h) {
    if (h.cue->label != static_cast<int>(RelationType::partnership)) return false;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && o.cue->label >= 0 && o.cue->label != h.cue->label &&
             (o.end == h.begin || o.end + 1 == h.begin);
    });
  };
  auto specific_before_generic = [&](const CueHit& h) {
    std::size_t p = h.end;
    if (p < text.size() && text[p] == ' ') ++p;
    return std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return is_trigger(o) && o.begin == p && o.cue->label == static_cast<int>(RelationType::partnership) &&
             h.cue->label != o.cue->label;
    });
  };
  std::vector<CueHit> kept;
  for (const auto& h : cues) {
    if (is_trigger(h) && (h.cue->label == kNotATrigger || inside_blocked(h) || generic_after_specific(h) ||
                          (modifies_next(h) && !specific_before_generic(h))))
      continue;
    kept.push_back(h);
  }
  cues = std::move(kept);
}

}  // namespace

// ------------------------------------------------------------ candidates ----

namespace {

bool is_latin_name(std::string_view w) {
  if (w.empty() || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  return std::all_of(w.begin(), w.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '&' || ch == '-' || ch == '.';
  });
}

}  // namespace

// A word the gazetteer does not know, read as an organisation when it looks
// like one: a Latin name with a Korean particle ("Acme가"), or a Korean name
// with a company ending ("한빛테크놀로지스와").
std::optional<Unit> DocumentState::korean_candidate(std::size_t begin, std::size_t end, std::size_t word_begin) const {
  const auto word = text_.substr(begin, end - begin);
  // The longest particle the word ends with.
  std::size_t stem_end = end;
  Role role = Role::none;
  for (std::size_t cut = std::max(begin, end - std::min(end, c_.longest_josa)); cut < end; ++cut) {
    if ((static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) continue;
    if (auto it = c_.josa.find(text_.substr(cut, end - cut)); it != c_.josa.end()) {
      stem_end = cut, role = it->second;
      break;
    }
  }
  if (stem_end == end || stem_end == begin) return std::nullopt;  // a name needs its particle here
  const auto stem = text_.substr(begin, stem_end - begin);
  Unit u;
  u.begin = begin;
  u.end = end;
  u.role = role;
  u.topic = is_topic_particle(text_.substr(stem_end, end - stem_end));
  if (is_latin_name(stem)) {
    if (c_.not_organisations.contains(stem) || stem.size() < 2) return std::nullopt;
    // "Acme Robotics가": capitalised words before belong to the name.
    std::size_t b = begin;
    while (b > word_begin + 1 && text_[b - 1] == ' ') {
      std::size_t a = b - 1;
      while (a > word_begin && text_[a - 1] != ' ') --a;
      if (!is_latin_name(text_.substr(a, b - 1 - a)) || c_.not_organisations.contains(text_.substr(a, b - 1 - a)))
        break;
      b = a;
    }
    u.begin = b;
    u.candidate = std::string(text_.substr(b, stem_end - b));
    return u;
  }
  if (count_code_points(stem) < 3 || !is_hangul_syllable(code_point_at(stem, 0))) return std::nullopt;
  for (const auto& suffix : c_.company_suffixes)
    if (stem.ends_with(suffix) && stem.size() > suffix.size()) {
      u.candidate = std::string(stem);
      return u;
    }
  (void)word;
  return std::nullopt;
}

void DocumentState::find_candidates(const Sentence& s, bool english, std::vector<Unit>& units) {
  auto covered = [&](std::size_t b, std::size_t e) {
    return std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin < e && b < u.end; });
  };
  std::vector<Unit> found;
  std::size_t i = s.begin;
  while (i < s.end) {
    while (i < s.end && (text_[i] == ' ' || text_[i] == '\'' || text_[i] == '"' || text_[i] == '(')) ++i;
    std::size_t e = i;
    while (e < s.end && text_[e] != ' ') ++e;
    std::size_t word_end = e;
    while (word_end > i && std::string_view(",.;:)'\"").find(text_[word_end - 1]) != std::string_view::npos) --word_end;
    if (word_end > i && !covered(i, word_end)) {
      const auto word = text_.substr(i, word_end - i);
      if (english) {
        for (const auto& suffix : c_.english_suffixes) {
          if (word != suffix) continue;
          std::size_t b = i;  // the capitalised words before the suffix
          while (b > s.begin + 1) {
            std::size_t a = b - 1;
            while (a > s.begin && text_[a - 1] != ' ') --a;
            if (!is_latin_name(text_.substr(a, b - 1 - a)) || covered(a, b - 1)) break;
            b = a;
          }
          if (b < i) {
            Unit u;
            u.begin = b;
            u.end = word_end;
            u.candidate = std::string(text_.substr(b, word_end - b));
            if (u.candidate.back() == '.') u.candidate.pop_back();
            found.push_back(u);
          }
          break;
        }
      } else if (auto u = korean_candidate(i, word_end, s.begin); u && !covered(u->begin, u->end)) {
        found.push_back(*u);
      }
    }
    i = e;
  }
  units.insert(units.end(), found.begin(), found.end());
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
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
        out.push_back({i, h.end, &cue});
      }
    prev = c;
    i = next;
  }
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
  drop_non_triggers(text_, out);
  return out;
}

int DocumentState::organisation_of(int person) const {
  if (auto it = person_org_.find(person); it != person_org_.end()) return it->second;
  if (const auto* p = g_.by_name(g_.entries()[static_cast<std::size_t>(person)].parent))
    return static_cast<int>(p - g_.entries().data());
  return -1;
}

// People stand for their organisations: "이재용 삼성전자 회장" is Samsung
// Electronics, "올트먼 CEO" is OpenAI; later "이 회장" finds 이재용 again.
void DocumentState::merge_people(std::vector<Unit>& units) {
  std::vector<Unit> out;
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit u = units[i];
    const auto* e = entry(u);
    const bool adjacent_next = i + 1 < units.size() && units[i + 1].begin <= u.end + 1;
    if (e && e->kind == EntityKind::person) {
      const int person = u.entry;
      // Remember the surname for "이 회장" (Korean names: first syllable).
      for (const auto& a : e->aliases) {
        std::size_t k = 0;
        const char32_t first = next_code_point(a, k);
        if (is_hangul_syllable(first) && count_code_points(a) >= 3 && a.find(' ') == std::string::npos)
          surname_to_person_[a.substr(0, k)] = person;
      }
      if (adjacent_next && u.role == Role::none && entry(units[i + 1]) &&
          entry(units[i + 1])->kind != EntityKind::person) {
        // "이재용 삼성전자 회장이": the organisation, with the role of the whole.
        Unit org = units[++i];
        org.begin = u.begin;
        person_org_[person] = org.entry;
        out.push_back(org);
        continue;
      }
      const int org = organisation_of(person);
      if (org < 0) continue;
      u.entry = org;
      out.push_back(u);
      continue;
    }
    if (e && adjacent_next && u.role == Role::none && entry(units[i + 1]) &&
        entry(units[i + 1])->kind == EntityKind::person) {
      // "삼성전자 이재용 회장은": the organisation first.
      person_org_[units[i + 1].entry] = u.entry;
      u.end = units[i + 1].end;
      u.role = units[i + 1].role;
      ++i;
    }
    out.push_back(u);
  }
  units = std::move(out);
}

void DocumentState::find_references(const Sentence& s, const std::vector<CueHit>& cues, std::vector<Unit>& units) {
  // "양사는", "이 회사는": back to the organisations in context.
  for (const auto& h : cues) {
    if (h.cue->kind != Compiled::CueKind::reference) continue;
    bool deung = false, titled = false;
    Unit base;
    base.begin = h.begin;
    base.role = read_tail(h.end, s.end, base.end, deung, titled);
    if (base.end == h.end) {
      const auto run = hangul_run_end(text_, h.end, s.end);
      if (auto r = particle_role(text_.substr(h.end, run - h.end))) base.role = *r, base.end = run;
    }
    if (h.cue->label == 0) {
      for (const auto& u : last_pair_) {
        Unit r = base;
        r.entry = u.entry;
        r.candidate = u.candidate;
        units.push_back(r);
      }
    } else if (last_subject_) {
      Unit r = base;
      r.entry = last_subject_->entry;
      r.candidate = last_subject_->candidate;
      units.push_back(r);
    }
  }
  // "이 회장", "최 회장": a surname and a title.
  for (std::size_t i = s.begin; i + 1 < s.end; ++i) {
    if (text_[i] != ' ') continue;
    std::vector<PhraseMatcher::Hit> hits;
    c_.titles.match_at(text_, i + 1, hits);
    if (hits.empty()) continue;
    const char32_t before = code_point_before(text_, i);
    std::size_t start = i;
    while (start > s.begin && (static_cast<unsigned char>(text_[start - 1]) & 0xC0) == 0x80) --start;
    if (start > s.begin) --start;
    if (!is_hangul_syllable(before) || (start > s.begin && is_word_char(code_point_before(text_, start)))) continue;
    const auto it = surname_to_person_.find(std::string(text_.substr(start, i - start)));
    if (it == surname_to_person_.end()) continue;
    const bool overlaps = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin <= start && start < u.end; });
    if (overlaps) continue;
    Unit u;
    u.begin = start;
    u.entry = organisation_of(it->second);
    if (u.entry < 0) continue;
    bool deung = false, titled = false;
    u.role = read_tail(i, s.end, u.end, deung, titled);
    units.push_back(u);
  }
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
}

std::vector<Unit> DocumentState::find_units(const Sentence& s) {
  std::vector<Unit> units;
  find_names(s, units);
  return units;
}

// ------------------------------------------------------------- grouping ----

std::vector<Group> DocumentState::group_units(const Sentence& s, std::vector<Unit>& units) {
  std::vector<Group> groups;
  auto separator_only = [&](std::size_t from, std::size_t to) {
    if (to < from) return false;
    // Only punctuation and at most one conjunction may stand between members.
    std::string rest;
    const auto gap = text_.substr(from, to - from);
    for (std::size_t i = 0; i < gap.size();) {
      const char32_t c = next_code_point(gap, i);
      if (c == ',' || c == 0xB7 || c == '/' || c == '\'' || c == '"' || c == '&') c == '&' ? rest += " & " : rest += ' ';
      else append_utf8(rest, c);
    }
    const auto word = detail::trim(rest);
    return word.empty() || word == "및" || word == "and" || word == "or" || word == "&" || word == "as well as" ||
           word == "또는";
  };
  (void)s;
  // "A 사장, 클라우디아 네맛 B 부회장": between titled names of a list stands
  // the next person's name, which the gazetteer need not know.
  auto person_gap = [&](std::size_t from, std::size_t to) {
    if (to < from) return false;
    auto gap = detail::trim(text_.substr(from, to - from));
    if (!gap.starts_with(",")) return false;
    gap = detail::trim(gap.substr(1));
    int words = 0;
    for (std::size_t i = 0; i < gap.size();) {
      const auto sp = gap.find(' ', i);
      const auto w = gap.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
      if (count_code_points(w) > 5 || ++words > 3) return false;
      if (sp == std::string_view::npos) break;
      i = sp + 1;
    }
    return true;
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (!groups.empty()) {
      const Unit& prev = units[groups.back().units.back()];
      if (u.begin == prev.begin) {  // the two parties of one "양사"
        groups.back().units.push_back(i);
        continue;
      }
      const bool list_like = prev.role == Role::none && !prev.deung &&
                             (separator_only(prev.end, u.begin) || (prev.titled && person_gap(prev.end, u.begin)));
      const bool coordinated = prev.role == Role::partner && separator_only(prev.end, u.begin) &&
                               (u.role == Role::subject || u.role == Role::partner || u.role == Role::none);
      // "A를 비롯한 B, C": A belongs to the list that follows.
      const auto gap = text_.substr(prev.end, u.begin > prev.end ? u.begin - prev.end : 0);
      const bool including = prev.role == Role::object &&
                             (gap.find("비롯") != std::string_view::npos || gap.find("포함") != std::string_view::npos) &&
                             (gap.size() < 16 || (prev.titled && gap.size() < 48));
      if (including) {
        groups.back().units.push_back(i);
        groups.back().role = u.role;
        groups.back().end = u.end;
        continue;
      }
      if (list_like || coordinated) {
        groups.back().units.push_back(i);
        groups.back().role = u.role;
        groups.back().end = u.end;
        groups.back().topic = u.topic;
        continue;
      }
    }
    groups.push_back({{i}, u.role, u.begin, u.end, u.topic});
  }
  return groups;
}

void DocumentState::assign_english_roles(const Sentence& s, const std::vector<Unit>& units,
                                         std::vector<Group>& groups, const std::vector<CueHit>& cues) {
  std::size_t first_trigger = s.end;
  for (const auto& h : cues)
    if (h.cue->kind == Compiled::CueKind::trigger) first_trigger = std::min(first_trigger, h.begin);
  for (auto& g : groups) {
    // The word before the group decides: "with" partner, "in" recipient, ...
    // Up to three words back: "in AI startup Scale" is still "in".
    std::string word;
    std::size_t b = units[g.units.front()].begin;
    for (int back = 0; back < 3; ++back) {
      while (b > s.begin && text_[b - 1] == ' ') --b;
      std::size_t a = b;
      while (a > s.begin && std::isalpha(static_cast<unsigned char>(text_[a - 1]))) --a;
      word = std::string(text_.substr(a, b - a));
      for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      static const std::set<std::string> prepositions{"with", "alongside", "between", "in", "into", "to", "for",
                                                      "from", "by", "of"};
      if (prepositions.count(word) || a == b || a == s.begin) break;
      b = a;
    }
    const auto after = units[g.units.back()].end;
    const bool possessive = text_.substr(after).starts_with("'s") || text_.substr(after).starts_with("’s");
    if (word == "with" || word == "alongside" || word == "between")
      g.role = Role::partner;
    else if (word == "in" || word == "into" || word == "to" || word == "for")
      g.role = Role::recipient;
    else if (word == "from" || word == "by")
      g.role = Role::source;
    else if (word == "of" || possessive)
      g.role = Role::possessive;
    else if (g.begin < first_trigger)
      g.role = Role::subject;
    else
      g.role = Role::object;
  }
}

// --------------------------------------------------------------- status ----

// Korean qualifies a verb with what follows it: "체결할 예정이다" is planned,
// "체결하는 방안을 논의하고 있다" talks, although 체결 alone reads as done. A
// done cue in a future or adnominal form ("체결할", "체결하기로", "참여하는")
// hands over to the next status cue of the clause within a few words.
Status DocumentState::qualified_status(const CueHit& done, const std::vector<CueHit>& cues) const {
  static constexpr std::array<std::string_view, 7> kOpenEndings{"할", "하기", "하는", "키로", "하려", "을 ", "를 "};
  const std::string_view cue = text_.substr(done.begin, done.end - done.begin);
  const std::string_view after = text_.substr(done.end, 8);
  const bool open = cue.ends_with("하는") || std::any_of(kOpenEndings.begin(), kOpenEndings.end(),
                                                        [&](std::string_view e) { return after.starts_with(e); });
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

Status DocumentState::clause_status(const CueHit& trigger, const std::vector<CueHit>& cues, bool english,
                                    bool& reported, bool& defaulted, double& confidence) const {
  std::optional<Status> clause;
  const CueHit* nearest = nullptr;
  std::size_t best_distance = SIZE_MAX;
  bool speculated = false, ended = false;
  for (const auto& h : cues) {
    if (h.cue->kind != Compiled::CueKind::status) continue;
    if (h.cue->sentence_scope) {
      if (h.cue->label < 0)
        reported = true;
      else if (static_cast<Status>(h.cue->label) == Status::ended)
        ended = true;
      else
        speculated = true;
      continue;
    }
    // Korean puts the predicate after the trigger; English before or after it.
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
  Status s = clause.value_or(Status::done);
  defaulted = !clause && !ended && !speculated;
  if (!clause) confidence *= 0.9;
  if (ended) return Status::ended;
  if (speculated) return Status::speculated;
  if (reported) {
    confidence *= 0.85;
    if (s == Status::planned) return Status::speculated;
  }
  return s;
}

// ------------------------------------------------------------ relations ----

// Pairs the taxonomy rules out: a project only takes part, is invested in or
// supplied; an organisation is not the partner of its own parent group.
bool DocumentState::plausible(RelationType type, const Unit& a, const Unit& b) const {
  const bool projects = is_project(a) || is_project(b);
  if (projects && type != RelationType::participation && type != RelationType::investment &&
      type != RelationType::supply && type != RelationType::joint_development)
    return false;
  if (projects && (type == RelationType::investment || type == RelationType::supply) && !is_project(b)) return false;
  if (is_ancestor(entry(a), entry(b)) || is_ancestor(entry(b), entry(a))) return false;
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
  const bool adnominal = word.ends_with("인") || word.ends_with("한") || word.ends_with("하는") ||
                         word.ends_with("된") || word.ends_with("되는") || word.ends_with("던");
  if (!adnominal || p >= sentence_end || text_[p] != ' ') return false;
  // "체결한 것으로", "추진할 수": a nominalised main clause, not a relative one.
  const auto next = text_.substr(p + 1);
  for (std::string_view noun : {"것", "바", "수", "듯", "예정", "계획", "방침", "뒤", "후", "가운데"})
    if (next.starts_with(noun)) return false;
  return true;
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
std::size_t DocumentState::clause_start(std::size_t pos, const std::vector<Group>& groups) const {
  static constexpr std::string_view connectives[] = {"면서", "하고", "했고", "했으며", "으며", "하며", "되며",
                                                      "되고", "지만", "는데", "됐고", "이며"};
  std::size_t start = sentence_begin_;
  for (std::size_t i = sentence_begin_; i < pos; ++i) {
    if (text_[i] != ' ') continue;
    const auto word = text_.substr(sentence_begin_, i - sentence_begin_);
    for (auto c : connectives)
      if (word.ends_with(c)) start = i + 1;
    const bool in_list = std::any_of(groups.begin(), groups.end(), [&](const Group& g) { return g.begin < i && i < g.end; });
    if (i > sentence_begin_ && text_[i - 1] == ',' && !in_list) start = i + 1;
  }
  return start;
}

// "A의 경쟁사인 B", "A의 자회사 B": a relation noun between two names links
// them directly, whatever the sentence's subject does.
bool DocumentState::appositive(const CueHit& trigger, RelationType type, const std::vector<Unit>& units,
                               const std::vector<Group>& groups, std::vector<FoundRelation>& out, Status status,
                               double confidence) const {
  if (type != RelationType::competition && type != RelationType::partnership && type != RelationType::supply)
    return false;
  const Group* before = nullptr;
  const Group* after = nullptr;
  for (const auto& g : groups) {
    if (g.role == Role::possessive && g.end <= trigger.begin && trigger.begin - g.end < 40) before = &g;
    if (!after && g.begin >= trigger.end && g.begin - trigger.end <= 8) after = &g;
  }
  if (!before || !after) return false;
  const auto link = text_.substr(trigger.end, after->begin - trigger.end);
  if (!(link.starts_with("인 ") || link.starts_with("이자 ") || link.starts_with(" ") || link.empty())) return false;
  for (auto a : before->units)
    for (auto b : after->units)
      if (key(units[a]) != key(units[b]) && plausible(type, units[a], units[b]))
        out.push_back({type, ref(units[a]), ref(units[b]), status, 0.8 * confidence, trigger.cue->text});
  return true;
}

void DocumentState::relate(const CueHit& trigger, const std::vector<Unit>& units, const std::vector<Group>& groups,
                           const std::vector<CueHit>& cues, bool english, std::vector<FoundRelation>& out) {
  const auto type = static_cast<RelationType>(trigger.cue->label);
  if (type == RelationType::subsidiary_of) return;  // see relate_subsidiaries
  bool reported = false, defaulted = false;
  double confidence = 0.9;
  Status status = clause_status(trigger, cues, english, reported, defaulted, confidence);
  // A rivalry is a state, not an event: the plan in its clause is someone else's.
  if (type == RelationType::competition && (status == Status::planned || status == Status::talks))
    status = Status::done;

  auto add = [&](const Unit& a, const Unit& b, double conf) {
    if (key(a) == key(b) || !plausible(type, a, b)) return;
    out.push_back({type, ref(a), ref(b), status, conf * confidence * (a.entry < 0 || b.entry < 0 ? 0.6 : 1.0),
                   trigger.cue->text, trigger.cue->weak, defaulted});
  };
  auto members = [&](const Group& g) {
    std::vector<const Unit*> m;
    for (auto i : g.units) m.push_back(&units[i]);
    return m;
  };
  // Korean puts a predicate's partners and targets before it, in its own
  // clause: "A는 B와 면담하면서 C와도 협업한다" pairs 협업 with C only.
  const std::size_t clause_begin = english ? 0 : clause_start(trigger.begin, groups);
  auto in_scope = [&](const Group& g) { return english || (g.begin >= clause_begin && g.end <= trigger.end); };
  auto with_role = [&](const std::vector<Role>& roles) {
    std::vector<const Group*> gs;
    for (const auto& g : groups)
      if (std::find(roles.begin(), roles.end(), g.role) != roles.end() && in_scope(g)) gs.push_back(&g);
    return gs;
  };
  if (appositive(trigger, type, units, groups, out, status, confidence)) return;
  auto nearest = [&](const std::vector<const Group*>& gs) -> const Group* {
    const Group* best = nullptr;
    std::size_t best_d = SIZE_MAX;
    for (const auto* g : gs) {
      const std::size_t d = g->end <= trigger.begin ? trigger.begin - g->end : g->begin - trigger.end + (english ? 0 : 50);
      if (d < best_d) best_d = d, best = g;
    }
    return best;
  };

  auto subjects = subjects_for(trigger, groups, english ? SIZE_MAX : 0);
  // No subject particle (headlines, "A와 B의 계약은"): the first name leads.
  if (subjects.empty() && groups.size() >= 2 && groups.front().role != Role::recipient &&
      groups.front().role != Role::source)
    subjects.push_back(&groups.front());

  if (type == RelationType::participation) {
    std::vector<const Unit*> projects;
    for (const auto& u : units)
      if (is_project(u)) projects.push_back(&u);
    if (projects.empty()) return;
    // The subject of the trigger's clause and its partners take part.
    auto takers = subjects;
    for (const auto* g : with_role({Role::partner})) takers.push_back(g);
    if (takers.empty())
      for (const auto* g : with_role({Role::none})) takers.push_back(g);
    for (const auto* g : takers)
      for (const auto* u : members(*g))
        if (!is_project(*u))
          for (const auto* p : projects) add(*u, *p, 0.9);
    return;
  }

  if (is_directed(type)) {
    bool reverse = false;
    for (const auto& h : cues)
      if (h.cue->kind == Compiled::CueKind::direction && h.cue->label == static_cast<int>(type) &&
          (english || (h.begin + 30 >= trigger.begin)))
        reverse = true;
    // Vectors, not initializer_lists: a list of lists would outlive its arrays.
    const std::vector<std::vector<Role>> target_roles{{Role::recipient}, {Role::object}, {Role::possessive},
                                                          {Role::partner}, {Role::none, Role::other}};
    if (reverse) {
      const Group* src = nullptr;
      for (const auto& roles : std::vector<std::vector<Role>>{{Role::source}, {Role::partner}, {Role::recipient},
                         {Role::possessive}, {Role::object, Role::none}}) {
        std::vector<const Group*> gs;
        for (const auto* g : with_role(roles))
          if (std::find(subjects.begin(), subjects.end(), g) == subjects.end()) gs.push_back(g);
        if ((src = nearest(gs))) break;
      }
      if (!src) return;
      for (const auto* s : subjects)
        for (const auto* a : members(*src))
          for (const auto* b : members(*s)) add(*a, *b, 0.85);
      return;
    }
    for (const auto& roles : target_roles) {
      std::vector<const Group*> gs;
      for (const auto* g : with_role(roles))
        if (std::find(subjects.begin(), subjects.end(), g) == subjects.end()) gs.push_back(g);
      if (const Group* tgt = nearest(gs)) {
        for (const auto* s : subjects)
          for (const auto* a : members(*s))
            for (const auto* b : members(*tgt)) add(*a, *b, 0.85);
        return;
      }
    }
    return;
  }

  // Undirected relations.
  auto partners = with_role({Role::partner});
  std::vector<const Group*> partner_groups;
  for (const auto* g : partners)
    if (std::find(subjects.begin(), subjects.end(), g) == subjects.end()) partner_groups.push_back(g);
  if (!subjects.empty() && !partner_groups.empty()) {
    for (const auto* s : subjects)
      for (const auto* p : partner_groups)
        for (const auto* a : members(*s))
          for (const auto* b : members(*p)) add(*a, *b, 0.9);
    return;
  }
  if (!subjects.empty()) {
    // The other party sits between the subject and the trigger in Korean
    // ("A는 B의 전략적 파트너로"), after the trigger in English.
    std::vector<const Group*> others;
    const std::size_t subject_end = subjects.front()->end;
    for (const auto& g : groups) {
      if (std::find(subjects.begin(), subjects.end(), &g) != subjects.end() || g.role == Role::source) continue;
      const bool placed = english ? g.begin >= subject_end : (g.begin >= subject_end && g.end <= trigger.begin);
      if (placed) others.push_back(&g);
    }
    if (const Group* o = nearest(others)) {
      for (const auto* s : subjects)
        for (const auto* a : members(*s))
          for (const auto* b : members(*o)) add(*a, *b, 0.75);
      return;
    }
  }
  // One coordinated group: everyone in it with everyone ("A, B, C가 MOU를
  // 체결"), unless they are affiliates of one group, whose partner is the
  // article's counterpart ("삼성SDS, 삼성물산 등이 LOI를 체결").
  // Context phrases ("삼성그룹에선") are not parties.
  std::vector<const Group*> parties;
  for (const auto& g : groups)
    if (g.role != Role::other) parties.push_back(&g);
  const Group* only = parties.size() == 1 && parties.front()->units.size() >= 2 ? parties.front() : nullptr;
  std::vector<const Unit*> solo;
  if (trigger.cue->weak) return;  // a generic word needs its partner in the sentence
  if (only) {
    auto m = members(*only);
    const auto* p0 = entry(*m[0]);
    const bool siblings = p0 && !p0->parent.empty() && std::all_of(m.begin(), m.end(), [&](const Unit* u) {
                            return entry(*u) && entry(*u)->parent == p0->parent;
                          });
    // Joint work is between the members themselves ("삼성물산과 삼성중공업은 공동 개발에 나선다").
    const bool joint = type == RelationType::joint_development || type == RelationType::joint_venture ||
                       type == RelationType::merger;
    if (headline_ && !joint) return;  // "삼성·SK, 전방위 협력": parallel actors, not partners
    if (!siblings || joint) {
      for (std::size_t i = 0; i < m.size(); ++i)
        for (std::size_t j = i + 1; j < m.size(); ++j) add(*m[i], *m[j], 0.8);
      return;
    }
    solo = m;
  } else if (parties.size() == 1) {
    solo = members(*parties.front());
  }
  if (english) return;
  for (const auto* a : solo) {
    auto it = counterpart_.find(key(*a));
    if (it != counterpart_.end()) {
      add(*a, it->second, 0.5);
    } else if (!last_pair_.empty()) {
      for (const auto& p : last_pair_)
        if (key(p) != key(*a) && !(entry(p) && entry(*a) && entry(p)->parent == entry(*a)->parent)) {
          add(*a, p, 0.45);
          break;
        }
    }
  }
}

// Affiliates and their groups: only where the sentence says so ("삼성 계열
// 4개사", "SK그룹에선 SK텔레콤이", "ARM의 최대 주주"), and only for pairs the
// gazetteer knows or the sentence's grammar names.
void DocumentState::relate_subsidiaries(const std::vector<Unit>& units, const std::vector<Group>& groups,
                                        const std::vector<CueHit>& cues, std::vector<FoundRelation>& out) {
  bool cued = false, reverse = false;
  std::size_t reverse_begin = 0, reverse_end = 0;
  std::string cue_text;
  for (const auto& h : cues) {
    if (h.cue->kind == Compiled::CueKind::trigger && h.cue->label == static_cast<int>(RelationType::subsidiary_of))
      cued = true, cue_text = h.cue->text;
    if (h.cue->kind == Compiled::CueKind::direction && h.cue->label == static_cast<int>(RelationType::subsidiary_of))
      reverse = true, reverse_begin = h.begin, reverse_end = h.end;
  }
  for (const auto& u : units) {  // "SK그룹에선 SK텔레콤이"
    const auto* e = entry(u);
    const auto rest = text_.substr(u.begin, u.end - u.begin);
    if (e && e->kind == EntityKind::group && (rest.ends_with("에선") || rest.ends_with("에서는")))
      cued = true, cue_text = "에선";
  }
  if (!cued) return;
  std::set<std::pair<std::string, std::string>> done;
  auto add = [&](const Unit& child, const Unit& parent, double conf) {
    if (key(child) == key(parent) || !done.insert({key(child), key(parent)}).second) return;
    out.push_back({RelationType::subsidiary_of, ref(child), ref(parent), Status::done, conf, cue_text});
  };
  for (const auto& a : units)
    for (const auto& b : units)
      if (entry(a) && entry(b) && is_ancestor(entry(a), entry(b))) add(a, b, 0.9);
  if (reverse) {
    // "소프트뱅크는 ARM의 최대 주주다": the subject is the parent; but "ARM을
    // 보유한 소프트뱅크": the name the clause modifies, right after the cue, is.
    const Group* parent = nullptr;
    const Group* child = nullptr;
    for (const auto& g : groups) {
      if (g.begin >= reverse_end && g.begin - reverse_end < 24 && !parent) parent = &g;
      if ((g.role == Role::possessive || g.role == Role::object) && g.end <= reverse_begin) child = &g;
    }
    for (const auto& g : groups)
      if (g.role == Role::subject && !parent && g.end <= reverse_begin) parent = &g;
    if (parent && child)
      for (auto c : child->units)
        for (auto p : parent->units) add(units[c], units[p], 0.75);
  }
}

void DocumentState::remember(const std::vector<FoundRelation>& found, const std::vector<Unit>& units,
                             const std::vector<Group>& groups) {
  for (const auto& g : groups)
    if (g.role == Role::subject) {
      last_subject_ = units[g.units.front()];
      break;
    }
  for (const auto& r : found) {
    if (r.type == RelationType::subsidiary_of) continue;
    auto find_unit = [&](const EntityRef& e) -> std::optional<Unit> {
      for (const auto& u : units)
        if (ref(u).name == e.name) return u;
      return std::nullopt;
    };
    auto a = find_unit(r.source), b = find_unit(r.target);
    if (!a || !b) continue;
    if (is_project(*a) || is_project(*b)) continue;
    counterpart_[key(*a)] = *b;
    counterpart_[key(*b)] = *a;
    last_pair_ = {*a, *b};
  }
}

// "협력 LOI를 체결": a generic partnership says nothing the specific relation
// between the same two does not.
void DocumentState::drop_outranked(std::vector<FoundRelation>& found) const {
  auto pair_of = [](const FoundRelation& r) { return std::minmax(r.source.name, r.target.name); };
  std::set<std::pair<std::string, std::string>> specific;
  for (const auto& r : found)
    if (!r.weak && r.type != RelationType::subsidiary_of) specific.insert(pair_of(r));
  std::erase_if(found, [&](const FoundRelation& r) { return r.weak && specific.count(pair_of(r)); });
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
  for (const auto& s : sentences) {
    auto units = find_units(s);
    for (const auto& u : units) ++mention_counts_[key(u)];
    units_of_sentence_.insert_or_assign({s.begin, s.end}, std::move(units));
  }
}

std::vector<FoundRelation> DocumentState::analyse(const Sentence& s) {
  std::vector<FoundRelation> found;
  sentence_begin_ = s.begin;
  auto cues = find_cues(s);
  std::vector<Unit> units;
  if (auto it = units_of_sentence_.find({s.begin, s.end}); it != units_of_sentence_.end()) units = std::move(it->second);
  else units = find_units(s);
  const bool english = is_english_sentence(text_.substr(s.begin, s.end - s.begin));
  find_candidates(s, english, units);
  merge_people(units);
  find_references(s, cues, units);
  // Media are sources, never partners: drop them before pairing.
  std::erase_if(units, [&](const Unit& u) { return entry(u) && entry(u)->kind == EntityKind::media; });
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
  auto groups = group_units(s, units);
  if (english) assign_english_roles(s, units, groups, cues);
  if (debug_) trace(s, units, groups, cues);
  for (const auto& h : cues)
    if (h.cue->kind == Compiled::CueKind::trigger) relate(h, units, groups, cues, english, found);
  relate_subsidiaries(units, groups, cues, found);
  drop_outranked(found);
  // One relation per (type, pair) and sentence: the first trigger's reading.
  std::vector<FoundRelation> unique;
  std::set<std::tuple<RelationType, std::string, std::string>> keys;
  for (auto& r : found) {
    auto a = r.source.name, b = r.target.name;
    if (!is_directed(r.type) && b < a) std::swap(a, b);
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
