// The database as a product: aikg search, publish, check.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/error.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

// A hit names its entities; their ids come from the same store (a few names per page of hits).
ordered_json hit_json(const Store& store, const SearchHit& h) {
  const auto entity = [&](const std::string& n) {
    const auto id = store.resolve(n);
    return ordered_json{{"id", id ? ordered_json(*id) : ordered_json()}, {"name", n}};
  };
  return {{"evidence_id", h.evidence_id}, {"relation_id", h.relation_id}, {"type", name(h.type)},
          {"source", entity(h.source)},  {"target", entity(h.target)},  {"status", name(h.status)},
          {"date", text_or_null(h.date)}, {"doc", text_or_null(h.doc)}, {"url", text_or_null(h.url)},
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

struct SearchOptions {
  DbOption db;
  std::string text;
  std::size_t limit = 20;
  FormatOption output;
};

void setup_search(CLI::App& cmd, SearchOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("TEXT", o.text, "Words that must all appear (substrings; 2-character words work too)")->required();
  cmd.add_option("--limit", o.limit, "At most this many sentences")->capture_default_str();
  o.output.add(&cmd, "JSON array of {evidence_id, relation_id, type, source: {id, name}, target: {id, name}, ...} "
                     "(docs/json.md)");
}

int run_search(const SearchOptions& o) {
  const auto store = o.db.open(true);
  const auto hits = store.search(o.text, o.limit);
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : hits) {
    if (!o.output.table()) out.push_back(hit_json(store, h));  // (names resolved to ids only when shown)
    rows.push_back({std::string(name(h.type)), h.source, h.target, h.date,
                    h.doc.empty() ? std::string("(curated)") : h.doc, h.sentence});
  }
  o.output.print(out, {"type", "source", "target", "date", "doc", "sentence"}, rows);
  return found_or_say(!hits.empty(), "no evidence sentence matches");
}

struct PublishOptions {
  DbOption db;
  std::string out;
  bool force = false;
};

void setup_publish(CLI::App& cmd, PublishOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("OUT", o.out, "The copy to write (one file, no -wal/-shm)")->required();
  cmd.add_flag("--force", o.force, "Replace OUT when it exists");
}

int run_publish(const PublishOptions& o) {
  const auto store = o.db.open(true);
  store.publish(o.out, o.force);
  fmt::print(stderr, "published {} to {}\n", o.db.path, o.out);
  return kOk;
}

struct CheckOptions {
  DbOption db;
  bool json = false;
};

void setup_check(CLI::App& cmd, CheckOptions& o) {
  o.db.add(&cmd);
  cmd.add_flag("--json", o.json, "JSON object {clean, schema_version, latest_schema_version, problems, counts}");
}

int run_check(const CheckOptions& o) {
  check_database_path(o.db.path);
  if (!std::filesystem::exists(o.db.path)) throw UsageError(fmt::format("{}: no such database", o.db.path));
  const auto report = check_database(o.db.path);
  if (o.json)
    fmt::print("{}\n", report_json(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  else
    print_report(o.db.path, report);
  return report.clean() ? kOk : kPartial;
}

}  // namespace

std::vector<CommandSpec> database_commands() {
  return {command("search", "Find evidence sentences containing words (Korean or English).", setup_search, run_search),
          command("publish", "Write a compact, self-contained copy of the database for sharing.", setup_publish,
                  run_publish),
          command("check", "Check integrity, foreign keys and consistency; exit 1 on problems.", setup_check,
                  run_check)};
}

}  // namespace aikg::cli
