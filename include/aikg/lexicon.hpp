// Cue lists for the extractor, loaded from data/lexicon/*.tsv. Each file is one
// list of (label, cue) rows; what a label means depends on the list:
//
//   triggers.tsv     relation type  cue that signals it (e.g. "mou  양해각서")
//   status.tsv       status         cue that sets a clause's status
//   direction.tsv    relation type  cue that puts a trigger in another case frame (receive)
//   frames.tsv       frame          case frames: the roles that fill each end of a relation
//   josa.tsv         role           particle form (subject, comitative, ...)
//   titles.tsv       -              titles that follow a person's name
//   boilerplate.tsv  kind           line markers of non-article text
//   references.tsv   pair|last      words that refer back (양사, the company)
//   candidates.tsv   kind           how unknown organisations look (suffixes, stop words)
//   grammar.tsv      list           clause endings, list words and nouns the extractor reads by
//   prepositions.tsv role           English prepositions and the role they give a name
//   synonyms.tsv     word           another form of a word inside Korean names (AI: 인공지능)
//
// A cue in ASCII matches case-insensitively at word boundaries; a trailing '*'
// lets it match as a prefix ("invest*"). Other cues match as substrings.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aikg {

struct LexEntry {
  std::string label;
  std::string cue;
  std::string scope;   // optional third column (status.tsv: clause or sentence)
  std::string origin;  // "file:line", for error messages
};

class Lexicon {
 public:
  // The lists built into the binary.
  static Lexicon builtin();

  // Adds the rows of one TSV text to list `name`. Throws DataError on a
  // malformed row or a label the list does not accept.
  void add_tsv(std::string_view name, std::string_view tsv, std::string_view origin);
  // The same, replacing the list's rows instead of adding to them.
  void replace_tsv(std::string_view name, std::string_view tsv, std::string_view origin);

  // The rows of a list, in file order; empty when the list is unknown.
  const std::vector<LexEntry>& list(std::string_view name) const;

 private:
  std::map<std::string, std::vector<LexEntry>, std::less<>> lists_;
};

}  // namespace aikg
