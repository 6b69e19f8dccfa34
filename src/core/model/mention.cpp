#include "aikg/mention.hpp"

#include <nlohmann/json.hpp>

#include "model/json_writer.hpp"

namespace aikg {

namespace {

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

// Written field by field rather than through a json value: this is the
// output of every `aikg extract` document, and building an ordered_json per
// document cost a sixth of the extraction time. The bytes are what
// ordered_json::dump(-1, ' ', false, replace) wrote (mention_test checks).
void append_json_line(std::string& out, const DocumentMentions& d) {
  using detail::append_json_number;
  using detail::append_json_string;
  const auto key = [&](std::string_view k) {
    out += '"';
    out += k;
    out += "\":";
  };
  const auto field = [&](std::string_view k, std::string_view v) {
    key(k);
    append_json_string(out, v);
    out += ',';
  };
  const auto number = [&](std::string_view k, auto v) {
    key(k);
    append_json_number(out, v);
    out += ',';
  };
  const auto entity = [&](std::string_view k, const EntityRef& e) {
    key(k);
    out += '{';
    field("name", e.name);
    key("kind");
    append_json_string(out, name(e.kind));
    if (e.candidate) out += ",\"candidate\":true";
    out += "},";
  };
  out += '{';
  field("id", d.article.id);
  field("title", d.article.title);
  field("published", d.article.published);
  field("url", d.article.url);
  field("source", d.article.source);
  field("origin", d.article.origin);
  field("content_hash", d.content_hash);
  field("date", d.date);
  key("char_count");
  append_json_number(out, d.char_count);
  out += ",\"mentions\":[";
  for (const auto& m : d.mentions) {
    if (&m != &d.mentions.front()) out += ',';
    out += '{';
    field("id", m.id);
    field("type", name(m.type));
    entity("source", m.source);
    entity("target", m.target);
    field("status", name(m.status));
    number("confidence", m.confidence);
    field("sentence", m.sentence);
    number("begin", m.begin);
    number("end", m.end);
    field("date", m.date);
    key("cue");
    append_json_string(out, m.cue);
    out += '}';
  }
  out += "]}";
}

std::string to_json_line(const DocumentMentions& d) {
  std::string out;
  append_json_line(out, d);
  return out;
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
