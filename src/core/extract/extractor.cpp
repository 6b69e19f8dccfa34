// The rule-based extractor. For each article: find its article lines and
// sentences, find the organisations (gazetteer aliases with Korean particles,
// people standing for their organisations, back-references), group them by
// coordination, give each group a grammatical role from its particle (or its
// position in English), then let each relation trigger pair the groups by
// role, and give each relation the status of its clause.
#include "aikg/extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "aikg/text.hpp"
#include "extract/document.hpp"
#include "extract/phrase_matcher.hpp"
#include "extract/sentence_analysis.hpp"

namespace aikg {

using detail::Compiled;

struct Extractor::Impl {
  Gazetteer gazetteer;
  Lexicon lexicon;
  Compiled compiled;
  detail::BoilerplateFilter boilerplate;
  Impl(Gazetteer g, Lexicon l)
      : gazetteer(std::move(g)), lexicon(std::move(l)), compiled(gazetteer, lexicon), boilerplate(lexicon) {}
};

Extractor::Extractor(Gazetteer gazetteer, Lexicon lexicon)
    : impl_(std::make_unique<Impl>(std::move(gazetteer), std::move(lexicon))) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Gazetteer& Extractor::gazetteer() const { return impl_->gazetteer; }
const Lexicon& Extractor::lexicon() const { return impl_->lexicon; }

namespace {

// Code-point offsets for the evidence rows, computed incrementally because
// sentences come in text order.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view text) : text_(text) {}
  std::size_t at(std::size_t byte) {
    if (byte < byte_) byte_ = 0, cp_ = 0;
    cp_ += count_code_points(text_.substr(byte_, byte - byte_));
    byte_ = byte;
    return cp_;
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0, cp_ = 0;
};

std::string mention_id(const std::string& content_hash, const Mention& m) {
  return stable_hash(fmt::format("{}|{}|{}|{}|{}|{}", content_hash, m.begin, m.end, name(m.type), m.source.name,
                                 m.target.name));
}

// The sentence as evidence stores it: whole, or cut before kMaxEvidenceBytes
// after its last whole word (at a character boundary if one word is longer)
// with an ellipsis.
std::string evidence_text(std::string_view sentence) {
  if (sentence.size() <= kMaxEvidenceBytes) return std::string(sentence);
  std::size_t cut = sentence.rfind(' ', kMaxEvidenceBytes);
  if (cut == std::string_view::npos || cut == 0) {
    cut = kMaxEvidenceBytes;
    while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(sentence.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

// A relation stated without any status cue (a headline, "A와 B의 협력") takes
// the status the same article states for it elsewhere ("납품하게 된다"), so
// that a bare mention does not pass for a signed deal.
void adopt_stated_status(std::vector<Mention>& mentions, const std::vector<bool>& defaulted) {
  std::map<std::tuple<RelationType, std::string, std::string>, Status> stated;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (defaulted[i]) continue;
    const auto& m = mentions[i];
    auto [it, inserted] = stated.try_emplace({m.type, m.source.name, m.target.name}, m.status);
    if (!inserted && rank(m.status) < rank(it->second)) it->second = m.status;
  }
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    if (!defaulted[i]) continue;
    auto& m = mentions[i];
    if (auto it = stated.find({m.type, m.source.name, m.target.name}); it != stated.end()) m.status = it->second;
  }
}

}  // namespace

DocumentMentions Extractor::extract(const Article& article) const {
  DocumentMentions out;
  out.article = article;
  out.content_hash = stable_hash(article.text);
  const std::string_view text = article.text;
  if (!article.published.empty())
    out.date = article.published;
  else if (auto d = detail::find_document_date(text))
    out.date = *d;

  detail::DocumentState state(impl_->compiled, impl_->gazetteer, text);
  std::vector<detail::Sentence> sentences;
  for (auto [b, e] : impl_->boilerplate.article_lines(text)) {
    auto s = detail::split_sentences(text, b, e);
    sentences.insert(sentences.end(), s.begin(), s.end());
  }
  sentences = state.split_glued_headlines(sentences);
  state.count_mentions(sentences);

  out.char_count = count_code_points(text);
  CodePointCounter cp(text);
  std::set<std::string> seen;
  std::vector<bool> defaulted;  // parallel to out.mentions
  for (const auto& s : sentences) {
    const std::string_view sentence_text = text.substr(s.begin, s.end - s.begin);
    auto found = state.analyse(s);
    if (found.empty()) continue;
    std::string date = out.date;
    if (auto d = detail::resolve_day_reference(sentence_text, out.date)) date = *d;
    const std::size_t begin = cp.at(s.begin), end = cp.at(s.end);
    const std::string evidence = evidence_text(sentence_text);
    std::size_t kept = 0;
    for (auto& r : found) {
      if (kept == kMaxMentionsPerSentence) break;
      Mention m;
      m.type = r.type;
      m.source = r.source;
      m.target = r.target;
      if (!is_canonical_pair(m.type, m.source.name, m.target.name)) std::swap(m.source, m.target);
      m.status = r.status;
      m.confidence = r.confidence;
      m.sentence = evidence;
      m.begin = begin;
      m.end = end;
      m.date = date;
      m.cue = r.cue;
      m.id = mention_id(out.content_hash, m);
      if (seen.insert(m.id).second) {
        out.mentions.push_back(std::move(m));
        defaulted.push_back(r.defaulted);
        ++kept;
      }
    }
  }
  adopt_stated_status(out.mentions, defaulted);
  return out;
}

Extractor make_default_extractor(const std::vector<std::string>& extra_gazetteers) {
  auto g = Gazetteer::builtin();
  for (const auto& f : extra_gazetteers) g.add_file(f);
  return Extractor(std::move(g), Lexicon::builtin());
}

}  // namespace aikg
