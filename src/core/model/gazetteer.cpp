#include "aikg/gazetteer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "aikg/error.hpp"
#include "aikg/text.hpp"
#include "text/embedded.hpp"
#include "text/tsv.hpp"

namespace aikg {

Gazetteer Gazetteer::builtin() {
  Gazetteer g;
  for (const auto& f : detail::embedded_under("data/gazetteer/")) g.add_tsv(f.bytes, f.path);
  return g;
}

void Gazetteer::add_tsv(std::string_view tsv, std::string_view origin) {
  for (const auto& row : detail::parse_tsv(tsv)) {
    const auto where = fmt::format("{}:{}", origin, row.line);
    if (row.fields.size() < 2 || row.fields.size() > 6)
      throw DataError(fmt::format(
          "{}: expected 5 or 6 tab-separated columns (name, kind, parent, ko, en[, source]), got {}", where,
          row.fields.size()));
    if (find_invalid_utf8(row.fields[0])) throw DataError(where + ": invalid UTF-8");
    GazetteerEntry e;
    e.name = to_nfc(row.fields[0]);
    if (e.name.empty()) throw DataError(where + ": empty name");
    const auto kind = parse_entity_kind(row.fields[1]);
    if (!kind) throw DataError(fmt::format("{}: unknown kind '{}'", where, row.fields[1]));
    e.kind = *kind;
    if (row.fields.size() > 2) e.parent = to_nfc(row.fields[2]);
    for (std::size_t col = 3; col < std::min<std::size_t>(row.fields.size(), 5); ++col) {
      if (find_invalid_utf8(row.fields[col])) throw DataError(where + ": invalid UTF-8");
      for (auto& a : detail::split_list(row.fields[col], '|')) e.aliases.push_back(to_nfc(a));
    }
    // The optional source note is for readers of the file, not for matching.
    if (row.fields.size() > 5 && find_invalid_utf8(row.fields[5]))
      throw DataError(where + ": invalid UTF-8 in the source column");
    add(std::move(e));
  }
}

void Gazetteer::add_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DataError(fmt::format("{}: cannot read gazetteer file", path.string()));
  std::stringstream ss;
  ss << in.rdbuf();
  add_tsv(ss.str(), path.string());
}

void Gazetteer::add(GazetteerEntry e) {
  std::size_t index;
  if (auto it = by_name_.find(e.name); it != by_name_.end()) {
    index = it->second;
    auto& existing = entries_[index];
    existing.kind = e.kind;
    if (!e.parent.empty()) existing.parent = e.parent;
    for (auto& a : e.aliases)
      if (std::find(existing.aliases.begin(), existing.aliases.end(), a) == existing.aliases.end())
        existing.aliases.push_back(std::move(a));
  } else {
    index = entries_.size();
    if (std::find(e.aliases.begin(), e.aliases.end(), e.name) == e.aliases.end())
      e.aliases.insert(e.aliases.begin(), e.name);
    by_name_.emplace(e.name, index);
    entries_.push_back(std::move(e));
  }
  // Later files win an alias: a user's gazetteer can re-point an alias.
  for (const auto& a : entries_[index].aliases) by_key_[alias_key(a)] = index;
}

const GazetteerEntry* Gazetteer::find(std::string_view name_or_alias) const {
  if (auto* e = by_name(name_or_alias)) return e;
  const auto it = by_key_.find(alias_key(name_or_alias));
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const GazetteerEntry* Gazetteer::by_name(std::string_view canonical) const {
  const auto it = by_name_.find(std::string(canonical));
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

}  // namespace aikg
