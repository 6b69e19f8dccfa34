// aikg entities, aikg relations.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/error.hpp"
#include "aikg/selection.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

ordered_json relation_json(const RelationRow& r) {
  ordered_json evidence = ordered_json::array();
  for (const auto& e : r.evidence)
    evidence.push_back({{"doc", text_or_null(e.doc)}, {"sentence", e.sentence}, {"status", name(e.status)},
                        {"date", text_or_null(e.date)}, {"url", text_or_null(e.url)}});
  return {{"id", r.id},
          {"type", name(r.type)},
          {"source", entity_json(r.source_id, r.source_name)},
          {"target", entity_json(r.target_id, r.target_name)},
          {"status", name(r.status)},
          {"evidence_count", r.evidence_count},
          {"first_seen", text_or_null(r.first_seen)},
          {"last_seen", text_or_null(r.last_seen)},
          {"evidence", evidence}};
}

struct EntitiesOptions {
  DbOption db;
  FormatOption output;
  bool candidates = false;
};

void setup_entities(CLI::App& cmd, EntitiesOptions& o) {
  o.db.add(&cmd);
  o.output.add(&cmd, "JSON array of {id, name, kind, parent, candidate, aliases}; with --candidates {id, name, "
                     "evidence, documents, sample} (docs/json.md)");
  cmd.add_flag("--candidates", o.candidates,
               "Only the names found in articles that no gazetteer row backs, most evidence first, with a sample "
               "sentence: promote one with `aikg alias add`, reject one with `aikg alias reject`");
}

int run_candidates(const Store& store, const FormatOption& output) {
  const auto rows = store.candidates();
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> table;
  for (const auto& c : rows) {
    out.push_back({{"id", c.id}, {"name", c.name}, {"evidence", c.evidence}, {"documents", c.documents},
                   {"sample", text_or_null(c.sample)}});
    table.push_back({std::to_string(c.id), c.name, std::to_string(c.evidence), std::to_string(c.documents), c.sample});
  }
  output.print(out, {"id", "name", "evidence", "documents", "sample sentence"}, table);
  return found_or_say(!rows.empty(), "no discovered names in the database");
}

int run_entities(const EntitiesOptions& o) {
  const auto store = o.db.open(true);
  if (o.candidates) return run_candidates(store, o.output);
  const auto entities = store.entities();
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entities) {
    out.push_back({{"id", e.id}, {"name", e.name}, {"kind", name(e.kind)}, {"parent", text_or_null(e.parent)},
                   {"candidate", e.candidate}, {"aliases", e.aliases}});
    rows.push_back({std::to_string(e.id), e.name, std::string(name(e.kind)) + (e.candidate ? "?" : ""), e.parent,
                    joined(e.aliases, ", ")});
  }
  o.output.print(out, {"id", "name", "kind", "parent", "aliases"}, rows);
  return found_or_say(!entities.empty(), "no entities in the database");
}

struct RelationsOptions {
  DbOption db;
  SelectionOptions selection;
  FormatOption output;
  std::string entity;
};

void setup_relations(CLI::App& cmd, RelationsOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("--entity", o.entity, "Only relations of this organisation (any alias, Korean or English)");
  o.output.add(&cmd, "JSON array of relations, each with its evidence that passes the selection (docs/json.md)");
  cmd.footer("The evidence column shows the best sentence of each relation: one stating its status, the latest.\n"
             "Exit status: 0 success, 1 nothing matches, 2 error.\n"
             "Example: aikg relations --db aikg.db --entity 삼성SDS --types reseller,supply --since 2025-01-01");
}

int run_relations(const RelationsOptions& o) {
  const auto store = o.db.open(true);
  const auto selection = o.selection.resolve();
  auto relations = select_relations(store, selection, /*with_evidence=*/true);
  if (!o.entity.empty()) {
    auto id = resolve_or_explain(store, o.entity);
    if (selection.group) id = group_of(id, store.entities());
    std::erase_if(relations, [&](const RelationRow& r) { return r.source_id != id && r.target_id != id; });
  }
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : relations) {
    out.push_back(relation_json(r));
    const auto* e = hop_evidence(r.status, r.evidence);
    const auto sentence = !e ? std::string() : o.output.table() ? clip(e->sentence, 80) : e->sentence;
    rows.push_back({std::string(name(r.type)), r.source_name, is_directed(r.type) ? "->" : "--", r.target_name,
                    std::string(name(r.status)), r.last_seen, std::to_string(r.evidence_count), sentence});
  }
  o.output.print(out, {"type", "source", o.output.table() ? "" : "direction", "target", "status", "last seen", "evidence",
                       "best sentence"}, rows);
  return found_or_say(!relations.empty(), "no relations match the selection");
}

}  // namespace

std::vector<CommandSpec> query_commands() {
  return {command("entities", "List the organisations in the graph with their kind and aliases.", setup_entities,
                  run_entities),
          command("relations", "List relations with their status, dates and evidence sentences.", setup_relations,
                  run_relations)};
}

}  // namespace aikg::cli
