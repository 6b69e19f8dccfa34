// Offices of a country: "Japan's trade minister" is Japan's trade ministry,
// and "the country's science minister" the science ministry of the country
// the article last named. Which title is which ministry is data (offices.tsv).
#include "extract/sentence_analysis.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "aikg/text.hpp"
#include "extract/script.hpp"
#include "text/tsv.hpp"

namespace aikg::detail {

namespace {

constexpr std::string_view kGovernmentOf = "Government of ";

// A country's government is named "Government of X" (data/gazetteer/README.md).
bool is_country_government(const GazetteerEntry& e) {
  return e.kind == EntityKind::government && std::string_view(e.name).starts_with(kGovernmentOf);
}

// The words a government's aliases give its country: "Japanese" from
// "Japanese government", "Japan" from "Government of Japan", 일본 from "일본 정부".
std::vector<std::string> country_words(const GazetteerEntry& government) {
  std::vector<std::string> words;
  auto add = [&](std::string_view w) {
    if (!w.empty() && std::find(words.begin(), words.end(), w) == words.end()) words.emplace_back(w);
  };
  for (std::string_view a : government.aliases) {
    if (a.ends_with(" government")) add(a.substr(0, a.size() - std::string_view(" government").size()));
    if (a.ends_with(" 정부")) add(a.substr(0, a.size() - std::string_view(" 정부").size()));
    if (a.starts_with(kGovernmentOf)) {
      auto country = a.substr(kGovernmentOf.size());
      if (country.starts_with("the ")) country.remove_prefix(4);
      add(country);
    }
  }
  return words;
}

// Whether `name` holds `words` as whole words ("Ministry of Economy, Trade and Industry" holds "Trade").
bool holds_words(std::string_view name, std::string_view words) {
  auto letter = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
  for (auto at = name.find(words); at != std::string_view::npos; at = name.find(words, at + 1)) {
    const auto end = at + words.size();
    if ((at == 0 || !letter(name[at - 1])) && (end == name.size() || !letter(name[end]))) return true;
  }
  return false;
}

// Whether the name ending at `end` ends there: no letter or digit follows
// (a Korean word may go on with its particle, checked by the caller).
bool ends_word(std::string_view text, std::size_t end, std::size_t limit) {
  if (end >= limit) return true;
  const auto script = script_of(code_point_at(text, end));
  return script != Script::latin && script != Script::digit && script != Script::han && script != Script::other;
}

}  // namespace

void Compiled::add_offices(const std::vector<GazetteerEntry>& entries, const Lexicon& lexicon) {
  std::vector<std::string> ministry_words;
  std::set<std::string> generic;  // common words that are no country (우리 of "우리 정부")
  for (const auto& e : lexicon.list("common_words"))
    if (e.label != "place") generic.insert(alias_key(e.cue));
  for (const auto& e : lexicon.list("offices"))
    if (e.label == "ministry_word") ministry_words.push_back(e.cue);
  // Each country's ministries: bodies of kind government right under its government.
  std::map<std::string_view, std::vector<std::uint32_t>> ministries;
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    if (e.kind == EntityKind::government && !e.parent.empty() &&
        std::any_of(ministry_words.begin(), ministry_words.end(), [&](const auto& w) { return holds_words(e.name, w); }))
      ministries[e.parent].push_back(i);
  }
  auto holder = [&](std::uint32_t government, std::string_view words) {
    if (words == "-" || words.empty()) return government;
    const auto it = ministries.find(entries[government].name);
    if (it == ministries.end()) return government;
    for (const auto& w : split_list(words, '|'))
      for (auto m : it->second)
        if (holds_words(entries[m].name, w)) return m;
    return government;
  };
  country_government.assign(entries.size(), false);
  for (std::uint32_t g = 0; g < entries.size(); ++g) {
    if (!is_country_government(entries[g])) continue;
    country_government[g] = true;
    std::size_t office = 0;
    for (const auto& e : lexicon.list("offices"))
      if (e.label == "office") office_holders[{g, office++}] = holder(g, e.scope);
    for (const auto& w : country_words(entries[g]))
      if (is_ascii(w) || !generic.contains(alias_key(w))) countries.add(w, g);
  }
  for (const auto& e : lexicon.list("offices")) {
    if (e.label == "office") offices.add(e.cue, static_cast<std::uint32_t>(office_count++));
    if (e.label == "country_reference") country_references.add(e.cue, e.scope == "nearest" ? 1 : 0);
    if (e.label == "former") former_words.push_back(e.cue);
    if (e.label == "country")
      for (std::uint32_t g = 0; g < entries.size(); ++g)
        if (entries[g].name == e.scope && country_government[g]) countries.add(e.cue, g);
  }
}

// The government of the country `u` is a body of ("Ministry of Science and
// ICT", "Japanese Prime Minister"), or -1.
int DocumentState::country_of(const Unit& u) const {
  const auto* e = entry(u);
  for (int depth = 0; e && depth < 5; ++depth) {
    const auto index = static_cast<std::size_t>(e - g_.entries().data());
    if (c_.country_government[index]) return static_cast<int>(index);
    e = e->parent.empty() ? nullptr : g_.by_name(e->parent);
  }
  return -1;
}

// What the sentence names, in order, with the country each stands for (-1:
// an organisation of no country): a country's word ("Japan", "일본은") or a
// body of its state.
std::vector<DocumentState::CountryMention> DocumentState::country_mentions(const Sentence& s,
                                                                           const std::vector<Unit>& units) const {
  std::vector<CountryMention> out;
  for (const auto& u : units)
    if (!u.implicit) out.push_back({u.begin, u.end, country_of(u), false});
  for (std::size_t i = s.begin; i < s.end;) {
    std::size_t next = i;
    next_code_point(text_, next);
    // The cheap filter first: this walks every character of every sentence.
    if (!c_.countries.may_start(text_, i)) {
      i = next;
      continue;
    }
    const bool starts = !is_word_char(code_point_before(text_, i));
    const bool inside = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.begin <= i && i < u.end; });
    std::vector<PhraseMatcher::Hit> hits;
    if (starts && !inside) c_.countries.match_at(text_.substr(0, s.end), i, hits);
    for (auto h = hits.rbegin(); h != hits.rend(); ++h) {
      const bool korean_particle = is_hangul_syllable(code_point_at(text_, h->end)) &&
                                   particle_role(text_.substr(h->end, hangul_run_end(text_, h->end, s.end) - h->end));
      if (!ends_word(text_, h->end, s.end) && !korean_particle) continue;
      out.push_back({i, h->end, static_cast<int>(h->payloads->front()), true});
      next = h->end;
      break;
    }
    i = next;
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

// The office named at `pos` (after a country's word or a reference to one):
// its row in offices.tsv and where it ends, if one is there.
std::optional<std::pair<std::size_t, std::size_t>> DocumentState::office_at(std::size_t pos, std::size_t limit) const {
  for (std::string_view possessive : {"'s", "’s", "의"})
    if (text_.substr(pos, limit - pos).starts_with(possessive)) {
      pos += possessive.size();
      break;
    }
  if (pos >= limit || text_[pos] != ' ') return std::nullopt;
  ++pos;
  std::vector<PhraseMatcher::Hit> hits;
  c_.offices.match_at(text_.substr(0, limit), pos, hits);
  for (auto h = hits.rbegin(); h != hits.rend(); ++h) {
    const auto run = hangul_run_end(text_, h->end, limit);
    if (ends_word(text_, h->end, limit) && (run == h->end || particle_role(text_.substr(h->end, run - h->end))))
      return std::pair{static_cast<std::size_t>(h->payloads->front()), h->end};
  }
  return std::nullopt;
}

// "former French Finance Minister", "전 일본 재무장관", "ex-trade minister": the
// word before says the person no longer holds the office.
bool DocumentState::after_former(std::size_t pos, std::size_t limit) const {
  std::size_t b = pos;
  while (b > limit && text_[b - 1] == ' ') --b;
  std::size_t a = b;
  while (a > limit && text_[a - 1] != ' ') --a;
  std::string word(text_.substr(a, b - a));
  for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  // "ex-" is glued to what follows.
  const auto glued = text_.substr(limit, pos - limit);
  return std::any_of(c_.former_words.begin(), c_.former_words.end(), [&](const std::string& f) {
    return word == f || (f.ends_with('-') && glued.ends_with(f));
  });
}

// "Japan's trade minister", "일본 재무장관": the office of the country named;
// "the country's science minister", "해당국 재무장관": of the country named
// last (earlier in the sentence, or before); "its trade minister": of the
// country named right before. No country named: no office.
void DocumentState::find_offices(const Sentence& s, std::vector<Unit>& units) {
  const auto named = country_mentions(s, units);
  std::vector<Unit> found;
  auto add = [&](std::size_t begin, int government, std::size_t after) {
    const auto office = office_at(after, s.end);
    if (government < 0 || !office || after_former(begin, s.begin)) return;
    const auto holder = c_.office_holders.find({static_cast<std::uint32_t>(government), office->first});
    if (holder == c_.office_holders.end()) return;
    Unit u;
    u.begin = begin;
    u.entry = static_cast<int>(holder->second);
    bool deung = false, titled = false;
    u.role = read_tail(office->second, s.end, u.end, deung, titled);
    // A name inside the office is the office's own word ("상무부" of "중국의
    // 상무부", which alone is the US one): the country before it says whose.
    auto inside = [&](const Unit& o) { return u.begin <= o.begin && o.end <= u.end; };
    if (std::any_of(units.begin(), units.end(), [&](const Unit& o) { return o.begin < u.end && u.begin < o.end && !inside(o); }))
      return;
    std::erase_if(units, inside);
    found.push_back(u);
  };
  for (const auto& m : named)
    if (m.word) add(m.begin, m.government, m.end);
  for (std::size_t i = s.begin; i < s.end; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80 || !c_.country_references.may_start(text_, i)) continue;
    if (is_word_char(code_point_before(text_, i))) continue;
    std::vector<PhraseMatcher::Hit> hits;
    c_.country_references.match_at(text_.substr(0, s.end), i, hits);
    if (hits.empty() || !ends_word(text_, hits.back().end, s.end)) continue;
    const bool nearest = hits.back().payloads->front() == 1;
    const CountryMention* before = nullptr;
    for (const auto& m : named)
      if (m.end <= i) before = &m;
    int government = -1;
    if (nearest) {
      // "Germany ... . Its finance ministry": the last name of the sentence before.
      government = before ? before->government : last_named_.value_or(-1);
    } else {
      for (const auto& m : named)
        if (m.end <= i && m.government >= 0) government = m.government;
      if (government < 0 && last_country_) government = static_cast<int>(*last_country_);
      if (government < 0 && salient_country_) government = static_cast<int>(*salient_country_);
    }
    add(i, government, hits.back().end);
  }
  units.insert(units.end(), found.begin(), found.end());
  std::sort(units.begin(), units.end(), [](const Unit& a, const Unit& b) { return a.begin < b.begin; });
  const auto after = found.empty() ? named : country_mentions(s, units);
  for (const auto& m : after)
    if (m.government >= 0) last_country_ = static_cast<std::uint32_t>(m.government);
  if (!after.empty()) last_named_ = after.back().government;
}

// The article's country: the only one it names (a country's word, or a body
// of its state), so "the country's science minister" in a lead that names
// the country only later is still that country's. Two countries: none.
void DocumentState::find_salient_country(const std::vector<Sentence>& sentences) {
  std::optional<int> only;
  for (const auto& s : sentences) {
    const auto it = units_of_sentence_.find({s.begin, s.end});
    for (const auto& m : country_mentions(s, it == units_of_sentence_.end() ? std::vector<Unit>{} : it->second)) {
      if (m.government < 0) continue;
      if (only && *only != m.government) return;
      only = m.government;
    }
  }
  if (only) salient_country_ = static_cast<std::uint32_t>(*only);
}

}  // namespace aikg::detail
