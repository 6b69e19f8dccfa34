// The cue lexicons load, and reject labels their list does not accept.
#include <catch2/catch.hpp>

#include "aikg/error.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/lexicon.hpp"
#include "aikg/taxonomy.hpp"

using namespace aikg;

TEST_CASE("every built-in list loads and every relation type has a trigger", "[lexicon]") {
  const auto lex = Lexicon::builtin();
  for (const char* list : {"triggers", "status", "direction", "josa", "titles", "boilerplate", "references", "candidates",
                           "grammar", "prepositions", "families"}) {
    INFO(list);
    CHECK_FALSE(lex.list(list).empty());
  }
  for (const auto& t : kRelationTypes) {
    INFO(t.name);
    const auto& triggers = lex.list("triggers");
    CHECK(std::any_of(triggers.begin(), triggers.end(), [&](const LexEntry& e) { return e.label == t.name; }));
  }
}

TEST_CASE("every grammar list the extractor reads has words", "[lexicon]") {
  const auto lexicon = Lexicon::builtin();
  const auto& grammar = lexicon.list("grammar");
  for (const char* list : {"open_ending", "connective", "adnominal", "nominal_head", "group_noun", "firm_noun",
                           "list_word", "including", "not_only", "context_ending", "definite", "signing_verb", "product_noun",
                           "state_title"}) {
    INFO(list);
    CHECK(std::any_of(grammar.begin(), grammar.end(), [&](const LexEntry& e) { return e.label == list; }));
  }
  Lexicon lex;
  CHECK_THROWS_WITH(lex.add_tsv("grammar", "connective\t면서\nclause_end\t고\n", "g.tsv"), Catch::Contains("g.tsv:2"));
  CHECK_THROWS_AS(lex.add_tsv("prepositions", "companion\twith\n", "p.tsv"), DataError);
}

TEST_CASE("a wrong label is refused with file and line", "[lexicon]") {
  Lexicon lex;
  CHECK_THROWS_WITH(lex.add_tsv("triggers", "mou\tMOU\nfriendship\t우정\n", "t.tsv"), Catch::Contains("t.tsv:2"));
  CHECK_THROWS_AS(lex.add_tsv("status", "maybe\t아마\tclause\n", "s.tsv"), DataError);
  CHECK_NOTHROW(lex.add_tsv("status", "planned\t예정\tclause\n", "s.tsv"));
  CHECK(lex.list("status").back().scope == "clause");
}

TEST_CASE("every family's bare name is a gazetteer alias", "[lexicon]") {
  const auto lexicon = Lexicon::builtin();
  const auto gazetteer = Gazetteer::builtin();
  for (const auto& e : lexicon.list("families")) {
    INFO(e.origin);
    CHECK(gazetteer.find(e.cue) != nullptr);
  }
}
