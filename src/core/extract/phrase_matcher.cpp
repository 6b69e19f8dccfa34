#include "extract/phrase_matcher.hpp"

#include "aikg/text.hpp"

namespace aikg::detail {

namespace {
std::uint64_t edge_key(std::uint32_t node, char32_t c) {
  return (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(c);
}
}  // namespace

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload) {
  // Each step updates the edge it arrived by (its filter of what follows, or
  // kEnds at the end) in the table and in the root's copy.
  const auto update = [&](std::uint32_t parent, char32_t c, auto change) {
    change(edges_.at(edge_key(parent, c)));
    if (parent == 0 && c < 0x10000) change(root_[c]);
  };
  std::uint32_t node = 0, parent = 0;
  char32_t last = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    const char32_t c = fold(next_code_point(phrase, i));
    if (skip_spaces_ && c == ' ') continue;
    const auto fresh = static_cast<std::uint32_t>(nodes_.size());
    const std::uint32_t child = edges_.find_or_insert(edge_key(node, c), fresh);
    if (child == fresh) nodes_.emplace_back();
    if (node == 0 && c < 0x10000 && root_[c].value == 0) {
      root_[c].value = child;
      starts_[c / 64] |= std::uint64_t{1} << (c % 64);
    }
    if (node != 0) update(parent, last, [&](Edge& e) { e.next |= filter_bit(c); });
    parent = node, last = c, node = child;
  }
  if (node == 0) return;  // nothing but spaces
  nodes_[node].payloads.push_back(payload);
  update(parent, last, [](Edge& e) { e.value |= kEnds; });
}

PhraseMatcher::Edge PhraseMatcher::edge(std::uint32_t node, char32_t c) const {
  if (node == 0 && c < 0x10000) return (starts_[c / 64] >> (c % 64)) & 1 ? root_[c] : Edge{};
  return edges_.find(edge_key(node, c));
}

PhraseMatcher::Edge& PhraseMatcher::EdgeTable::at(std::uint64_t key) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask)
    if (slots_[i].key == key && slots_[i].edge.value != 0) return slots_[i].edge;
}

PhraseMatcher::Edge PhraseMatcher::EdgeTable::find(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.edge.value == 0 || slot.key == key) return slot.edge;
  }
}

std::uint32_t PhraseMatcher::EdgeTable::find_or_insert(std::uint64_t key, std::uint32_t fresh) {
  // At most half full, so probe runs stay short and a free slot always ends one.
  if (2 * (used_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(key);; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.edge.value != 0 && slot.key == key) return slot.edge.value & kNode;
    if (slot.edge.value == 0) {
      slot = {key, {fresh, 0}};
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
    if (slot.edge.value == 0) continue;
    std::size_t i = home(slot.key);
    while (slots_[i].edge.value != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

bool PhraseMatcher::may_start(std::string_view text, std::size_t pos) const {
  std::size_t i = pos;
  return child(0, fold(next_code_point(text, i))) != 0;
}

void PhraseMatcher::match_at(std::string_view text, std::size_t pos, std::vector<Hit>& hits) const {
  std::uint32_t node = 0;
  std::uint32_t next_filter = 0;  // of the edge into `node` (the root has its bitmap)
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
    if (node != 0 && (next_filter & filter_bit(c)) == 0) return;
    const Edge e = edge(node, c);
    if (e.value == 0) return;
    node = e.value & kNode;
    next_filter = e.next;
    i = next;
    if (e.value & kEnds) hits.push_back({i, &nodes_[node].payloads});
  }
}

}  // namespace aikg::detail
