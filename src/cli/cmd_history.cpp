// aikg timeline, aikg changes: an organisation's story, and what changed in a
// window of dates, from the evidence dates of the selected relations.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "aikg/analytics.hpp"
#include "aikg/error.hpp"
#include "cli.hpp"

namespace aikg::cli {

using nlohmann::ordered_json;

namespace {

std::string evidence_cell(const EvidenceRow* e) {
  return e ? fmt::format("\"{}\" ({})", clip(e->sentence, 48), e->doc) : std::string();
}

struct TimelineOptions {
  DbOption db;
  SelectionOptions selection;
  std::string name;
  FormatOption output;
};

int run_timeline(const TimelineOptions& o) {
  const auto store = o.db.open(true);
  auto id = resolve_or_explain(store, o.name);
  const auto selection = o.selection.resolve();
  if (selection.group) id = group_of(id, store.entities());
  const auto relations = select_relations_of(store, selection, id);  // not the whole graph
  const auto events = timeline(relations, id);
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : events) {
    const auto& r = *e.relation;
    const bool outgoing = r.source_id == id;
    const auto& other = outgoing ? r.target_name : r.source_name;
    const auto other_id = outgoing ? r.target_id : r.source_id;
    const std::string direction = !is_directed(r.type) ? "none" : outgoing ? "out" : "in";
    out.push_back({{"date", text_or_null(e.date)}, {"status", name(e.status)}, {"type", name(r.type)},
                   {"with", entity_json(other_id, other)},
                   {"direction", direction}, {"sentences", e.sentences}, {"evidence", evidence_json(e.evidence)}});
    const std::string arrow = direction == "out" ? "-> " : direction == "in" ? "<- " : "";
    rows.push_back({e.date.empty() ? "undated" : e.date, std::string(name(e.status)), std::string(name(r.type)),
                    arrow + other, std::to_string(e.sentences), evidence_cell(e.evidence)});
  }
  o.output.print(out, {"date", "status", "type", "with", "n", "evidence"}, rows);
  if (events.empty()) fmt::print(stderr, "aikg: no relations of '{}' match the selection\n", o.name);
  return events.empty() ? kPartial : kOk;
}

void setup_timeline(CLI::App& cmd, TimelineOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  cmd.add_option("name", o.name, "Organisation (any alias, Korean or English)")->required();
  o.output.add(&cmd,
               "JSON array of {date, status, type, with: {id, name}, direction (out|in|none), sentences, evidence: "
               "{doc, sentence, date, url}} (docs/json.md)");
  cmd.footer("Undated evidence is listed last. With --group the organisation's business group is shown.\n"
             "Exit status: 0 success, 1 nothing matches, 2 error (an unknown name gets suggestions).\n"
             "Example: aikg timeline --db aikg.db 삼성전자 --since 2025-01-01");
}

// ---------------------------------------------------------------------------

int run_changes(const TimelineOptions& o) {
  const auto store = o.db.open(true);
  auto window = o.selection.resolve();
  if (window.since.empty()) throw UsageError("changes needs --since DATE (the start of the window)");
  // The window's dates and the status filter apply to the change, not to the
  // evidence: the status before the window must be known to see a change.
  auto all = window;
  all.since.clear(), all.until.clear(), all.statuses.clear(), all.min_status.reset();
  const auto relations = select_relations(store, all, true);
  ordered_json out = ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  std::size_t shown = 0;
  for (const auto& c : changes(relations, window.since, window.until)) {
    if (!status_passes(window, c.after)) continue;
    const auto& r = *c.relation;
    const auto what = c.before ? fmt::format("{} -> {}", name(*c.before), name(c.after))
                               : fmt::format("new: {}", name(c.after));
    out.push_back({{"date", text_or_null(c.date)}, {"change", c.before ? "changed" : "new"}, {"type", name(r.type)},
                   {"source", entity_json(r.source_id, r.source_name)}, {"target", entity_json(r.target_id, r.target_name)},
                   {"from", c.before ? ordered_json(name(*c.before)) : ordered_json()}, {"to", name(c.after)},
                   {"evidence", evidence_json(c.evidence)}});
    rows.push_back({c.date, what, std::string(name(r.type)), r.source_name, r.target_name, evidence_cell(c.evidence)});
    ++shown;
  }
  o.output.print(out, {"date", "change", "type", "source", "target", "evidence"}, rows);
  return found_or_say(shown > 0, "no changes match the selection");
}

void setup_changes(CLI::App& cmd, TimelineOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd);
  o.output.add(&cmd,
               "JSON array of {date, change (new|changed), type, source: {id, name}, target: {id, name}, from, to, "
               "evidence: {doc, sentence, date, url}} (docs/json.md)");
  cmd.footer("A relation's status at a date is that of its latest evidence up to then (the most definite on\n"
             "ties); one whose status at the end of the window equals its status before it is not listed.\n"
             "--status and --min-status filter the new status; --min-evidence counts all of a relation's\n"
             "evidence, whatever its date; undated evidence is ignored.\n"
             "Exit status: 0 changes found, 1 none, 2 error.\n"
             "Example: aikg changes --db aikg.db --since 2025-01-01 --until 2025-06-30 --status done");
}

}  // namespace

std::vector<CommandSpec> history_commands() {
  return {command("timeline",
                  "An organisation's deals in date order: each relation with each status it was reported in, on which "
                  "dates, by how many sentences, with one of them. O(R log R) for R evidence rows.",
                  setup_timeline, run_timeline),
          command("changes",
                  "What appeared or changed status in a window of evidence dates (--since, optional --until): new "
                  "relations, and moves such as talks -> done. O(R log R) for R evidence rows.",
                  setup_changes, run_changes)};
}

}  // namespace aikg::cli
