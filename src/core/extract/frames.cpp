#include "extract/frames.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aikg/error.hpp"

namespace aikg::detail {
namespace {

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
  std::vector<std::string_view> parts;
  for (std::size_t at; (at = s.find(sep)) != std::string_view::npos; s.remove_prefix(at + sep.size()))
    if (at > 0) parts.push_back(s.substr(0, at));
  if (!s.empty()) parts.push_back(s);
  return parts;
}

Filler parse_filler(std::string_view word, const std::string& origin) {
  Filler f;
  if (word == "project" || word == "goods") {
    (word == "project" ? f.project : f.goods) = true;
    return f;
  }
  if (word.ends_with('+')) f.right_after = true, word.remove_suffix(1);
  else if (word.ends_with('-')) f.right_before = true, word.remove_suffix(1);
  f.role = role_from_label(word);
  if (word == "none") f.role = Role::none;
  else if (f.role == Role::other && word != "other") throw DataError(fmt::format("{}: '{}' is not a role", origin, word));
  if (f.role == Role::marker) throw DataError(fmt::format("{}: a marker fills no end", origin));
  return f;
}

}  // namespace

Role role_from_label(std::string_view label) {
  if (label == "subject") return Role::subject;
  if (label == "partner") return Role::partner;
  if (label == "recipient") return Role::recipient;
  if (label == "source") return Role::source;
  if (label == "possessive") return Role::possessive;
  if (label == "object") return Role::object;
  if (label == "marker") return Role::marker;
  if (label == "none") return Role::none;
  return Role::other;
}

std::vector<Role> FrameEnd::roles() const {
  std::vector<Role> rs;
  for (const auto& tier : tiers)
    for (const auto& f : tier)
      if (!f.project && !f.goods) rs.push_back(f.role);
  return rs;
}

bool FrameEnd::takes(Role r) const {
  const auto rs = roles();
  return std::find(rs.begin(), rs.end(), r) != rs.end();
}

bool Frame::has(std::string_view end) const {
  return std::any_of(ends.begin(), ends.end(), [&](const FrameEnd& e) { return e.name == end; });
}

const FrameEnd& Frame::at(std::string_view end) const {
  for (const auto& e : ends)
    if (e.name == end) return e;
  throw DataError(fmt::format("frames.tsv: frame '{}' has no end '{}'", name, end));
}

Frames::Frames(const Lexicon& lexicon) {
  for (const auto& row : lexicon.list("frames")) {
    FrameEnd end{row.cue, {}, row.origin};
    for (auto tier_text : split(row.scope, " > ")) {
      Tier tier;
      for (auto word : split(tier_text, " ")) tier.push_back(parse_filler(word, row.origin));
      end.tiers.push_back(std::move(tier));
    }
    if (end.tiers.empty()) throw DataError(row.origin + ": an end needs at least one filler");
    auto frame = std::find_if(frames_.begin(), frames_.end(), [&](const Frame& f) { return f.name == row.label; });
    if (frame == frames_.end()) frame = frames_.insert(frames_.end(), Frame{row.label, {}});
    frame->ends.push_back(std::move(end));
  }
}

const Frame& Frames::at(std::string_view name) const {
  for (const auto& f : frames_)
    if (f.name == name) return f;
  throw DataError(fmt::format("frames.tsv: no frame '{}'", name));
}

}  // namespace aikg::detail
