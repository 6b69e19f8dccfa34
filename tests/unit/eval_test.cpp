// The scorer of shared/eval/README.md on small hand-made gold and predictions.
#include <catch2/catch.hpp>

#include "aikg/error.hpp"
#include "aikg/eval.hpp"

#include <map>

using namespace aikg;

namespace {

// Gold names resolve through a tiny alias table, as the tool's would.
std::optional<std::string> canonical(std::string_view n) {
  if (n == "삼성전자" || n == "Samsung Electronics") return "Samsung Electronics";
  if (n == "오픈AI" || n == "OpenAI") return "OpenAI";
  if (n == "Samsung Group") return "Samsung Group";
  return std::nullopt;
}

const char* kGold =
    "doc\ttype\tsource\ttarget\tstatus\n"
    "# a comment\n"
    "d1\tloi\tSamsung Electronics\tOpenAI\tdone\n"
    "d1\tsupply\t삼성전자\tOpenAI\tplanned\n"
    "d1\tmeeting\tSamsung Group|Samsung Electronics\tOpenAI\tdone\n"
    "d2\tnone\t-\t-\t-\n";

}  // namespace

TEST_CASE("gold rows parse with alternatives, comments and none rows", "[eval]") {
  const auto gold = parse_gold(kGold, "gold.tsv");
  REQUIRE(gold.size() == 4);
  CHECK(gold[2].source == std::vector<std::string>{"Samsung Group", "Samsung Electronics"});
  CHECK_FALSE(gold[3].type.has_value());
  CHECK_THROWS_AS(parse_gold("doc\ttype\tsource\ttarget\tstatus\nd1\tfriendship\tA\tB\tdone\n", "g"), DataError);
  CHECK_THROWS_WITH(parse_gold("doc\ttype\tsource\ttarget\tstatus\nd1\tloi\tA\tB\n", "g.tsv"),
                    Catch::Contains("g.tsv:2"));
}

TEST_CASE("typed matches keep direction for directed types only", "[eval]") {
  const auto gold = parse_gold(kGold, "gold.tsv");
  const std::vector<PredictedRelation> predicted{
      {"d1", RelationType::loi, "OpenAI", "Samsung Electronics", Status::done},       // undirected: reversed is fine
      {"d1", RelationType::supply, "OpenAI", "Samsung Electronics", Status::planned},  // directed: wrong way
      {"d1", RelationType::meeting, "Samsung Electronics", "OpenAI", Status::planned},  // alternative name, wrong status
  };
  const auto r = evaluate(gold, predicted, canonical);
  CHECK(r.typed.true_positives == 2);
  CHECK(r.typed.false_positives == 1);
  CHECK(r.typed.false_negatives == 1);
  CHECK(r.status_matched == 2);
  CHECK(r.status_correct == 1);
  CHECK(r.status_accuracy() == Approx(0.5));
  // Gold rows with different alternatives are different pairs: one is found.
  CHECK(r.pairs.true_positives == 1);
  CHECK(r.pairs.false_positives == 0);
  CHECK(r.pairs.false_negatives == 1);
}

TEST_CASE("everything extracted from a document without relations is an extra", "[eval]") {
  const auto gold = parse_gold(kGold, "gold.tsv");
  const std::vector<PredictedRelation> predicted{{"d2", RelationType::mou, "A", "B", Status::done},
                                                 {"d9", RelationType::mou, "A", "B", Status::done}};  // not in gold: ignored
  const auto r = evaluate(gold, predicted, canonical);
  CHECK(r.typed.false_positives == 1);
  CHECK(r.pairs.false_positives == 1);
  CHECK(r.typed.false_negatives == 3);
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[1].extras.size() == 1);
  CHECK(r.documents[0].misses.size() == 3);
}

TEST_CASE("predictions keep the most definite status per document, type and pair", "[eval]") {
  const auto p = most_definite({{"d1", RelationType::mou, "B", "A", Status::talks},
                                {"d1", RelationType::mou, "A", "B", Status::done},
                                {"d1", RelationType::mou, "A", "B", Status::speculated}});
  REQUIRE(p.size() == 1);
  CHECK(p[0].status == Status::done);
}

TEST_CASE("a relation the article reports as called off is ended", "[eval]") {
  const auto p = most_definite({{"d1", RelationType::acquisition, "A", "B", Status::done},
                                {"d1", RelationType::acquisition, "A", "B", Status::ended},
                                {"d2", RelationType::acquisition, "A", "B", Status::planned}});
  REQUIRE(p.size() == 2);
  CHECK(p[0].status == Status::ended);
  CHECK(p[1].status == Status::planned);
}

TEST_CASE("precision, recall and F1 are zero, not NaN, on empty input", "[eval]") {
  const Score s;
  CHECK(s.precision() == 0.0);
  CHECK(s.recall() == 0.0);
  CHECK(s.f1() == 0.0);
}

TEST_CASE("scores per type and per status add up to the typed score", "[eval]") {
  const auto gold = parse_gold(kGold, "gold.tsv");
  const std::vector<PredictedRelation> predicted{
      {"d1", RelationType::loi, "Samsung Electronics", "OpenAI", Status::done},
      {"d1", RelationType::meeting, "Samsung Electronics", "OpenAI", Status::planned},
      {"d1", RelationType::mou, "Samsung Electronics", "OpenAI", Status::done},
  };
  const auto r = evaluate(gold, predicted, canonical);
  CHECK(r.by_type.at(RelationType::loi).true_positives == 1);
  CHECK(r.by_type.at(RelationType::mou).false_positives == 1);
  CHECK(r.by_type.at(RelationType::supply).false_negatives == 1);
  CHECK(r.by_type.count(RelationType::investment) == 0);
  // meeting matched with the wrong status: a false positive of `planned`, a miss of `done`.
  CHECK(r.by_status.at(Status::planned).false_positives == 1);
  CHECK(r.by_status.at(Status::done).false_negatives == 1);
  // the mou is an extra `done`, the missed supply a miss of `planned`.
  CHECK(r.by_status.at(Status::done).false_positives == 1);
  CHECK(r.by_status.at(Status::planned).false_negatives == 1);
  CHECK(r.by_status.at(Status::done).true_positives == 1);
  std::size_t tp = 0;
  for (const auto& [type, s] : r.by_type) tp += s.true_positives;
  CHECK(tp == r.typed.true_positives);
  CHECK(macro_f1(r.by_type) == Approx((1.0 + 0.0 + 0.0 + 1.0) / 4));
}

TEST_CASE("misses and extras carry the reason they are one", "[eval]") {
  const auto gold = parse_gold(
      "doc\ttype\tsource\ttarget\tstatus\n"
      "d1\tinvestment\tSamsung Electronics\tOpenAI\tdone\n"
      "d1\tsupply\tSamsung Electronics\tOpenAI\tplanned\n"
      "d1\tpartnership\tSamsung Electronics\tNimbus Robotics\tdone\n"
      "d1\tmou\tOpenAI\tSamsung Group\tdone\n",
      "g");
  const std::vector<PredictedRelation> predicted{
      {"d1", RelationType::investment, "OpenAI", "Samsung Electronics", Status::done},  // reversed
      {"d1", RelationType::contract, "Samsung Electronics", "OpenAI", Status::done},    // other type
      {"d1", RelationType::mou, "OpenAI", "Samsung Group", Status::planned},            // wrong status
  };
  const auto r = evaluate(gold, predicted, canonical);
  REQUIRE(r.documents.size() == 1);
  const auto& d = r.documents[0];
  std::map<std::string, std::string> misses, extras;
  for (const auto& f : d.misses) misses[f.text.substr(0, f.text.find(' '))] = f.reason;
  for (const auto& f : d.extras) extras[f.text.substr(0, f.text.find(' '))] = f.reason;
  CHECK(misses["investment"] == "reversed");
  CHECK(misses["supply"] == "other type");
  CHECK(misses["partnership"] == "unknown name");
  CHECK(extras["investment"] == "reversed");
  CHECK(extras["contract"] == "other type");
  REQUIRE(d.wrong_status.size() == 1);
  CHECK(d.wrong_status[0].reason == "done -> planned");
  CHECK(r.miss_reasons.at("reversed") == 1);
  CHECK(r.unknown_names == std::vector<std::string>{"Nimbus Robotics"});
}
