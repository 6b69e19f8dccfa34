// aikg report: the brief an analyst forwards to a colleague, for a period
// (--since/--until) or an organisation (--focus): new deals, status changes,
// the most central organisations and how they moved, new names to curate,
// each line with its evidence sentence and source, and a picture of the
// graph. Markdown, or HTML with --html. Every figure comes from the core
// functions the other commands use; this file only arranges them.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "aikg/analytics.hpp"
#include "aikg/dot.hpp"
#include "aikg/error.hpp"
#include "aikg/export.hpp"
#include "aikg/output.hpp"
#include "aikg/render.hpp"
#include "aikg/text.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

namespace fs = std::filesystem;

struct ReportOptions {
  DbOption db;
  SelectionOptions selection;
  std::string focus;
  std::size_t depth = 1;
  std::size_t top = 10;
  bool html = false;
  std::string out = "-";
};

// --- the page: Markdown or HTML from the same calls --------------------------

class Page {
 public:
  explicit Page(bool html) : html_(html) {}
  std::string text(std::string_view s) const { return html_ ? xml_escape(s) : markdown_escape(s); }
  void heading(int level, std::string_view title) {
    end_list();
    body_ += html_ ? fmt::format("<h{0}>{1}</h{0}>\n", level, text(title))
                   : fmt::format("\n{} {}\n\n", std::string(static_cast<std::size_t>(level), '#'), text(title));
  }
  void paragraph(std::string_view already_formatted) {
    end_list();
    body_ += html_ ? fmt::format("<p>{}</p>\n", already_formatted) : fmt::format("{}\n\n", already_formatted);
  }
  void item(std::string_view already_formatted) {
    if (html_ && !in_list_) body_ += "<ul>\n";
    in_list_ = true;
    body_ += html_ ? fmt::format("<li>{}</li>\n", already_formatted) : fmt::format("- {}\n", already_formatted);
  }
  std::string bold(std::string_view s) const {
    return html_ ? fmt::format("<b>{}</b>", text(s)) : fmt::format("**{}**", text(s));
  }
  std::string quote(std::string_view s) const { return fmt::format("\u201C{}\u201D", text(clip(s, 220))); }
  std::string link(std::string_view label, std::string_view url) const {
    if (!is_web_url(url)) return text(label);
    return html_ ? fmt::format("<a href=\"{}\">{}</a>", xml_escape(url), text(label))
                 : fmt::format("[{}](<{}>)", text(label), url);
  }
  std::string image(std::string_view file, std::string_view alt) const {
    return html_ ? fmt::format("<img src=\"{}\" alt=\"{}\" style=\"max-width:100%\">", xml_escape(file), xml_escape(alt))
                 : fmt::format("![{}](<{}>)", text(alt), file);
  }
  std::string finish(std::string_view title) {
    end_list();
    if (!html_) return body_;
    return fmt::format("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{}</title>\n"
                       "<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.45}}"
                       "li{{margin:.3em 0}}</style></head><body>\n{}</body></html>\n",
                       xml_escape(title), body_);
  }

 private:
  static std::string markdown_escape(std::string_view s) {
    std::string out;
    for (const char c : s) {
      if (c == '\n' || c == '\r') {
        out += ' ';
        continue;
      }
      if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
    return out;
  }
  void end_list() {
    if (in_list_) body_ += html_ ? "</ul>\n" : "\n";
    in_list_ = false;
  }
  bool html_;
  bool in_list_ = false;
  std::string body_;
};

// --- what the report reads ---------------------------------------------------

// The day before an ISO date ("" for ""): the end of "before the period".
std::string day_before(const std::string& date) {
  if (date.size() != 10) return {};
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2)) - 1;
  if (d == 0) {
    if (--m == 0) m = 12, --y;
    for (d = 31; !iso_date(y, m, d); --d) {}
  }
  return iso_date(y, m, d).value_or("");
}

// Keeps the relations within `depth` hops of `start` (both ends).
void keep_around(std::vector<RelationRow>& rows, const std::vector<EntityRow>& entities, std::int64_t start,
                 std::size_t depth) {
  const auto ag = build_graph(rows, entities);
  std::unordered_set<std::int64_t> keep{start};
  if (const auto v = ag.find(start))
    for (const auto& n : neighbors(ag, *v, depth)) keep.insert(ag.graph[n.vertex].entity_id);
  std::erase_if(rows, [&](const RelationRow& r) { return !keep.contains(r.source_id) || !keep.contains(r.target_id); });
}

// Entity id -> PageRank rank (1 = most central) over `rows`.
std::unordered_map<std::int64_t, std::size_t> pagerank_ranks(const std::vector<RelationRow>& rows,
                                                             const std::vector<EntityRow>& entities,
                                                             std::vector<std::pair<std::int64_t, double>>* ordered) {
  const auto ag = build_graph(rows, entities);
  const auto csr = make_csr(ag);
  std::unordered_map<std::int64_t, std::size_t> rank_of;
  if (csr.num_vertices() == 0) return rank_of;
  const auto score = pagerank(csr).score;
  std::vector<std::uint32_t> order(score.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) {
    return score[a] != score[b] ? score[a] > score[b] : ag.graph[a].name < ag.graph[b].name;
  });
  for (std::size_t i = 0; i < order.size(); ++i) {
    rank_of.emplace(ag.graph[order[i]].entity_id, i + 1);
    if (ordered) ordered->emplace_back(ag.graph[order[i]].entity_id, score[order[i]]);
  }
  return rank_of;
}

std::string source_of(const Page& page, const EvidenceRow* e) {
  if (!e) return "";
  const std::string where = e->doc.empty() ? "curated" : e->doc;
  return fmt::format(" {} ({}{})", page.quote(e->sentence), page.link(where, e->url),
                     e->date.empty() ? "" : ", " + e->date);
}

std::string pair_text(const RelationRow& r) {
  return fmt::format("{} {} {}", r.source_name, is_directed(r.type) ? "\u2192" : "\u2014", r.target_name);
}

// --- the sections ------------------------------------------------------------

void write_changes(Page& page, const std::vector<Change>& found, bool fresh, std::size_t top) {
  std::vector<const Change*> shown;
  for (const auto& c : found)
    if (c.before.has_value() != fresh) shown.push_back(&c);
  page.heading(2, fmt::format("{} ({})", fresh ? "New deals" : "Status changes", shown.size()));
  if (shown.empty()) page.paragraph(page.text("None in the period."));
  for (std::size_t i = 0; i < shown.size() && i < top; ++i) {
    const auto& c = *shown[i];
    const auto& r = *c.relation;
    const auto status = c.before ? fmt::format("{} \u2192 {}", name(*c.before), name(c.after)) : std::string(name(c.after));
    page.item(fmt::format("{} {}: {} ({}).{}", page.bold(c.date), page.text(pair_text(r)), page.text(name(r.type)),
                          page.text(status), source_of(page, c.evidence)));
  }
  if (shown.size() > top) page.item(page.text(fmt::format("... and {} more (aikg changes lists them all)", shown.size() - top)));
}

void write_central(Page& page, const std::vector<RelationRow>& in_period, const std::vector<RelationRow>& before,
                   const std::vector<EntityRow>& entities, bool has_before, std::size_t top) {
  std::vector<std::pair<std::int64_t, double>> ordered;
  pagerank_ranks(in_period, entities, &ordered);
  const auto before_rank = pagerank_ranks(before, entities, nullptr);
  std::unordered_map<std::int64_t, std::string> name_of;
  for (const auto& e : entities) name_of.emplace(e.id, e.name);
  page.heading(2, "The most central organisations");
  page.paragraph(page.text(has_before ? "PageRank over the period's relations; the move is against the relations "
                                        "dated before the period."
                                      : "PageRank over the selected relations."));
  for (std::size_t i = 0; i < ordered.size() && i < top; ++i) {
    const auto [id, score] = ordered[i];
    std::string move;
    if (has_before) {
      const auto it = before_rank.find(id);
      const auto was = it == before_rank.end() ? 0 : it->second;
      move = !was ? ", new" : was == i + 1 ? ", unchanged" : was > i + 1 ? fmt::format(", up {}", was - i - 1)
                                                                         : fmt::format(", down {}", i + 1 - was);
    }
    page.item(fmt::format("#{} {} ({:.3f}{})", i + 1, page.bold(name_of[id]), score, page.text(move)));
  }
}

void write_candidates(Page& page, const std::vector<RelationRow>& in_period, const std::vector<EntityRow>& entities,
                      std::size_t top) {
  std::unordered_map<std::int64_t, const EntityRow*> candidates;
  for (const auto& e : entities)
    if (e.candidate) candidates.emplace(e.id, &e);
  std::vector<std::pair<const EntityRow*, const RelationRow*>> seen;
  std::unordered_set<std::int64_t> listed;
  for (const auto& r : in_period)
    for (const auto id : {r.source_id, r.target_id})
      if (const auto it = candidates.find(id); it != candidates.end() && listed.insert(id).second)
        seen.emplace_back(it->second, &r);
  page.heading(2, fmt::format("New names to curate ({})", seen.size()));
  page.paragraph(page.text(seen.empty() ? "Every organisation in the period is in the gazetteer."
                                        : "Names the gazetteer does not know; `aikg alias add` or `aikg merge` "
                                          "files them, a gazetteer line makes them known."));
  for (std::size_t i = 0; i < seen.size() && i < top; ++i) {
    const auto& [e, r] = seen[i];
    const auto* ev = r->evidence.empty() ? nullptr : &r->evidence.back();
    page.item(fmt::format("{} ({} with {}).{}", page.bold(e->name), page.text(name(r->type)),
                          page.text(r->source_id == e->id ? r->target_name : r->source_name), source_of(page, ev)));
  }
}

// The picture beside the report: FILE.svg for -o FILE.md; "" when none.
std::string write_picture(const ReportOptions& o, const Store& store, Selection selection, std::optional<Focus> focus) {
  if (o.out == "-") return "";
  const auto svg = fs::path(o.out).replace_extension(".svg");
  const auto g = select_export(store, selection, focus);
  if (boost::num_edges(g.alliances.graph) == 0) return "";
  std::ostringstream dot;
  write_dot(dot, g, {});
  Output out(svg.string(), database_files(o.db.path));
  render_with_graphviz(dot.str(), RenderFormat::svg, out.fd());
  out.commit();
  return svg.filename().string();
}

int run_report(const ReportOptions& o) {
  const auto store = o.db.open(true);
  const auto window = o.selection.resolve();
  const auto entities = store.entities();
  std::optional<Focus> focus;
  std::string scope = "all organisations";
  if (!o.focus.empty()) {
    auto id = resolve_or_explain(store, o.focus);
    if (window.group) id = group_of(id, entities);
    focus = Focus{id, o.depth};
    scope = fmt::format("{} and its network within {} hop{}", o.focus, o.depth, o.depth == 1 ? "" : "s");
  }
  // Changes need the evidence before the window too (the status it changed from).
  auto all = window;
  all.since.clear(), all.until.clear(), all.statuses.clear(), all.min_status.reset();
  auto every = select_relations(store, all, true);
  auto in_period = select_relations(store, window, true);
  auto before = std::vector<RelationRow>{};
  const bool has_before = !window.since.empty();
  if (has_before) {
    auto earlier = all;
    earlier.until = day_before(window.since);
    before = select_relations(store, earlier, false);
  }
  if (focus)
    for (auto* rows : {&every, &in_period, &before}) keep_around(*rows, entities, focus->entity_id, focus->depth);
  const auto period = window.since.empty() && window.until.empty()
                          ? std::string("all dates")
                          : window.until.empty() ? fmt::format("since {}", window.since)
                          : window.since.empty() ? fmt::format("until {}", window.until)
                                                 : fmt::format("{} to {}", window.since, window.until);
  const auto title = fmt::format("AI alliances: {}, {}", scope, period);
  Page page(o.html);
  page.heading(1, title);
  page.paragraph(page.text(fmt::format("{} relations with evidence in the period. Written by aikg from {}.",
                                       in_period.size(), fs::path(o.db.path).filename().string())));
  if (const auto picture = write_picture(o, store, window, focus); !picture.empty())
    page.paragraph(page.image(picture, "the alliance graph of the period"));
  const auto found = changes(every, window.since, window.until);
  write_changes(page, found, true, o.top * 2);
  write_changes(page, found, false, o.top * 2);
  write_central(page, in_period, before, entities, has_before, o.top);
  write_candidates(page, in_period, entities, o.top);
  Output out(o.out, database_files(o.db.path));
  out.write(page.finish(title));
  out.commit();
  if (o.out != "-") fmt::print(stderr, "wrote {}\n", o.out);
  return found_or_say(!in_period.empty(), "no relations match the selection");
}

void setup_report(CLI::App& cmd, ReportOptions& o) {
  o.db.add(&cmd);
  o.selection.add(&cmd, {RelationType::competition});  // a rivalry is no deal
  auto* focus = cmd.add_option("--focus", o.focus, "Only the network around this organisation (any alias)");
  cmd.add_option("--depth", o.depth, "With --focus: hops from it")->capture_default_str()->check(CLI::Range(1, 5))->needs(focus);
  cmd.add_option("--top", o.top, "Lines per section (deals and changes: twice this)")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd.add_flag("--html", o.html, "HTML instead of Markdown");
  cmd.add_option("-o,--output", o.out, "Output file (- for stdout); with a file, the picture is written beside it as .svg")
      ->capture_default_str();
  cmd.footer("Sections: new deals and status changes in the period (each with its evidence sentence and source), the\n"
             "most central organisations by PageRank and how they moved against the time before --since, and names\n"
             "the gazetteer does not know. Rivalries (competition) are left out unless --types or --exclude-types asks.\n"
             "Example: aikg report --db news.db --since 2025-09-01 --focus OpenAI -o brief.md");
}

}  // namespace

std::vector<CommandSpec> report_commands() {
  return {command("report",
                  "A brief for a period or an organisation, in Markdown or HTML: new deals, status changes, the most "
                  "central organisations and how they moved, new names to curate, and a picture.",
                  setup_report, run_report)};
}

}  // namespace aikg::cli
