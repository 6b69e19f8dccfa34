#include "extract/phrase_matcher.hpp"

#include "aikg/text.hpp"

namespace aikg::detail {

namespace {
std::uint64_t edge_key(std::uint32_t node, char32_t c) {
  return (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(c);
}
}  // namespace

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload) {
  std::uint32_t node = 0, parent = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    const char32_t c = fold(next_code_point(phrase, i));
    if (skip_spaces_ && c == ' ') continue;
    const auto fresh = static_cast<std::uint32_t>(nodes_.size());
    const std::uint32_t child = edges_.find_or_insert(edge_key(node, c), fresh);
    if (child == fresh) nodes_.emplace_back();
    if (node == 0 && c < 0x10000 && root_[c] == 0) {
      root_[c] = child;
      starts_[c / 64] |= std::uint64_t{1} << (c % 64);
    }
    parent = node, last = c, node = child;
  }
  if (node == 0) return;  // nothing but spaces
  nodes_[node].payloads.push_back(payload);
  edges_.mark_ends(edge_key(parent, last));
  if (parent == 0 && last < 0x10000) root_[last] |= kEnds;
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, char32_t c) const {
  if (node == 0 && c < 0x10000) return (starts_[c / 64] >> (c % 64)) & 1 ? root_[c] : 0;
  return edges_.find(edge_key(node, c));
}

void PhraseMatcher::EdgeTable::mark_ends(std::uint64_t key) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask)
    if (slots_[i].key == key && slots_[i].child != 0) {
      slots_[i].child |= kEnds;
      return;
    }
}

std::uint32_t PhraseMatcher::EdgeTable::find(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.child == 0 || slot.key == key) return slot.child;
  }
}

std::uint32_t PhraseMatcher::EdgeTable::find_or_insert(std::uint64_t key, std::uint32_t fresh) {
  // At most half full, so probe runs stay short and a free slot always ends one.
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.child != 0 && slot.key == key) return slot.child & kNode;
    if (slot.child == 0) {
      slot = {key, fresh};
      ++used_;
      return fresh;
    }
  }
}

void PhraseMatcher::EdgeTable::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  --shift_;
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.child == 0) continue;
    std::size_t i = home(slot.key);
    while (slots_[i].child != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

bool PhraseMatcher::may_start(std::string_view text, std::size_t pos) const {
  std::size_t i = pos;
  return child(0, fold(next_code_point(text, i))) != 0;
}

void PhraseMatcher::match_at(std::string_view text, std::size_t pos, std::vector<Hit>& hits) const {
  std::uint32_t node = 0;
  std::size_t i = pos;
  while (i < text.size()) {
    std::size_t next = i;
    const char32_t c = fold(next_code_point(text, next));
    if (skip_spaces_ && c == ' ' && node != 0) {
      i = next;
      continue;
    }
    if (skip_glosses_ && c == '(' && node != 0 && child(node, c) == 0) {
      constexpr std::size_t kLongestGloss = 40;  // bytes: "(통신사)", "(Artificial Intelligence)"
      const auto close = text.find(')', next);
      if (close == std::string_view::npos || close - next > kLongestGloss) return;
      i = close + 1;
      continue;
    }
    const std::uint32_t edge = child(node, c);
    if (edge == 0) return;
    node = edge & kNode;
    i = next;
    if (edge & kEnds) hits.push_back({i, &nodes_[node].payloads});
  }
}

}  // namespace aikg::detail
