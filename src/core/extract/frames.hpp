// Case frames (data/lexicon/frames.tsv): for each frame, the ends of the
// relation a trigger signals and the roles that fill each end, tier by tier.
// The pairing rules (relate.cpp, deals.cpp) read their parties through these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aikg/lexicon.hpp"

namespace aikg::detail {

// The grammatical role a particle (or, in English, a preposition or position)
// gives a name.
enum class Role { none, subject, partner, recipient, source, possessive, object, other, marker };

// One filler of a frame's end: a role, or any project the sentence names.
struct Filler {
  Role role = Role::none;
  bool right_after = false;  // "source+": only right after the trigger ("backed by A")
  bool right_before = false; // "possessive-": only right before it ("A's takeover", "A의 인수")
  bool project = false;      // "project": a project or alliance named in the sentence
  bool goods = false;        // "goods": goods (grammar.tsv) named in the trigger's clause
  bool operator==(const Filler&) const = default;
};
using Tier = std::vector<Filler>;

struct FrameEnd {
  std::string name;         // source, target, party, member, project, agent, owner
  std::vector<Tier> tiers;  // by preference
  std::string origin;       // "frames.tsv:LINE" of its row, for tests and errors
  std::vector<Role> roles() const;  // every plain role of every tier
  bool takes(Role r) const;         // whether some tier has it
};

struct Frame {
  std::string name;
  std::vector<FrameEnd> ends;  // in file order
  bool has(std::string_view end) const;
  // The end called `end`; throws DataError if the frame has none (a code/data mismatch).
  const FrameEnd& at(std::string_view end) const;
};

Role role_from_label(std::string_view label);

class Frames {
 public:
  // Throws DataError (with file:line) on an unknown role or a malformed row.
  explicit Frames(const Lexicon& lexicon);
  // The frame called `name`; throws DataError if there is none.
  const Frame& at(std::string_view name) const;
  const std::vector<Frame>& all() const { return frames_; }

 private:
  std::vector<Frame> frames_;
};

}  // namespace aikg::detail
