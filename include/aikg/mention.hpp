// A relation mention: what the extractor finds in one sentence of one article,
// and what the store keeps as evidence. Plain values, serialisable as one JSON
// line (the `aikg extract` output that `aikg ingest --mentions` reads back).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aikg/article.hpp"
#include "aikg/taxonomy.hpp"

namespace aikg {

struct EntityRef {
  std::string name;  // canonical name (gazetteer) or the surface form (candidate)
  EntityKind kind = EntityKind::company;
  bool candidate = false;  // not in the gazetteer: kept with lower confidence
  bool operator==(const EntityRef&) const = default;
};

struct Mention {
  std::string id;  // stable: hash of document hash, offsets, type, source, target
  RelationType type = RelationType::partnership;
  EntityRef source;  // for undirected types: the smaller name
  EntityRef target;
  Status status = Status::done;
  double confidence = 0.0;  // [0, 1], see docs/extraction.md
  std::string sentence;     // the evidence sentence, as in the text
  std::size_t begin = 0;    // code-point offsets of the sentence in the text
  std::size_t end = 0;
  std::string date;         // ISO date the sentence refers to (or the document's), may be empty
  std::string cue;          // the trigger that fired, for explanations
};

// Everything the extractor produced for one article, plus the article's
// metadata: one record of `aikg extract` output.
struct DocumentMentions {
  Article article;           // text may be dropped in the JSON form
  std::string content_hash;  // stable_hash of the normalised text
  std::string date;          // document date (metadata or found in the text)
  std::size_t char_count = 0;  // code points of the text (kept when the text is dropped)
  std::vector<Mention> mentions;
};

std::string to_json_line(const DocumentMentions& d);
// The same line appended to `out` (no newline), so a writer can reuse one buffer.
void append_json_line(std::string& out, const DocumentMentions& d);
// Parses one line of `aikg extract` output. Returns nullopt and sets `why` on failure.
std::optional<DocumentMentions> parse_mentions_line(std::string_view line, std::string* why);

}  // namespace aikg
