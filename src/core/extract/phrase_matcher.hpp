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
  // An edge's value: the child node, with kEnds set when a phrase ends
  // there, so the walk need not load the child's node to know (a cache miss
  // per character). 0: no edge.
  static constexpr std::uint32_t kEnds = 1u << 31;
  static constexpr std::uint32_t kNode = kEnds - 1;
  std::uint32_t child(std::uint32_t node, char32_t c) const;

  bool fold_, skip_spaces_, skip_glosses_;
  // The edges below the root: (node << 32 | code point) -> child, in an
  // open-addressing table with linear probing. The scan looks an edge up per
  // character, and std::unordered_map (a division and two dependent loads per
  // look-up) was a tenth of the extraction time.
  class EdgeTable {
   public:
    std::uint32_t find(std::uint64_t key) const;  // the edge's value, 0 if none
    // The child node stored for `key`, or `fresh` after storing it there.
    std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t fresh);
    void mark_ends(std::uint64_t key);

   private:
    struct Slot {
      std::uint64_t key = 0;
      std::uint32_t child = 0;  // the edge's value; 0 (the root is never a child): empty slot
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
  // The root's edges for the Basic Multilingual Plane, looked up directly:
  // the scan tries the root at every character, so this is the hot path.
  std::vector<std::uint32_t> root_ = std::vector<std::uint32_t>(0x10000, 0);
  // One bit per BMP code point: does root_ hold an edge for it? 8 KB stay in
  // the L1 cache where root_'s 256 KB do not, and most characters of a text
  // start no phrase (a Korean sentence tried against the English cues).
  std::vector<std::uint64_t> starts_ = std::vector<std::uint64_t>(0x10000 / 64, 0);
};

}  // namespace aikg::detail
