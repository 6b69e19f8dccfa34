#include "aikg/eval.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "aikg/error.hpp"
#include "aikg/text.hpp"
#include "text/tsv.hpp"

namespace aikg {

double Score::precision() const {
  const auto d = true_positives + false_positives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0.0;
}
double Score::recall() const {
  const auto d = true_positives + false_negatives;
  return d ? static_cast<double>(true_positives) / static_cast<double>(d) : 0.0;
}
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double EvalResult::status_accuracy() const {
  return status_matched ? static_cast<double>(status_correct) / static_cast<double>(status_matched) : 0.0;
}

std::vector<GoldRelation> parse_gold(std::string_view tsv, std::string_view origin) {
  std::vector<GoldRelation> out;
  bool header = true;
  for (const auto& row : detail::parse_tsv(tsv)) {
    const auto where = fmt::format("{}:{}", origin, row.line);
    if (header) {
      header = false;
      if (row.fields.size() >= 1 && row.fields[0] == "doc") continue;
    }
    if (row.fields.size() != 5) throw DataError(fmt::format("{}: expected 5 columns, got {}", where, row.fields.size()));
    GoldRelation g;
    g.doc = std::string(row.fields[0]);
    g.line = row.line;
    if (row.fields[1] == "none") {
      out.push_back(std::move(g));
      continue;
    }
    g.type = parse_relation_type(row.fields[1]);
    if (!g.type) throw DataError(fmt::format("{}: unknown relation type '{}'", where, row.fields[1]));
    const auto status = parse_status(row.fields[4]);
    if (!status) throw DataError(fmt::format("{}: unknown status '{}'", where, row.fields[4]));
    g.status = *status;
    g.source = detail::split_list(row.fields[2], '|');
    g.target = detail::split_list(row.fields[3], '|');
    if (g.source.empty() || g.target.empty()) throw DataError(where + ": empty entity name");
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

using Names = std::set<std::string>;  // acceptable entity keys

struct Resolver {
  const std::function<std::optional<std::string>(std::string_view)>& canonical;
  std::string key(std::string_view name) const {
    if (auto c = canonical(name)) return alias_key(*c);
    return alias_key(name);
  }
  Names keys(const std::vector<std::string>& names) const {
    Names out;
    for (const auto& n : names) out.insert(key(n));
    return out;
  }
};

struct GoldItem {
  const GoldRelation* row;
  Names source, target;
  bool known = true;  // every party resolves to an entity
  bool used = false;
};

struct PredictedItem {
  const PredictedRelation* row;
  std::string source, target;  // keys
  bool used = false;
};

bool matches(const GoldItem& g, const std::string& s, const std::string& t, bool directed) {
  if (g.source.count(s) && g.target.count(t)) return true;
  return !directed && g.source.count(t) && g.target.count(s);
}

std::string describe(const GoldRelation& g) {
  return fmt::format("{} {} -> {} ({})", g.type ? name(*g.type) : "none", fmt::join(g.source, "|"),
                     fmt::join(g.target, "|"), name(g.status));
}
std::string describe(const PredictedRelation& p) {
  return fmt::format("{} {} -> {} ({})", name(p.type), p.source, p.target, name(p.status));
}

// Why a gold relation was missed, from what was predicted for its pair.
Finding miss_reason(const GoldItem& g, const std::vector<PredictedItem>& predicted) {
  auto text = describe(*g.row);
  if (!g.known) return {"unknown name", text};
  for (const auto& p : predicted)
    if (p.row->type == *g.row->type && matches(g, p.target, p.source, false)) return {"reversed", text};
  for (const auto& p : predicted)
    if (matches(g, p.source, p.target, false)) return {"other type", text + fmt::format(" [found as {}]", name(p.row->type))};
  return {"pair not related", text};
}

// Why a prediction is an extra, from the gold of its pair.
Finding extra_reason(const PredictedItem& p, const std::vector<GoldItem>& gold) {
  auto text = describe(*p.row);
  for (const auto& g : gold)
    if (g.row->type == p.row->type && matches(g, p.target, p.source, false)) return {"reversed", text};
  for (const auto& g : gold)
    if (g.row->type && matches(g, p.source, p.target, false))
      return {"other type", text + fmt::format(" [gold has {}]", name(*g.row->type))};
  return {"pair not in gold", text};
}

void match_typed(std::vector<GoldItem>& gold, std::vector<PredictedItem>& predicted, EvalResult& result,
                 DocumentReport& report) {
  // Greedy one-to-one matching, in prediction order.
  for (auto& p : predicted) {
    auto it = std::find_if(gold.begin(), gold.end(), [&](const GoldItem& g) {
      return !g.used && g.row->type == p.row->type && matches(g, p.source, p.target, is_directed(p.row->type));
    });
    if (it == gold.end()) continue;
    it->used = p.used = true;
    const Status want = it->row->status, got = p.row->status;
    ++result.typed.true_positives;
    ++result.by_type[p.row->type].true_positives;
    ++result.status_matched;
    if (got == want) {
      ++result.status_correct;
      ++result.by_status[got].true_positives;
      continue;
    }
    ++result.by_status[got].false_positives;
    ++result.by_status[want].false_negatives;
    report.wrong_status.push_back({fmt::format("{} -> {}", name(want), name(got)), describe(*it->row)});
  }
  for (const auto& p : predicted)
    if (!p.used) {
      ++result.typed.false_positives;
      ++result.by_type[p.row->type].false_positives;
      ++result.by_status[p.row->status].false_positives;
      report.extras.push_back(extra_reason(p, gold));
    }
  for (const auto& g : gold)
    if (!g.used && g.row->type) {
      ++result.typed.false_negatives;
      ++result.by_type[*g.row->type].false_negatives;
      ++result.by_status[g.row->status].false_negatives;
      report.misses.push_back(miss_reason(g, predicted));
    }
}

void match_pairs(const std::vector<GoldItem>& gold, const std::vector<PredictedItem>& predicted, EvalResult& result) {
  std::set<std::pair<std::string, std::string>> predicted_pairs;
  for (const auto& p : predicted) predicted_pairs.insert(std::minmax(p.source, p.target));
  // Gold pairs are the distinct (unordered) name sets of the gold rows; rows
  // written with different alternatives count as different pairs.
  std::vector<std::pair<Names, Names>> gold_pairs;
  for (const auto& g : gold) {
    if (!g.row->type) continue;
    const bool dup = std::any_of(gold_pairs.begin(), gold_pairs.end(), [&](const auto& gp) {
      return (gp.first == g.source && gp.second == g.target) || (gp.first == g.target && gp.second == g.source);
    });
    if (!dup) gold_pairs.emplace_back(g.source, g.target);
  }
  std::vector<bool> used(gold_pairs.size(), false);
  for (const auto& [a, b] : predicted_pairs) {
    bool hit = false;
    for (std::size_t i = 0; i < gold_pairs.size() && !hit; ++i) {
      if (used[i]) continue;
      const auto& [gs, gt] = gold_pairs[i];
      if ((gs.count(a) && gt.count(b)) || (gs.count(b) && gt.count(a))) used[i] = hit = true;
    }
    ++(hit ? result.pairs.true_positives : result.pairs.false_positives);
  }
  result.pairs.false_negatives += static_cast<std::size_t>(std::count(used.begin(), used.end(), false));
}

void score_document(const std::string& doc, std::vector<GoldItem>& gold, std::vector<PredictedItem>& predicted,
                    EvalResult& result) {
  DocumentReport report{doc, {}, {}, {}};
  match_typed(gold, predicted, result, report);
  match_pairs(gold, predicted, result);
  for (const auto& f : report.misses) ++result.miss_reasons[f.reason];
  for (const auto& f : report.extras) ++result.extra_reasons[f.reason];
  for (const auto& f : report.wrong_status) ++result.status_reasons[f.reason];
  result.documents.push_back(std::move(report));
}

}  // namespace

EvalResult evaluate(const std::vector<GoldRelation>& gold, const std::vector<PredictedRelation>& predicted,
                    const std::function<std::optional<std::string>(std::string_view)>& canonical) {
  const Resolver r{canonical};
  EvalResult result;
  std::set<std::string> unknown;
  auto known = [&](const std::vector<std::string>& names) {
    if (std::any_of(names.begin(), names.end(), [&](const auto& n) { return canonical(n).has_value(); })) return true;
    unknown.insert(names.front());
    return false;
  };
  std::vector<std::string> docs;
  std::map<std::string, std::vector<GoldItem>> gold_by_doc;
  for (const auto& g : gold) {
    if (!gold_by_doc.count(g.doc)) docs.push_back(g.doc);
    GoldItem item{&g, r.keys(g.source), r.keys(g.target)};
    if (g.type) {
      const bool source_known = known(g.source), target_known = known(g.target);  // both sides listed
      item.known = source_known && target_known;
    }
    gold_by_doc[g.doc].push_back(std::move(item));
  }
  std::map<std::string, std::vector<PredictedItem>> predicted_by_doc;
  for (const auto& p : predicted)
    if (gold_by_doc.count(p.doc)) predicted_by_doc[p.doc].push_back({&p, r.key(p.source), r.key(p.target)});
  for (const auto& doc : docs) score_document(doc, gold_by_doc[doc], predicted_by_doc[doc], result);
  result.unknown_names.assign(unknown.begin(), unknown.end());
  return result;
}

}  // namespace aikg

namespace aikg {

std::vector<PredictedRelation> most_definite(std::vector<PredictedRelation> predicted) {
  for (auto& p : predicted)
    if (!is_canonical_pair(p.type, p.source, p.target)) std::swap(p.source, p.target);
  // A deal the article reports as called off ended, whatever it said of it
  // before: `ended` comes first, then done > planned > talks > speculated.
  const auto order = [](Status s) { return s == Status::ended ? -1 : rank(s); };
  std::sort(predicted.begin(), predicted.end(), [&](const auto& a, const auto& b) {
    return std::tie(a.doc, a.type, a.source, a.target) < std::tie(b.doc, b.type, b.source, b.target) ||
           (std::tie(a.doc, a.type, a.source, a.target) == std::tie(b.doc, b.type, b.source, b.target) &&
            order(a.status) < order(b.status));
  });
  auto same = [](const auto& a, const auto& b) {
    return std::tie(a.doc, a.type, a.source, a.target) == std::tie(b.doc, b.type, b.source, b.target);
  };
  predicted.erase(std::unique(predicted.begin(), predicted.end(), same), predicted.end());
  return predicted;
}

EvalResult evaluate(const std::vector<GoldRelation>& gold, const Store& store) {
  std::vector<PredictedRelation> predicted;
  for (const auto& r : store.relations({}, true))
    for (const auto& e : r.evidence) predicted.push_back({e.doc, r.type, r.source_name, r.target_name, e.status});
  auto canonical = [&](std::string_view n) -> std::optional<std::string> {
    if (auto id = store.resolve(n))
      if (auto e = store.entity(*id)) return e->name;
    return std::nullopt;
  };
  return evaluate(gold, most_definite(std::move(predicted)), canonical);
}

}  // namespace aikg
