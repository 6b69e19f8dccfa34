// aikg ingest, aikg extract.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "aikg/extractor.hpp"
#include "aikg/error.hpp"
#include "aikg/ingest.hpp"
#include "cli.hpp"

namespace aikg::cli {
namespace {

void report_problem(const ReadProblem& p) { fmt::print(stderr, "aikg: {}: {}\n", p.where, p.why); }

// A progress line on stderr after each batch, on a terminal only: how far,
// how fast and, for files (counted first: a file listing, and a line count
// for JSON Lines), how long until done. Stdin has no end to count towards.
ProgressSink progress_line(const std::vector<std::filesystem::path>& paths) {
  if (!stderr_is_tty()) return {};
  const auto total = count_articles(paths);
  const auto start = std::chrono::steady_clock::now();
  return [start, total](const IngestReport& r) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    const double rate = elapsed.count() > 0 ? static_cast<double>(r.articles) / elapsed.count() : 0;
    std::string eta;
    if (total > r.articles && rate > 0)
      eta = fmt::format(", about {:.0f} s to go", static_cast<double>(total - r.articles) / rate);
    fmt::print(stderr, "\r{} of {} articles, {} new, {} evidence; {:.0f} articles/s{}   ", r.articles,
               std::max(total, r.articles), r.added + r.updated, r.evidence, rate, eta);
  };
}

int summarise(const IngestReport& r, const Store& store) {
  if (stderr_is_tty()) fmt::print(stderr, "\n");
  const auto c = store.counts();
  fmt::print("ingested {} articles from {} files: {} added, {} updated, {} unchanged, {} duplicates; "
             "{} evidence rows written\n",
             r.articles, r.files, r.added, r.updated, r.unchanged, r.duplicates, r.evidence);
  fmt::print("database: {} documents, {} entities, {} relations, {} evidence\n", c.documents, c.entities, c.relations,
             c.evidence);
  if (r.undated)
    fmt::print(stderr, "aikg: {} of the {} new or changed articles have no date (give one with --date, or in front matter)\n",
               r.undated, r.added + r.updated);
  // Files of other types (a README in the folder) are a notice, not a failure.
  if (r.unsupported) fmt::print(stderr, "aikg: {} files of unsupported types skipped\n", r.unsupported);
  if (r.problems) {
    fmt::print(stderr, "aikg: {} inputs could not be read and were skipped\n", r.problems);
    return kPartial;
  }
  return kOk;
}

struct IngestCommandOptions {
  DbOption db;
  std::vector<std::string> inputs;
  std::vector<std::string> gazetteers;
  std::string mentions;
  std::size_t batch = IngestOptions{}.batch_size;
  std::int64_t jobs = 0;
  std::string date;
};

void setup_ingest(CLI::App& cmd, IngestCommandOptions& o) {
  o.db.add(&cmd);
  cmd.add_option("paths", o.inputs, "Files or folders to read; - reads standard input (JSON Lines, or one text article)");
  cmd.add_option("--gazetteer", o.gazetteers, "Extra gazetteer TSV (same format as data/gazetteer/); repeatable")
      ->allow_extra_args(false);
  cmd.add_option("--mentions", o.mentions, "Load `aikg extract` output (JSON Lines; - for stdin) instead of articles");
  cmd.add_option("--batch", o.batch,
                 "Documents per transaction (a smaller batch holds the write lock for less time)")->capture_default_str()->check(CLI::PositiveNumber);
  cmd.add_option("-j,--jobs", o.jobs,
                 fmt::format("Extraction threads, 1 to {} (0: one per core). One writer stores in input order, so "
                             "the database is the same for any N; with --mentions, above 1 parses lines on a thread ahead of the writer",
                             kMaxJobs))
      ->capture_default_str();
  cmd.add_option("--date", o.date,
                 "Date (YYYY-MM-DD) of articles whose metadata, front matter and text give none");
  cmd.footer("Dates: from the file's metadata (HTML meta tags, JSON Lines `published`, a .txt front matter block\n"
             "of ---, date:, url:, source:, title:, ---), else the first date in the text (a dateline, \"입력\n"
             "2025-10-01\", \"Published Oct. 1, 2025\", a post's timestamp), else --date. The summary counts articles\n"
             "left undated.\n"
             "Exit status: 0 all inputs stored, 1 some inputs skipped (each reported on stderr), 2 fatal error.\n"
             "A file named on the command line that aikg cannot read (missing, unsupported type) is an error;\n"
             "files of other types inside a folder are skipped with a notice.\n"
             "Examples: aikg ingest --db news.db --jobs 2 samples/\n"
             "          curl -s https://example.com/feed.jsonl | aikg ingest --db news.db -");
}

int run_ingest(const IngestCommandOptions& o) {
  if (o.inputs.empty() && o.mentions.empty()) throw CLI::ValidationError("ingest", "give PATHS, - or --mentions FILE");
  if (std::count(o.inputs.begin(), o.inputs.end(), "-") + (o.mentions == "-" ? 1 : 0) > 1)
    throw UsageError("standard input can be read once: give - only once");
  const IngestOptions ingest_options{o.batch, resolve_jobs(o.jobs), o.date.empty() ? "" : checked_iso_date(o.date, "--date")};
  auto store = o.db.open(false);
  auto extractor = make_default_extractor(o.gazetteers);
  std::vector<std::filesystem::path> paths;
  for (const auto& input : o.inputs)
    if (input != "-") paths.emplace_back(input);
  const auto progress = progress_line(paths);
  IngestReport report;
  if (!o.mentions.empty()) {
    if (o.mentions == "-") {
      report = ingest_mentions(store, extractor.gazetteer(), std::cin, "<stdin>", ingest_options, report_problem, progress);
    } else {
      std::ifstream in(o.mentions, std::ios::binary);
      if (!in) throw std::runtime_error(fmt::format("{}: cannot read", o.mentions));
      report = ingest_mentions(store, extractor.gazetteer(), in, o.mentions, ingest_options, report_problem, progress);
    }
  }
  const auto add = [&report](const IngestReport& r) {
    report.files += r.files, report.articles += r.articles, report.added += r.added, report.updated += r.updated;
    report.unchanged += r.unchanged, report.duplicates += r.duplicates, report.problems += r.problems;
    report.unsupported += r.unsupported, report.evidence += r.evidence, report.undated += r.undated;
  };
  if (!paths.empty()) add(ingest_files(store, extractor, paths, ingest_options, report_problem, progress));
  if (paths.size() < o.inputs.size())
    add(ingest_stream(store, extractor, std::cin, "<stdin>", ingest_options, report_problem, progress));
  return summarise(report, store);
}

struct ExtractOptions {
  bool jsonl = false;
  std::vector<std::string> inputs;
  std::vector<std::string> gazetteers;
};

void setup_extract(CLI::App& cmd, ExtractOptions& o) {
  cmd.add_flag("--jsonl", o.jsonl, "Read articles as JSON Lines from stdin");
  cmd.add_option("paths", o.inputs, "Files or folders to read (instead of stdin)");
  cmd.add_option("--gazetteer", o.gazetteers, "Extra gazetteer TSV; repeatable")->allow_extra_args(false);
  cmd.footer("Output: one object per article with id, title, published, url, source, origin, content_hash, date and\n"
             "mentions[] (id, type, source, target, status, confidence, sentence, begin, end, date, cue).\n"
             "Ids are stable: the same input gives the same ids. A bad input line is reported on stderr and skipped;\n"
             "the exit status stays 0 so that one bad article does not fail a distributed job.");
}

int run_extract(const ExtractOptions& o) {
  if (!o.jsonl && o.inputs.empty()) throw CLI::ValidationError("extract", "give PATHS or --jsonl (stdin)");
  const auto extractor = make_default_extractor(o.gazetteers);
  std::string line;  // one buffer for every output line: no allocation per article
  auto emit = [&](Article&& a) {
    line.clear();
    append_json_line(line, extractor.extract(a));
    line += '\n';
    // What fmt::print did on a failed write (a full disk, a closed pipe).
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size())
      throw fmt::system_error(errno, "cannot write to file");
  };
  if (o.jsonl) read_jsonl_stream(std::cin, "<stdin>", emit, report_problem);
  if (!o.inputs.empty())
    read_inputs(std::vector<std::filesystem::path>(o.inputs.begin(), o.inputs.end()), emit, report_problem);
  std::fflush(stdout);
  return kOk;
}

}  // namespace

std::vector<CommandSpec> ingest_commands() {
  return {command("ingest",
                  "Read articles (.txt, .html, .jsonl; folders recursively), extract relations and store them. "
                  "Re-ingesting unchanged articles adds nothing.",
                  setup_ingest, run_ingest),
          command("extract",
                  "Extract relation mentions without a database: one JSON line per article on stdout. With --jsonl, "
                  "reads JSON Lines articles from stdin (a mapper for Hadoop Streaming, Spark RDD.pipe or Dask).",
                  setup_extract, run_extract)};
}

}  // namespace aikg::cli
