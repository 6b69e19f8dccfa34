// aikg eval.
#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "aikg/eval.hpp"
#include "cli.hpp"

namespace aikg::cli {

namespace {

struct EvalOptions {
  DbOption db;
  std::string gold;
  bool verbose = false, json = false;
};

void setup_eval(CLI::App& cmd, EvalOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("--gold", o.gold, "Gold TSV (doc, type, source, target, status)")->required()->check(CLI::ExistingFile);
  cmd.add_flag("-v,--verbose", o.verbose, "List misses, extras and wrong statuses per document");
  cmd.add_flag("--json", o.json, "Scores as JSON");
}

int run_eval(const EvalOptions& o) {
  const auto store = o.db.open(true);
  std::ifstream in(o.gold, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto gold = parse_gold(ss.str(), o.gold);
  const auto result = evaluate(gold, store);
  if (o.json) {
    auto score = [](const Score& s) {
      return nlohmann::ordered_json{{"precision", s.precision()}, {"recall", s.recall()}, {"f1", s.f1()},
                                    {"tp", s.true_positives},    {"fp", s.false_positives}, {"fn", s.false_negatives}};
    };
    nlohmann::ordered_json j{{"pair", score(result.pairs)},
                             {"typed", score(result.typed)},
                             {"status_accuracy", result.status_accuracy()},
                             {"status_matched", result.status_matched}};
    fmt::print("{}\n", j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return kOk;
  }
  if (o.verbose)
    for (const auto& d : result.documents) {
      fmt::print("== {}\n", d.doc);
      for (const auto& m : d.misses) fmt::print("  miss   {}\n", m);
      for (const auto& x : d.extras) fmt::print("  extra  {}\n", x);
      for (const auto& w : d.wrong_status) fmt::print("  status {}\n", w);
    }
  auto line = [](std::string_view label, const Score& s) {
    fmt::print("{:<7} P={:.3f} R={:.3f} F1={:.3f}  (tp={} fp={} fn={})\n", label, s.precision(), s.recall(), s.f1(),
               s.true_positives, s.false_positives, s.false_negatives);
  };
  line("pair", result.pairs);
  line("typed", result.typed);
  fmt::print("status  accuracy={:.3f} ({}/{})\n", result.status_accuracy(), result.status_correct, result.status_matched);
  return kOk;
}

}  // namespace

std::vector<CommandSpec> eval_commands() {
  return {command("eval",
                  "Score the database's relations against gold annotations: pair and typed precision/recall/F1 and "
                  "status accuracy, per document then summed.",
                  setup_eval, run_eval)};
}

}  // namespace aikg::cli
