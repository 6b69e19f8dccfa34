// A trie of phrases matched at a given position of UTF-8 text: the extractor's
// scanner for gazetteer aliases and cue words. It reports every phrase that
// ends along the walk (shortest first); boundary rules belong to the caller,
// which knows whether it is looking at a Korean name, an English cue, etc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace aikg::detail {

class PhraseMatcher {
 public:
  // fold_ascii: compare ASCII letters case-insensitively.
  // skip_spaces: spaces in phrases are dropped, and spaces in the text are
  //   skipped inside a match, so "SK 하이닉스" and "SK하이닉스" meet.
  // skip_glosses: inside a match, a parenthesis the phrases do not continue
  //   with is a gloss and is skipped: "텔코(통신사) AI 얼라이언스" meets "텔코 AI 얼라이언스".
  PhraseMatcher(bool fold_ascii, bool skip_spaces, bool skip_glosses = false)
      : fold_(fold_ascii), skip_spaces_(skip_spaces), skip_glosses_(skip_glosses) {
    nodes_.emplace_back();
  }

  void add(std::string_view phrase, std::uint32_t payload);
  bool empty() const { return nodes_.size() == 1; }

  struct Hit {
    std::size_t end;  // byte offset just past the match
    const std::vector<std::uint32_t>* payloads;
  };
  // Walks from byte offset `pos` and appends every phrase that ends on the way.
  void match_at(std::string_view text, std::size_t pos, std::vector<Hit>& hits) const;

  // True when some phrase starts with the code point at `pos` (a cheap filter).
  bool may_start(std::string_view text, std::size_t pos) const;

 private:
  struct Node {
    std::vector<std::uint32_t> payloads;
  };
  char32_t fold(char32_t c) const { return fold_ && c >= 'A' && c <= 'Z' ? c + 32 : c; }

  // What the walk learns from one edge without loading the child's node (a
  // cache miss per character): the child, whether a phrase ends there
  // (kEnds), and a 32-bit filter of the characters the child goes on with,
  // so most dead ends are seen without a look-up in the edge table.
  static constexpr std::uint32_t kEnds = 1u << 31;
  static constexpr std::uint32_t kNode = kEnds - 1;
  struct Edge {
    std::uint32_t value = 0;  // child node | kEnds; 0: no edge (the root is never a child)
    std::uint32_t next = 0;   // bit filter_bit(c) set for every child edge's c
  };
  static std::uint32_t filter_bit(char32_t c) { return std::uint32_t{1} << (c % 32); }
  Edge edge(std::uint32_t node, char32_t c) const;
  std::uint32_t child(std::uint32_t node, char32_t c) const { return edge(node, c).value; }

  bool fold_, skip_spaces_, skip_glosses_;
  // Every edge: (node << 32 | code point) -> Edge, in an open-addressing
  // table with linear probing. The scan looks an edge up per character, and
  // std::unordered_map (a division and two dependent loads per look-up) was
  // a tenth of the extraction time.
  class EdgeTable {
   public:
    Edge find(std::uint64_t key) const;
    // The child node stored for `key`, or `fresh` after storing it there.
    std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t fresh);
    Edge& at(std::uint64_t key);  // an edge that exists

   private:
    struct Slot {
      std::uint64_t key = 0;
      Edge edge;  // value 0: empty slot
    };
    std::size_t home(std::uint64_t key) const {
      return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    void grow();

    std::vector<Slot> slots_ = std::vector<Slot>(16);
    int shift_ = 60;  // 64 - log2(slots_.size())
    std::size_t used_ = 0;
  };

  std::vector<Node> nodes_;
  EdgeTable edges_;
  // A copy of the root's edges for the Basic Multilingual Plane, looked up
  // directly: the scan tries the root at every character.
  std::vector<Edge> root_ = std::vector<Edge>(0x10000);
  // One bit per BMP code point: does root_ hold an edge for it? 8 KB stay in
  // the L1 cache where root_'s 512 KB do not, and most characters of a text
  // start no phrase (a Korean sentence tried against the English cues).
  std::vector<std::uint64_t> starts_ = std::vector<std::uint64_t>(0x10000 / 64, 0);
};

}  // namespace aikg::detail
