#include <catch2/catch.hpp>

#include <algorithm>

#include "aikg/lexicon.hpp"
#include "aikg/taxonomy.hpp"

using namespace aikg;

TEST_CASE("every relation type round-trips through its name", "[taxonomy]") {
  for (const auto& row : kRelationTypes) {
    CAPTURE(row.name);
    CHECK(info(row.type).type == row.type);
    CHECK(name(row.type) == row.name);
    CHECK(is_directed(row.type) == row.directed);
    CHECK(parse_relation_type(row.name) == row.type);
  }
}

TEST_CASE("every status and entity kind round-trips through its name", "[taxonomy]") {
  for (const auto& row : kStatuses) {
    CAPTURE(row.name);
    CHECK(name(row.status) == row.name);
    CHECK(parse_status(row.name) == row.status);
  }
  for (const auto& [kind, kind_name] : kEntityKinds) {
    CAPTURE(kind_name);
    CHECK(name(kind) == kind_name);
    CHECK(parse_entity_kind(kind_name) == kind);
  }
}

TEST_CASE("names parse case-insensitively", "[taxonomy]") {
  CHECK(parse_relation_type("MOU") == RelationType::mou);
  CHECK(parse_relation_type("Joint_Venture") == RelationType::joint_venture);
  CHECK(parse_status("Done") == Status::done);
  CHECK(parse_status("TALKS") == Status::talks);
  CHECK(parse_entity_kind("Company") == EntityKind::company);
}

TEST_CASE("unknown names do not parse", "[taxonomy]") {
  const auto unknown = GENERATE(as<std::string_view>{}, "", "mo", "mous", " mou", "mou ", "joint venture",
                                "joint-venture", "엠오유", "done\n");
  CAPTURE(unknown);
  CHECK_FALSE(parse_relation_type(unknown));
  CHECK_FALSE(parse_status(unknown));
  CHECK_FALSE(parse_entity_kind(unknown));
}

TEST_CASE("direction is meaningful only for the asymmetric relation types", "[taxonomy]") {
  CHECK(is_directed(RelationType::investment));
  CHECK(is_directed(RelationType::acquisition));
  CHECK(is_directed(RelationType::supply));
  CHECK(is_directed(RelationType::subsidiary_of));
  CHECK_FALSE(is_directed(RelationType::mou));
  CHECK_FALSE(is_directed(RelationType::partnership));
  CHECK_FALSE(is_directed(RelationType::competition));
}

TEST_CASE("status rank orders from most to least definite", "[taxonomy]") {
  CHECK(rank(Status::done) == 0);
  CHECK(rank(Status::done) < rank(Status::planned));
  CHECK(rank(Status::planned) < rank(Status::talks));
  CHECK(rank(Status::talks) < rank(Status::speculated));
  CHECK(rank(Status::speculated) < rank(Status::ended));
}

// A new relation type is one row in kRelationTypes plus its cues: this test
// names what the row and the data must supply.
TEST_CASE("every relation type has a colour, a label and a trigger cue", "[taxonomy]") {
  const auto lexicon = Lexicon::builtin();
  const auto& triggers = lexicon.list("triggers");
  for (const auto& row : kRelationTypes) {
    CAPTURE(row.name);
    CHECK(!row.name.empty());
    CHECK(!row.description.empty());
    REQUIRE(row.colour.size() == 7);  // "#rrggbb", as DOT and GEXF read it
    CHECK(row.colour[0] == '#');
    CHECK(row.colour.find_first_not_of("0123456789abcdef", 1) == std::string_view::npos);
    CHECK(std::any_of(triggers.begin(), triggers.end(), [&](const LexEntry& e) { return e.label == row.name; }));
  }
}

TEST_CASE("the behaviour flags are where the extractor expects them", "[taxonomy]") {
  CHECK(info(RelationType::competition).state);
  CHECK(info(RelationType::subsidiary_of).ownership);
  CHECK(info(RelationType::partnership).generic);
  CHECK(info(RelationType::participation).project == ProjectEndpoint::required);
  CHECK(info(RelationType::joint_development).mutual);
  for (const auto& row : kRelationTypes) {
    CAPTURE(row.name);
    if (row.ownership || row.project == ProjectEndpoint::required) CHECK(row.directed);  // child -> parent, member -> project
    if (row.mutual || row.state) CHECK_FALSE(row.directed);
  }
}
