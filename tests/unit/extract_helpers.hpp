// What the extractor tests share: running the default extractor on a text of
// our own, and finding a relation in its output.
#pragma once

#include <algorithm>
#include <string>

#include "aikg/extractor.hpp"
#include "aikg/text.hpp"

namespace aikg::test {

inline const Extractor& extractor() {
  static const Extractor e = make_default_extractor();
  return e;
}

inline DocumentMentions run(const std::string& text, const std::string& published = "2025-10-01") {
  Article a;
  a.id = "t";
  a.published = published;
  a.text = normalize_text(text);
  return extractor().extract(a);
}

// The relation of `type` between the two (either order for an undirected type), or nullptr.
inline const Mention* find(const DocumentMentions& d, RelationType type, const std::string& source,
                           const std::string& target) {
  for (const auto& m : d.mentions) {
    const bool forward = m.source.name == source && m.target.name == target;
    const bool backward = !is_directed(type) && m.source.name == target && m.target.name == source;
    if (m.type == type && (forward || backward)) return &m;
  }
  return nullptr;
}

inline bool involves(const DocumentMentions& d, const std::string& entity) {
  return std::any_of(d.mentions.begin(), d.mentions.end(),
                     [&](const Mention& m) { return m.source.name == entity || m.target.name == entity; });
}

inline bool has_type(const DocumentMentions& d, RelationType type) {
  return std::any_of(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) { return m.type == type; });
}

}  // namespace aikg::test
