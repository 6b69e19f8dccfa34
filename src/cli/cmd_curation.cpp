// Curation of the database by hand: aikg alias add, merge, relation add,
// relation retract. The store does the work and keeps it from ingest.
#include <fmt/format.h>

#include "aikg/error.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

RelationType relation_type(const std::string& text) {
  const auto t = parse_relation_type(text);
  if (!t) throw UsageError(fmt::format("unknown relation type '{}'", text));
  return *t;
}

// Store errors from curation are the user's to fix (a taken alias, a missing
// relation): report them as usage errors.
template <typename F>
int curating(F&& action) {
  try {
    action();
    return kOk;
  } catch (const StoreError& e) {
    throw UsageError(e.what());
  }
}

struct AliasOptions {
  DbOption db;
  std::string entity, alias;
};

void setup_alias_add(CLI::App& cmd, AliasOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("NAME", o.entity, "The entity (any name it has)")->required();
  cmd.add_option("ALIAS", o.alias, "The new name")->required();
}

int run_alias_add(const AliasOptions& o) {
  auto store = o.db.open(false);
  resolve_or_explain(store, o.entity);
  return curating([&] { store.add_alias(o.entity, o.alias); });
}

struct RejectOptions {
  DbOption db;
  std::string name, note;
};

void setup_alias_reject(CLI::App& cmd, RejectOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("NAME", o.name, "A discovered name (see aikg entities --candidates)")->required();
  cmd.add_option("--note", o.note, "Why it is no organisation");
}

int run_alias_reject(const RejectOptions& o) {
  auto store = o.db.open(false);
  return curating([&] {
    const auto removed = store.reject_name(o.name, o.note);
    fmt::print(stderr, "rejected '{}': {} relation(s) removed; later ingests file none under it\n", o.name, removed);
  });
}

struct MergeOptions {
  DbOption db;
  std::string keep, drop;
};

void setup_merge(CLI::App& cmd, MergeOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("KEEP", o.keep, "The entity that stays")->required();
  cmd.add_option("DROP", o.drop, "The entity that becomes part of KEEP")->required();
}

int run_merge(const MergeOptions& o) {
  auto store = o.db.open(false);
  resolve_or_explain(store, o.keep);
  resolve_or_explain(store, o.drop);
  return curating([&] {
    const auto r = store.merge(o.keep, o.drop);
    fmt::print(stderr, "merged '{}' into '{}': {} relations moved, {} merged, {} between the two dropped\n", o.drop,
               o.keep, r.moved, r.merged, r.dropped);
  });
}

struct RelationOptions {
  DbOption db;
  std::string type, source, target, status = "done", note, date;
  std::int64_t id = 0;
  CLI::Option* id_option = nullptr;  // retract: whether --id was given
};

void setup_relation_add(CLI::App& cmd, RelationOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("--type", o.type, "Relation type (mou, investment, ...)")->required();
  cmd.add_option("SOURCE", o.source, "Source entity")->required();
  cmd.add_option("TARGET", o.target, "Target entity")->required();
  cmd.add_option("--status", o.status, "done, planned, talks, speculated or ended")->capture_default_str();
  cmd.add_option("--note", o.note, "Why: the provenance kept with the relation");
  cmd.add_option("--date", o.date, "Date of the deal, YYYY-MM-DD");
}

int run_relation_add(const RelationOptions& o) {
  auto store = o.db.open(false);
  CuratedRelation c{relation_type(o.type), o.source, o.target, Status::done, o.note, o.date};
  const auto status = parse_status(o.status);
  if (!status) throw UsageError(fmt::format("unknown status '{}'", o.status));
  c.status = *status;
  resolve_or_explain(store, c.source);
  resolve_or_explain(store, c.target);
  return curating([&] { fmt::print("{}\n", store.add_relation(c)); });
}

void setup_relation_retract(CLI::App& cmd, RelationOptions& o) {
  o.db.add(&cmd);
  o.id_option = cmd.add_option("--id", o.id, "The relation's id (see aikg relations --json)");
  auto* type = cmd.add_option("--type", o.type, "Relation type, with SOURCE and TARGET");
  cmd.add_option("SOURCE", o.source, "Source entity");
  cmd.add_option("TARGET", o.target, "Target entity");
  cmd.add_option("--note", o.note, "Why it is wrong")->required();
  o.id_option->excludes(type);
}

int run_relation_retract(const RelationOptions& o) {
  auto store = o.db.open(false);
  const bool by_id = o.id_option->count() > 0;
  if (!by_id && (o.type.empty() || o.source.empty() || o.target.empty()))
    throw UsageError("say which relation: --id N, or --type T SOURCE TARGET");
  if (!by_id) {
    resolve_or_explain(store, o.source);
    resolve_or_explain(store, o.target);
  }
  return curating([&] {
    const auto rid = by_id ? store.retract_relation(o.id, o.note)
                           : store.retract_relation(relation_type(o.type), o.source, o.target, o.note);
    fmt::print("{}\n", rid);
  });
}

}  // namespace

std::vector<CommandSpec> curation_commands() {
  return {group("alias", "Curate the names of entities."),
          command("alias add", "Add another name for an entity; later ingests file it there.", setup_alias_add,
                  run_alias_add),
          command("alias reject",
                  "Say a discovered name is no organisation: its relations go, and later ingests keep it out.",
                  setup_alias_reject, run_alias_reject),
          command("merge", "Make two entities one: DROP's relations and names move to KEEP.", setup_merge, run_merge),
          group("relation", "Curate relations: add or retract them, with a note."),
          command("relation add", "Assert a relation; stored as curated evidence with your note.", setup_relation_add,
                  run_relation_add),
          command("relation retract", "Retract a relation for good; ingest will not bring it back.",
                  setup_relation_retract, run_relation_retract)};
}

}  // namespace aikg::cli
