// The database as a product and its curation: aikg search, publish, check,
// alias add, merge, relation add, relation retract.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/error.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

ordered_json hit_json(const SearchHit& h) {
  return {{"evidence_id", h.evidence_id}, {"relation_id", h.relation_id}, {"type", name(h.type)},
          {"source", h.source},           {"target", h.target},           {"status", name(h.status)},
          {"date", h.date},               {"doc", h.doc},                 {"url", h.url},
          {"sentence", h.sentence},       {"curated", h.curated},         {"retracted", h.retracted}};
}

ordered_json report_json(const CheckReport& r) {
  return {{"clean", r.clean()},
          {"schema_version", r.schema_version},
          {"latest_schema_version", r.latest_schema_version},
          {"problems", r.problems},
          {"counts",
           {{"documents", r.documents},
            {"entities", r.entities},
            {"relations", r.relations},
            {"evidence", r.evidence},
            {"curated_evidence", r.curated_evidence},
            {"retractions", r.retractions},
            {"merges", r.merges},
            {"curated_aliases", r.curated_aliases}}}};
}

void print_report(const std::string& path, const CheckReport& r) {
  fmt::print("{}: schema version {} (latest {})\n", path, r.schema_version, r.latest_schema_version);
  fmt::print("  {} documents, {} entities, {} relations, {} evidence\n", r.documents, r.entities, r.relations,
             r.evidence);
  fmt::print("  curation: {} curated evidence, {} retractions, {} merges, {} curated aliases\n", r.curated_evidence,
             r.retractions, r.merges, r.curated_aliases);
  if (r.clean()) {
    fmt::print("ok: integrity, foreign keys, summaries and search index are sound\n");
    return;
  }
  fmt::print("{} problem{}:\n", r.problems.size(), r.problems.size() == 1 ? "" : "s");
  for (const auto& p : r.problems) fmt::print("  {}\n", p);
}

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

void add_search(CLI::App& app, std::vector<Command>& commands) {
  struct Options {
    DbOption db;
    std::string text;
    std::size_t limit = 20;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("search", "Find evidence sentences containing words (Korean or English).");
  o->db.add(cmd);
  cmd->add_option("TEXT", o->text, "Words that must all appear (substrings; 2-character words work too)")->required();
  cmd->add_option("--limit", o->limit, "At most this many sentences")->capture_default_str();
  cmd->add_flag("--json", o->json, "JSON array of {evidence_id, relation_id, type, source, target, ...}");
  commands.push_back({cmd, [o]() -> int {
    const auto store = o->db.open(true);
    const auto hits = store.search(o->text, o->limit);
    if (o->json) {
      ordered_json out = ordered_json::array();
      for (const auto& h : hits) out.push_back(hit_json(h));
      fmt::print("{}\n", out.dump(2, ' ', false, ordered_json::error_handler_t::replace));
    } else {
      std::vector<std::vector<std::string>> rows;
      for (const auto& h : hits)
        rows.push_back({std::string(name(h.type)), h.source, h.target, h.date,
                        h.doc.empty() ? std::string("(curated)") : h.doc, h.sentence});
      print_table({"type", "source", "target", "date", "doc", "sentence"}, rows);
    }
    return hits.empty() ? kPartial : kOk;
  }});
}

void add_publish(CLI::App& app, std::vector<Command>& commands) {
  struct Options {
    DbOption db;
    std::string out;
    bool force = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("publish", "Write a compact, self-contained copy of the database for sharing.");
  o->db.add(cmd);
  cmd->add_option("OUT", o->out, "The copy to write (one file, no -wal/-shm)")->required();
  cmd->add_flag("--force", o->force, "Replace OUT when it exists");
  commands.push_back({cmd, [o]() -> int {
    const auto store = o->db.open(true);
    store.publish(o->out, o->force);
    fmt::print(stderr, "published {} to {}\n", o->db.path, o->out);
    return kOk;
  }});
}

void add_check(CLI::App& app, std::vector<Command>& commands) {
  struct Options {
    DbOption db;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("check", "Check integrity, foreign keys and consistency; exit 1 on problems.");
  o->db.add(cmd);
  cmd->add_flag("--json", o->json, "JSON object {clean, schema_version, latest_schema_version, problems, counts}");
  commands.push_back({cmd, [o]() -> int {
    check_database_path(o->db.path);
    if (!std::filesystem::exists(o->db.path)) throw UsageError(fmt::format("{}: no such database", o->db.path));
    const auto report = check_database(o->db.path);
    if (o->json)
      fmt::print("{}\n", report_json(report).dump(2, ' ', false, ordered_json::error_handler_t::replace));
    else
      print_report(o->db.path, report);
    return report.clean() ? kOk : kPartial;
  }});
}

void add_alias(CLI::App& app, std::vector<Command>& commands) {
  struct Options {
    DbOption db;
    std::string entity, alias;
  };
  auto o = std::make_shared<Options>();
  auto* group = app.add_subcommand("alias", "Curate the names of entities.");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("add", "Add another name for an entity; later ingests file it there.");
  o->db.add(cmd);
  cmd->add_option("NAME", o->entity, "The entity (any name it has)")->required();
  cmd->add_option("ALIAS", o->alias, "The new name")->required();
  commands.push_back({cmd, [o]() -> int {
    auto store = o->db.open(false);
    resolve_or_explain(store, o->entity);
    return curating([&] { store.add_alias(o->entity, o->alias); });
  }});
}

void add_merge(CLI::App& app, std::vector<Command>& commands) {
  struct Options {
    DbOption db;
    std::string keep, drop;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("merge", "Make two entities one: DROP's relations and names move to KEEP.");
  o->db.add(cmd);
  cmd->add_option("KEEP", o->keep, "The entity that stays")->required();
  cmd->add_option("DROP", o->drop, "The entity that becomes part of KEEP")->required();
  commands.push_back({cmd, [o]() -> int {
    auto store = o->db.open(false);
    resolve_or_explain(store, o->keep);
    resolve_or_explain(store, o->drop);
    return curating([&] {
      const auto r = store.merge(o->keep, o->drop);
      fmt::print(stderr, "merged '{}' into '{}': {} relations moved, {} merged, {} between the two dropped\n", o->drop,
                 o->keep, r.moved, r.merged, r.dropped);
    });
  }});
}

void add_relation_commands(CLI::App& app, std::vector<Command>& commands) {
  auto* group = app.add_subcommand("relation", "Curate relations: add or retract them, with a note.");
  group->require_subcommand(1);
  struct Options {
    DbOption db;
    std::string type, source, target, status = "done", note, date;
    std::int64_t id = 0;
  };
  auto add = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("add", "Assert a relation; stored as curated evidence with your note.");
  add->db.add(cmd);
  cmd->add_option("--type", add->type, "Relation type (mou, investment, ...)")->required();
  cmd->add_option("SOURCE", add->source, "Source entity")->required();
  cmd->add_option("TARGET", add->target, "Target entity")->required();
  cmd->add_option("--status", add->status, "done, planned, talks, speculated or ended")->capture_default_str();
  cmd->add_option("--note", add->note, "Why: the provenance kept with the relation");
  cmd->add_option("--date", add->date, "Date of the deal, YYYY-MM-DD");
  commands.push_back({cmd, [add]() -> int {
    auto store = add->db.open(false);
    CuratedRelation c{relation_type(add->type), add->source, add->target, Status::done, add->note, add->date};
    const auto status = parse_status(add->status);
    if (!status) throw UsageError(fmt::format("unknown status '{}'", add->status));
    c.status = *status;
    resolve_or_explain(store, c.source);
    resolve_or_explain(store, c.target);
    return curating([&] { fmt::print("{}\n", store.add_relation(c)); });
  }});

  auto retract = std::make_shared<Options>();
  auto* rcmd = group->add_subcommand("retract", "Retract a relation for good; ingest will not bring it back.");
  retract->db.add(rcmd);
  auto* id = rcmd->add_option("--id", retract->id, "The relation's id (see aikg relations --json)");
  auto* type = rcmd->add_option("--type", retract->type, "Relation type, with SOURCE and TARGET");
  rcmd->add_option("SOURCE", retract->source, "Source entity");
  rcmd->add_option("TARGET", retract->target, "Target entity");
  rcmd->add_option("--note", retract->note, "Why it is wrong")->required();
  id->excludes(type);
  commands.push_back({rcmd, [retract, id]() -> int {
    auto store = retract->db.open(false);
    Options& r = *retract;
    if (id->count() == 0 && (r.type.empty() || r.source.empty() || r.target.empty()))
      throw UsageError("say which relation: --id N, or --type T SOURCE TARGET");
    if (id->count() == 0) {
      resolve_or_explain(store, r.source);
      resolve_or_explain(store, r.target);
    }
    return curating([&] {
      const auto rid = id->count() ? store.retract_relation(r.id, r.note)
                                   : store.retract_relation(relation_type(r.type), r.source, r.target, r.note);
      fmt::print("{}\n", rid);
    });
  }});
}

}  // namespace

void register_db(CLI::App& app, std::vector<Command>& commands) {
  add_search(app, commands);
  add_publish(app, commands);
  add_check(app, commands);
  add_alias(app, commands);
  add_merge(app, commands);
  add_relation_commands(app, commands);
}

}  // namespace aikg::cli
