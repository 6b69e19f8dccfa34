#include "aikg/mention.hpp"

#include <nlohmann/json.hpp>

namespace aikg {

using nlohmann::ordered_json;

namespace {

ordered_json entity_json(const EntityRef& e) {
  ordered_json j{{"name", e.name}, {"kind", name(e.kind)}};
  if (e.candidate) j["candidate"] = true;
  return j;
}

EntityRef entity_from(const nlohmann::json& j) {
  EntityRef e;
  e.name = j.at("name").get<std::string>();
  if (e.name.empty()) throw std::invalid_argument("empty entity name");
  const auto kind = parse_entity_kind(j.value("kind", "company"));
  if (!kind) throw std::invalid_argument("unknown entity kind");
  e.kind = *kind;
  e.candidate = j.value("candidate", false);
  return e;
}

// Offsets must be non-negative integers: a float such as 1.8e19 would not fit
// a size_t (and converting it would be undefined behaviour).
std::size_t offset(const nlohmann::json& j, const char* key) {
  if (!j.contains(key)) return 0;
  const auto& v = j.at(key);
  if (!v.is_number_unsigned()) throw std::invalid_argument(std::string(key) + " is not a non-negative integer");
  return v.get<std::size_t>();
}

}  // namespace

std::string to_json_line(const DocumentMentions& d) {
  ordered_json doc{{"id", d.article.id},       {"title", d.article.title},   {"published", d.article.published},
                   {"url", d.article.url},     {"source", d.article.source}, {"origin", d.article.origin},
                   {"content_hash", d.content_hash}, {"date", d.date}, {"char_count", d.char_count}};
  ordered_json mentions = ordered_json::array();
  for (const auto& m : d.mentions) {
    mentions.push_back(ordered_json{{"id", m.id},
                                    {"type", name(m.type)},
                                    {"source", entity_json(m.source)},
                                    {"target", entity_json(m.target)},
                                    {"status", name(m.status)},
                                    {"confidence", m.confidence},
                                    {"sentence", m.sentence},
                                    {"begin", m.begin},
                                    {"end", m.end},
                                    {"date", m.date},
                                    {"cue", m.cue}});
  }
  doc["mentions"] = std::move(mentions);
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<DocumentMentions> parse_mentions_line(std::string_view line, std::string* why) {
  try {
    const auto j = nlohmann::json::parse(line);
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    DocumentMentions d;
    d.article.id = j.at("id").get<std::string>();
    if (d.article.id.empty()) throw std::invalid_argument("empty document id");
    d.article.title = j.value("title", "");
    d.article.published = j.value("published", "");
    d.article.url = j.value("url", "");
    d.article.source = j.value("source", "");
    d.article.origin = j.value("origin", "");
    d.content_hash = j.at("content_hash").get<std::string>();
    d.date = j.value("date", "");
    if (const auto it = j.find("char_count"); it != j.end()) {
      if (!it->is_number_unsigned()) throw std::invalid_argument("char_count is not a non-negative integer");
      d.char_count = it->get<std::size_t>();
    }
    for (const auto& mj : j.value("mentions", nlohmann::json::array())) {
      Mention m;
      m.id = mj.at("id").get<std::string>();
      const auto type = parse_relation_type(mj.at("type").get<std::string>());
      const auto status = parse_status(mj.at("status").get<std::string>());
      if (!type) throw std::invalid_argument("unknown relation type");
      if (!status) throw std::invalid_argument("unknown status");
      m.type = *type;
      m.status = *status;
      m.source = entity_from(mj.at("source"));
      m.target = entity_from(mj.at("target"));
      m.confidence = mj.value("confidence", 0.0);
      if (!(m.confidence >= 0.0 && m.confidence <= 1.0)) throw std::invalid_argument("confidence outside [0, 1]");
      m.sentence = mj.value("sentence", "");
      m.begin = offset(mj, "begin");
      m.end = offset(mj, "end");
      if (m.begin > m.end) throw std::invalid_argument("begin after end");
      m.date = mj.value("date", "");
      m.cue = mj.value("cue", "");
      d.mentions.push_back(std::move(m));
    }
    return d;
  } catch (const std::exception& e) {
    if (why) *why = e.what();
    return std::nullopt;
  }
}

}  // namespace aikg
