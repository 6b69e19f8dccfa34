#include "aikg/ingest.hpp"

#include <fmt/format.h>

namespace aikg {
namespace {

// Writes documents in batches; a document that fails is reported and skipped.
class BatchWriter {
 public:
  BatchWriter(Store& store, const Gazetteer& gazetteer, const IngestOptions& options, IngestReport& report,
              const ProblemSink& problems, const ProgressSink& progress)
      : store_(store), gazetteer_(gazetteer), options_(options), report_(report), problems_(problems), progress_(progress) {}
  ~BatchWriter() {
    if (open_) {
      try {
        store_.rollback();
      } catch (...) {
      }
    }
  }

  void put(const DocumentMentions& doc) {
    if (!open_) store_.begin(), open_ = true;
    try {
      const auto r = store_.put_document(doc, gazetteer_);
      switch (r.outcome) {
        case IngestResult::Outcome::added: ++report_.added; break;
        case IngestResult::Outcome::updated: ++report_.updated; break;
        case IngestResult::Outcome::unchanged: ++report_.unchanged; break;
        case IngestResult::Outcome::duplicate: ++report_.duplicates; break;
      }
      report_.evidence += r.evidence_added;
    } catch (const std::exception& e) {
      ++report_.problems;
      problems_({doc.article.origin.empty() ? doc.article.id : doc.article.origin, e.what()});
    }
    if (++in_batch_ >= options_.batch_size) finish();
  }

  void finish() {
    if (open_) store_.commit(), open_ = false;
    in_batch_ = 0;
    if (progress_) progress_(report_);
  }

 private:
  Store& store_;
  const Gazetteer& gazetteer_;
  const IngestOptions& options_;
  IngestReport& report_;
  const ProblemSink& problems_;
  const ProgressSink& progress_;
  bool open_ = false;
  std::size_t in_batch_ = 0;
};

}  // namespace

IngestReport ingest_files(Store& store, const Extractor& extractor, const std::vector<std::filesystem::path>& inputs,
                          const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  IngestReport report;
  BatchWriter writer(store, extractor.gazetteer(), options, report, problems, progress);
  const auto stats = read_inputs(
      inputs,
      [&](Article&& a) {
        ++report.articles;
        writer.put(extractor.extract(a));
      },
      problems);
  writer.finish();
  report.files = stats.files;
  report.problems += stats.problems;
  report.unsupported = stats.unsupported;
  return report;
}

IngestReport ingest_mentions(Store& store, const Gazetteer& gazetteer, std::istream& in, std::string_view name,
                             const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  IngestReport report;
  BatchWriter writer(store, gazetteer, options, report, problems, progress);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string why;
    auto doc = parse_mentions_line(line, &why);
    if (!doc) {
      ++report.problems;
      problems({fmt::format("{}:{}", name, line_no), why});
      continue;
    }
    ++report.articles;
    writer.put(*doc);
  }
  writer.finish();
  report.files = 1;
  return report;
}

}  // namespace aikg
