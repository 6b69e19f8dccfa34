// The gazetteer: known organisations, projects, media and people, with their
// Korean and English aliases. Loaded from TSV data files (data/gazetteer/),
// never hard-coded. Format of each file (tab-separated, '#' starts a comment):
//
//   name  kind  parent  ko_aliases  en_aliases  [source]
//
// `name` is the canonical English name; `kind` one of company, group,
// government, project, person, media, other; `parent` the canonical name of the
// business group (for affiliates) or of the organisation a person leads (for
// people), or empty; aliases are '|'-separated. The canonical name is always an
// alias of itself. The optional sixth column is a short source note for a fact
// a reader could doubt ("acquired by AMD in 2024"); it is checked for
// valid UTF-8 and otherwise ignored.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aikg/taxonomy.hpp"

namespace aikg {

struct GazetteerEntry {
  std::string name;
  EntityKind kind = EntityKind::company;
  std::string parent;                // canonical name or empty
  std::vector<std::string> aliases;  // NFC, as written (includes `name`)
};

class Gazetteer {
 public:
  // The gazetteer built into the binary (data/gazetteer/*.tsv at build time).
  static Gazetteer builtin();

  // Adds the entries of one TSV text. Entries whose name already exists are
  // merged (aliases added; kind and parent replaced when given). Throws
  // DataError naming `origin` and the line on malformed input.
  void add_tsv(std::string_view tsv, std::string_view origin);
  void add_file(const std::filesystem::path& path);
  void add(GazetteerEntry e);

  // Looks up a canonical name or any alias (case-insensitive, NFC, spaces ignored).
  const GazetteerEntry* find(std::string_view name_or_alias) const;
  const GazetteerEntry* by_name(std::string_view canonical) const;

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_name_;  // canonical -> index
  std::unordered_map<std::string, std::size_t> by_key_;   // alias_key -> index
};

}  // namespace aikg
