// aikg entities, aikg relations.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/error.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

ordered_json relation_json(const RelationRow& r) {
  ordered_json evidence = ordered_json::array();
  for (const auto& e : r.evidence)
    evidence.push_back({{"doc", e.doc}, {"sentence", e.sentence}, {"status", name(e.status)}, {"date", e.date}});
  return {{"id", r.id},
          {"type", name(r.type)},
          {"source", {{"id", r.source_id}, {"name", r.source_name}}},
          {"target", {{"id", r.target_id}, {"name", r.target_name}}},
          {"status", name(r.status)},
          {"first_seen", r.first_seen},
          {"last_seen", r.last_seen},
          {"evidence", evidence}};
}

struct EntitiesOptions {
  DbOption db;
  bool json = false, candidates = false;
};

void setup_entities(CLI::App& cmd, EntitiesOptions& o) {
  o.db.add(&cmd);
  cmd.add_flag("--json", o.json, "JSON array of {id, name, kind, aliases}");
  cmd.add_flag("--candidates", o.candidates,
               "Only the names found in articles that no gazetteer row backs, most evidence first, with a sample "
               "sentence: promote one with `aikg alias add`, reject one with `aikg alias reject`");
}

int run_candidates(const Store& store, bool json) {
  const auto rows = store.candidates();
  if (json) {
    ordered_json out = ordered_json::array();
    for (const auto& c : rows)
      out.push_back({{"id", c.id}, {"name", c.name}, {"evidence", c.evidence}, {"documents", c.documents},
                     {"sample", c.sample.empty() ? ordered_json(nullptr) : ordered_json(c.sample)}});
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else {
    std::vector<std::vector<std::string>> table;
    for (const auto& c : rows)
      table.push_back({std::to_string(c.id), c.name, std::to_string(c.evidence), std::to_string(c.documents), c.sample});
    print_table({"id", "name", "evidence", "documents", "sample sentence"}, table);
  }
  return rows.empty() ? kPartial : kOk;
}

int run_entities(const EntitiesOptions& o) {
  const auto store = o.db.open(true);
  if (o.candidates) return run_candidates(store, o.json);
  const auto entities = store.entities();
  if (o.json) {
    ordered_json out = ordered_json::array();
    for (const auto& e : entities)
      out.push_back({{"id", e.id}, {"name", e.name}, {"kind", name(e.kind)}, {"aliases", e.aliases}});
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : entities)
      rows.push_back({std::to_string(e.id), e.name, std::string(name(e.kind)) + (e.candidate ? "?" : ""), e.parent,
                      fmt::format("{}", fmt::join(e.aliases, ", "))});
    print_table({"id", "name", "kind", "parent", "aliases"}, rows);
  }
  return entities.empty() ? kPartial : kOk;
}

struct RelationsOptions {
  DbOption db;
  bool json = false;
  std::string entity;
  std::vector<std::string> types;
};

void setup_relations(CLI::App& cmd, RelationsOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("--entity", o.entity, "Only relations of this organisation (any alias, Korean or English)");
  cmd.add_option("--type", o.types, "Only these relation types (repeatable or comma-separated)")->delimiter(',');
  cmd.add_flag("--json", o.json, "JSON array of relations, each with its evidence");
}

int run_relations(const RelationsOptions& o) {
  const auto store = o.db.open(true);
  Store::RelationFilter filter;
  if (!o.entity.empty()) filter.entity = resolve_or_explain(store, o.entity);
  for (const auto& t : o.types) {
    const auto type = parse_relation_type(t);
    if (!type) throw UsageError(fmt::format("unknown relation type '{}'", t));
    filter.types.push_back(*type);
  }
  const auto relations = store.relations(filter, true);
  if (o.json) {
    ordered_json out = ordered_json::array();
    for (const auto& r : relations) out.push_back(relation_json(r));
    fmt::print("{}\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : relations)
      rows.push_back({std::string(name(r.type)), r.source_name, is_directed(r.type) ? "->" : "--", r.target_name,
                      std::string(name(r.status)), r.last_seen, std::to_string(r.evidence_count)});
    print_table({"type", "source", "", "target", "status", "last seen", "evidence"}, rows);
  }
  return relations.empty() ? kPartial : kOk;
}

}  // namespace

std::vector<CommandSpec> query_commands() {
  return {command("entities", "List the organisations in the graph with their kind and aliases.", setup_entities,
                  run_entities),
          command("relations", "List relations with their status, dates and evidence sentences.", setup_relations,
                  run_relations)};
}

}  // namespace aikg::cli
