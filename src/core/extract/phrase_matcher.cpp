#include "extract/phrase_matcher.hpp"

#include "aikg/text.hpp"

namespace aikg::detail {

namespace {
std::uint64_t edge_key(std::uint32_t node, char32_t c) {
  return (static_cast<std::uint64_t>(node) << 32) | static_cast<std::uint32_t>(c);
}
}  // namespace

void PhraseMatcher::add(std::string_view phrase, std::uint32_t payload) {
  std::uint32_t node = 0;
  bool any = false;
  for (std::size_t i = 0; i < phrase.size();) {
    const char32_t c = fold(next_code_point(phrase, i));
    if (skip_spaces_ && c == ' ') continue;
    any = true;
    auto [it, inserted] = edges_.try_emplace(edge_key(node, c), static_cast<std::uint32_t>(nodes_.size()));
    if (inserted) nodes_.emplace_back();
    if (node == 0 && c < 0x10000) root_[c] = it->second;
    node = it->second;
  }
  if (any) nodes_[node].payloads.push_back(payload);
}

std::uint32_t PhraseMatcher::child(std::uint32_t node, char32_t c) const {
  if (node == 0 && c < 0x10000) return root_[c];
  const auto it = edges_.find(edge_key(node, c));
  return it == edges_.end() ? 0 : it->second;
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
    node = child(node, c);
    if (node == 0) return;
    i = next;
    if (!nodes_[node].payloads.empty()) hits.push_back({i, &nodes_[node].payloads});
  }
}

}  // namespace aikg::detail
