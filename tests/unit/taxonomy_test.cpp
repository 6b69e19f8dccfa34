#include <catch2/catch.hpp>

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
