// The extractor's inner workings: the compiled lexicon (Compiled) and the
// per-article state that analyses one sentence at a time (DocumentState).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aikg/gazetteer.hpp"
#include "aikg/lexicon.hpp"
#include "aikg/mention.hpp"
#include "extract/document.hpp"
#include "extract/frames.hpp"
#include "extract/phrase_matcher.hpp"

namespace aikg::detail {


// The label of a trigger-list entry that blocks a trigger ("경쟁력" is not "경쟁").
inline constexpr int kNotATrigger = -1;

// Cue lists compiled into matchers, built once per Extractor and shared.
struct Compiled {
  Compiled(const Gazetteer& gazetteer, const Lexicon& lexicon);
  void compile_grammar(const Lexicon& lexicon);
  template <class AddMatched>
  void add_gapped(const LexEntry& e, int label, std::size_t gap, AddMatched& add_matched);

  struct Alias {
    std::uint32_t entry;       // gazetteer index
    std::string compact;       // the alias without spaces, as written
    bool case_sensitive;       // Latin aliases with capitals match as written or in capitals
    bool family = false;       // a family's bare name ("Hyundai", "삼성"): see resolve_families
  };
  Frames frames;  // declared first: cues point into it
  // The frames the pairing rules read by name, looked up once.
  struct {
    const Frame *give, *owned, *with, *join, *role;
  } frame{};
  std::vector<Alias> aliases;
  PhraseMatcher names{true, true, true};
  void add_officials(std::uint32_t entry, const GazetteerEntry& government, const Lexicon& lexicon);

  // Offices that stand for a country's ministry or government (offices.tsv):
  // compiled as names after a country's word ("Japan's trade minister"), and
  // kept for a country the context gives ("the country's trade minister").
  void add_offices(const std::vector<GazetteerEntry>& entries, const Lexicon& lexicon);
  PhraseMatcher offices{true, true};             // office title -> index in office_holders' keys
  std::size_t office_count = 0;
  std::map<std::pair<std::uint32_t, std::size_t>, std::uint32_t> office_holders;  // (government, office) -> entry
  PhraseMatcher countries{false, false};         // a country's word -> its government's entry
  PhraseMatcher country_references{true, false};  // "the country's", "해당국"
  std::vector<std::string> former_words;          // "former", "전": the office is no longer held
  std::vector<bool> country_government;          // per gazetteer entry: a government with a country's words

  // What a back-reference stands for (references.tsv): the latest pair, the
  // latest subject, the latest deal's members, the article's project.
  enum class ReferenceKind : std::uint8_t { pair, last, members, project };
  static ReferenceKind reference_kind(std::string_view label) {
    return label == "pair" ? ReferenceKind::pair
           : label == "last" ? ReferenceKind::last
           : label == "members" ? ReferenceKind::members
                                : ReferenceKind::project;
  }
  // gap_first, gap_second: the two parts of a trigger with a gap ("함께 ... 개발").
  enum class CueKind : std::uint8_t { trigger, status, direction, title, reference, gap_first, gap_second };
  struct Cue {
    CueKind kind;
    int label;          // RelationType, Status (or -1 for reported), ReferenceKind
    bool sentence_scope;
    bool weak;          // a generic trigger, outranked by a specific one for the same pair
    bool ascii;
    bool prefix;        // ASCII cue with a trailing '*'
    std::string text;
    bool gapped = false;     // a trigger in two parts: it needs its partner in the sentence
    bool role_noun = false;  // "investors", "backers": names the agents of the article's deal
    bool ends = false;       // "sold its stake", "지분 ... 매각": the relation it names has ended
    bool contest = false;    // "탈락", "shortlisted": a place in the selection the article tells of
    const Frame* frame = nullptr;  // a frame cue's frame ("유치": receive), or a trigger's own ("raised": raise)
  };
  std::vector<Cue> cues;
  static constexpr std::string_view kGapMark = " ... ";
  std::vector<std::size_t> gapped;  // per gapped trigger row: its trigger cue in `cues`
  PhraseMatcher korean_cues{false, true};
  PhraseMatcher english_cues{true, false};

  // Looked up with string_views into the text, without building strings.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  template <class V>
  using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

  TextMap<Role> josa;                               // particle form -> role
  std::size_t longest_josa = 0;                     // bytes
  std::vector<std::string> markers;                 // nouns between a name and its particle
  PhraseMatcher titles{true, true};
  std::vector<std::string> company_suffixes, english_suffixes, legal_forms;
  std::vector<std::string> project_suffixes, english_project_suffixes;  // "컨소시엄", "Alliance"
  std::vector<std::string> project_prefixes, english_project_prefixes;  // "프로젝트", "Project"
  TextMap<bool> not_organisations;
  std::vector<std::string> korean_descriptors, english_descriptors;  // nouns before a name: 스타트업, startup
  TextMap<bool> common_words;                                         // alias keys of data/lexicon/common_words.tsv
  TextMap<bool> places;                                               // its `place` rows: countries, regions
  TextMap<Role> prepositions;                       // English preposition -> role

  // Grammar words (data/lexicon/grammar.tsv), one list each.
  struct Grammar {
    std::vector<std::string> open_endings, connectives, adnominals, nominal_heads, group_nouns, firm_nouns,
        list_words, including, not_only, context_endings;
    std::vector<std::string> english_verbs;  // sorted, lower case
    std::vector<std::string> english_breaks;
    std::vector<std::string> reporting_verbs;  // sorted
    std::vector<std::string> copulas;
    std::vector<std::string> definite_words, signing_verbs, product_nouns;
    std::vector<std::string> goods;  // what a `goods` frame needs named in its clause
    std::vector<std::string> own_words;
  } grammar;
};

struct CueHit {
  std::size_t begin, end;
  const Compiled::Cue* cue;
  std::size_t lead_begin = 0, lead_end = 0;  // a gapped trigger's first part ("함께" of "함께 ... 개발")
};

// A relation found in one sentence, before it becomes a Mention.
struct FoundRelation {
  RelationType type;
  EntityRef source, target;
  Status status;
  double confidence;
  std::string cue;
  bool weak = false;
  bool defaulted = false;  // no status cue: `done` by default, overridden by a stated status
};

// One name (or person, or back-reference) in a sentence, resolved to the
// organisation it stands for.
struct Unit {
  std::size_t begin = 0, end = 0;  // the name ... its particle
  int entry = -1;                  // gazetteer index of the organisation
  std::string candidate;           // or: an unknown organisation's surface name
  Role role = Role::none;
  bool deung = false;              // followed by 등 ("A, B 등")
  bool topic = false;              // marked as topic (은/는/도): the main clause's subject
  bool implicit = false;           // not in the sentence: the previous subject (Korean drops it)
  bool titled = false;             // followed by a person's title ("삼성전자 회장")
  bool reference = false;          // a word that refers back ("양사", "the company"), not a name
  std::uint32_t alias = 0;         // the matched alias, in Compiled::aliases (names only)
  bool project = false;            // a discovered project or alliance ("Nova Alliance", "'한강' 프로젝트")
};

struct Group {
  std::vector<std::size_t> units;  // indexes into the sentence's units
  Role role = Role::none;
  std::size_t begin = 0, end = 0;
  bool topic = false;
};

class DocumentState {
 public:
  DocumentState(const Compiled& compiled, const Gazetteer& gazetteer, std::string_view text);
  void count_mentions(const std::vector<Sentence>& sentences);
  void resolve_families(const std::vector<Sentence>& sentences);
  std::vector<Sentence> split_glued_headlines(const std::vector<Sentence>& sentences) const;
  void drop_outranked(std::vector<FoundRelation>& found) const;
  std::vector<FoundRelation> analyse(const Sentence& sentence);
  bool headline_ = false;  // the sentence being analysed has no sentence ending

 private:
  std::vector<Unit> find_units(const Sentence& s);
  void find_names(const Sentence& s, std::vector<Unit>& units);
  std::string without_legal_form(std::string name) const;
  void find_candidates(const Sentence& s, bool english, std::vector<Unit>& units);
  std::optional<Unit> korean_candidate(std::size_t begin, std::size_t end, std::size_t word_begin) const;
  std::optional<Unit> english_described(std::size_t begin, const Sentence& s) const;
  std::optional<Unit> english_named_before(std::size_t suffix_begin, std::size_t end, const Sentence& s,
                                           const std::vector<Unit>& units) const;
  void find_quoted_projects(const Sentence& s, const std::vector<Unit>& units, std::vector<Unit>& found) const;
  std::optional<Unit> english_named_after(std::size_t prefix_end, const Sentence& s, const std::vector<Unit>& units) const;
  void add_prefixed_project(std::size_t open, std::size_t inner, std::size_t shut, std::size_t closed, const Sentence& s,
                            const std::vector<Unit>& units, std::vector<Unit>& found) const;
  bool after_descriptor(std::size_t pos, std::size_t limit, const std::vector<std::string>& descriptors) const;
  bool is_common_word(std::string_view word) const;
  bool possessive_before(const Unit& u, const Unit& next) const;
  void find_references(const Sentence& s, const std::vector<CueHit>& cues, std::vector<Unit>& units);
  std::optional<Unit> match_name_at(std::size_t pos, const Sentence& s);
  bool not_only_at(std::size_t pos, std::size_t limit) const;
  Role read_tail(std::size_t pos, std::size_t limit, std::size_t& end, bool& deung, bool& titled);
  std::optional<Role> particle_role(std::string_view rest) const;
  void merge_people(std::vector<Unit>& units);
  struct CountryMention {
    std::size_t begin, end;
    int government;  // gazetteer index of the country's government, or -1: an organisation of no country
    bool word;       // a country's word ("Japan"), not a name
  };
  std::vector<CountryMention> country_mentions(const Sentence& s, const std::vector<Unit>& units) const;
  std::optional<std::pair<std::size_t, std::size_t>> office_at(std::size_t pos, std::size_t limit) const;
  bool after_former(std::size_t pos, std::size_t limit) const;
  int country_of(const Unit& u) const;  // the government of a country whose body `u` is, or -1
  void find_offices(const Sentence& s, std::vector<Unit>& units);
  void find_salient_country(const std::vector<Sentence>& sentences);
  void remember_english_name(std::string_view alias, int person);
  void find_english_names_again(const Sentence& s, std::vector<Unit>& units);
  int organisation_of(int person) const;  // gazetteer index, or -1
  std::vector<Group> group_units(const Sentence& s, std::vector<Unit>& units);
  void assign_english_roles(const Sentence& s, const std::vector<Unit>& units, std::vector<Group>& groups,
                            const std::vector<CueHit>& cues);
  std::vector<CueHit> find_cues(const Sentence& s) const;
  bool capitalised_mid_sentence(const Sentence& s, std::size_t at, std::string_view cue) const;
  std::size_t first_english_verb(const Sentence& s) const;
  std::string without_settings(std::string_view gap) const;
  std::size_t reporting_tail(const Sentence& s) const;
  std::vector<std::size_t> english_clause_starts(const Sentence& s, const std::vector<Unit>& units) const;
  std::pair<std::size_t, std::size_t> english_clause_of(std::size_t pos, const Sentence& s) const;
  std::string cue_text(const CueHit& h) const;
  void drop_triggers_inside_names(const std::vector<Unit>& units, std::vector<CueHit>& cues) const;
  Status qualified_status(const CueHit& done, const std::vector<CueHit>& cues) const;
  bool same_clause(std::size_t a, std::size_t b, const std::vector<Group>& groups, bool english) const;
  bool ends_in_plain_present(std::size_t from) const;
  Status clause_status(const CueHit& trigger, const std::vector<CueHit>& cues, const std::vector<Group>& groups,
                       bool english,
                       bool& reported, bool& defaulted, double& confidence) const;
  void relate(const CueHit& trigger, const std::vector<Unit>& units, const std::vector<Group>& groups,
              const std::vector<CueHit>& cues, bool english, std::vector<FoundRelation>& out);
  struct Pairing;  // one trigger's context (relate.cpp)
  void relate_participation(const Pairing& p, const std::vector<CueHit>& cues) const;
  void join_deal(const Pairing& p, const std::vector<CueHit>& cues) const;
  bool owner_in_list(const Group& owner, const Group& next) const;
  std::optional<std::pair<RelationType, Unit>> deal_of(RelationType noun, bool joined) const;
  bool joins(const CueHit& verb, const CueHit& noun, bool english) const;
  bool adnominal_to(const CueHit& verb, const CueHit& noun) const;
  std::optional<std::pair<RelationType, Unit>> deal_joined(const Pairing& p, const CueHit& noun,
                                                           const std::vector<CueHit>& cues) const;
  bool joined_noun(const CueHit& noun, const std::vector<CueHit>& cues, bool english) const;
  void relate_role_noun(const Pairing& p) const;
  std::vector<const Group*> list_around(const Pairing& p, const Group& g) const;
  std::size_t copula_after(std::size_t from, std::size_t within) const;
  void relate_directed(const Pairing& p, const std::vector<CueHit>& cues) const;
  const Frame& directed_frame(const Pairing& p, const std::vector<CueHit>& cues) const;
  bool theme_named(const Pairing& p, const Frame& frame) const;
  bool only_possessive_mark(std::size_t from, std::size_t to) const;
  void relate_undirected(const Pairing& p) const;
  void relate_one_group(const Pairing& p) const;
  void pair_within(const Pairing& p, const Group& g) const;
  void take_part_in_contest(const Pairing& p) const;
  void add_listed_before(const Pairing& p, std::vector<const Group*>& partners) const;
  bool joint_work_in_clause(const Pairing& p) const;
  bool names_its_parties(const CueHit& noun) const;
  bool told_before(const CueHit& trigger, const std::vector<CueHit>& cues) const;
  bool before_product(const Unit& u) const;
  bool rivals_of_someone_else(const CueHit& trigger, const std::vector<Group>& groups) const;
  bool owned_by_subjects(const CueHit& trigger) const;
  void complete_from_context(const Pairing& p, const std::vector<const Unit*>& solo) const;
  Status ownership_status(const CueHit& trigger, const std::vector<CueHit>& cues, const std::vector<Group>& groups) const;
  void relate_subsidiaries(const std::vector<Unit>& units, const std::vector<Group>& groups,
                           const std::vector<CueHit>& cues, std::vector<FoundRelation>& out);
  EntityRef ref(const Unit& u) const;
  std::string key(const Unit& u) const;
  const GazetteerEntry* entry(const Unit& u) const;
  bool is_project(const Unit& u) const;
  bool plausible(RelationType type, const Unit& a, const Unit& b) const;
  std::size_t clause_start(std::size_t pos, const std::vector<Group>& groups, bool at_commas = true) const;
  bool appositive(const CueHit& trigger, RelationType type, const std::vector<Unit>& units,
                  const std::vector<Group>& groups, std::vector<FoundRelation>& out, Status status,
                  double confidence) const;
  bool in_relative_clause(const CueHit& trigger, std::size_t sentence_end) const;
  std::vector<const Group*> subjects_for(const CueHit& trigger, const std::vector<Group>& groups,
                                         std::size_t sentence_end) const;
  bool is_ancestor(const GazetteerEntry* child, const GazetteerEntry* parent) const;
  const GazetteerEntry* root_of(const GazetteerEntry* e) const;
  const Unit* article_project() const;
  std::vector<Unit> referents(Compiled::ReferenceKind kind, const std::vector<Unit>& units) const;
  void remember(const std::vector<FoundRelation>& found, const std::vector<Unit>& units,
                const std::vector<Group>& groups);

  void trace_trigger(const CueHit& h, const std::vector<Group>& groups, bool english, std::size_t relations) const;
  void trace(const Sentence& s, const std::vector<Unit>& units, const std::vector<Group>& groups,
             const std::vector<CueHit>& cues) const;

  const Compiled& c_;
  const Gazetteer& g_;
  std::string_view text_;
  bool debug_ = false;
  std::size_t sentence_begin_ = 0, sentence_end_ = 0;
  std::vector<std::size_t> english_clauses_;  // where the clauses of the current English sentence begin
  std::unordered_map<std::string, int> surname_to_person_;   // "김" -> gazetteer index of 김한빛
  std::unordered_map<std::string, int> english_name_to_person_;  // "Chey", "Huang" once the full name appeared
  std::unordered_map<int, int> person_org_;                  // person index -> organisation index
  std::optional<std::uint32_t> last_country_;                // the government of the country last named
  std::optional<int> last_named_;  // the country of the last name of the sentence before (-1: an organisation)
  std::optional<std::uint32_t> salient_country_;  // the only country the article names, if it names one
  std::map<std::string, int> mention_counts_;                // entity key -> mentions in the article
  // Names found by count_mentions, per sentence (begin, end), reused by analyse.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Unit>> units_of_sentence_;
  std::vector<Unit> last_pair_;
  std::vector<Unit> last_parties_;  // the parties of the latest deal of three or more
  std::optional<Unit> last_subject_;
  std::optional<Unit> first_project_;  // the first project or alliance the article names
  std::unordered_map<std::string, Unit> counterpart_;        // entity key -> its latest partner
  std::map<RelationType, Unit> deal_target_;                 // the article's latest deal of a directed type: its target
};

}  // namespace aikg::detail
