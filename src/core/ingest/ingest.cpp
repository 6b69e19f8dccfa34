#include "aikg/ingest.hpp"

#include <fmt/format.h>

#include <condition_variable>
#include <deque>
#include <algorithm>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "aikg/error.hpp"
#include "aikg/text.hpp"

namespace aikg {
namespace {

// Writes documents in batches, one transaction each; a document that fails
// is reported and skipped.
class BatchWriter {
 public:
  BatchWriter(Store& store, const Gazetteer& gazetteer, const IngestOptions& options, IngestReport& report,
              const ProblemSink& problems, const ProgressSink& progress)
      : store_(store), gazetteer_(gazetteer), options_(options), report_(report), problems_(problems), progress_(progress) {}

  void put(DocumentMentions&& doc) {
    if (doc.date.empty()) doc.date = options_.default_date;  // evidence without its own date takes it too
    // The store needs the text's length only; the batch need not hold it.
    if (!doc.article.text.empty()) {
      doc.char_count = count_code_points(doc.article.text);
      std::string().swap(doc.article.text);
    }
    batch_.push_back(std::move(doc));
    if (batch_.size() >= options_.batch_size) finish();
  }

  void finish() {
    if (!batch_.empty()) {
      const auto outcomes = store_.put_documents(batch_, gazetteer_);
      for (std::size_t i = 0; i < outcomes.size(); ++i) count(batch_[i], outcomes[i]);
      batch_.clear();
    }
    if (progress_) progress_(report_);
  }

 private:
  void count(const DocumentMentions& doc, const PutOutcome& o) {
    if (!o.error.empty()) {
      ++report_.problems;
      problems_({doc.article.origin.empty() ? doc.article.id : doc.article.origin, o.error});
      return;
    }
    switch (o.result.outcome) {
      case IngestResult::Outcome::added: ++report_.added, report_.undated += doc.date.empty(); break;
      case IngestResult::Outcome::updated: ++report_.updated, report_.undated += doc.date.empty(); break;
      case IngestResult::Outcome::unchanged: ++report_.unchanged; break;
      case IngestResult::Outcome::duplicate: ++report_.duplicates; break;
    }
    report_.evidence += o.result.evidence_added;
  }

  Store& store_;
  const Gazetteer& gazetteer_;
  const IngestOptions& options_;
  IngestReport& report_;
  const ProblemSink& problems_;
  const ProgressSink& progress_;
  std::vector<DocumentMentions> batch_;
};

// An extraction that throws (out of memory on a pathological article) costs
// that article, reported, not the batch.
std::optional<DocumentMentions> extract_or_report(const Extractor& extractor, const Article& article,
                                                  const ProblemSink& problems) {
  try {
    return extractor.extract(article);
  } catch (const std::exception& e) {
    problems({article.origin.empty() ? article.id : article.origin, fmt::format("extraction failed: {}", e.what())});
    return std::nullopt;
  }
}

// Thrown into the reader when the writer has failed, to stop reading.
struct Cancelled {};
// No extraction thread (or no reader) could be started: nothing was read yet.
struct ThreadsUnavailable {};

// Reader thread -> extraction threads -> the calling thread, which writes in
// input order. At most `window` articles are in flight, so memory stays
// bounded however large the input; the window holds a batch, so the next
// batch is extracted while the writer commits one.
class ParallelExtraction {
 public:
  ParallelExtraction(const Extractor& extractor, const IngestOptions& options, const ProblemSink& problems)
      : extractor_(extractor), jobs_(options.jobs), window_(4 * options.jobs + options.batch_size), problems_(problems) {}

  ReadStats run(const std::vector<std::filesystem::path>& inputs, BatchWriter& writer, IngestReport& report) {
    ReadStats stats;
    // Workers first, the reader last: if a thread cannot be started (too
    // many for the address space or the process limit), nothing has been read
    // and the caller can fall back on reading sequentially.
    std::vector<std::thread> workers = start_workers();
    std::thread reader;
    try {
      reader = std::thread([&] { read(inputs, stats); });
    } catch (const std::system_error&) {
      stop();
      for (auto& w : workers) w.join();
      throw ThreadsUnavailable{};
    }
    std::exception_ptr write_failure;
    try {
      while (auto doc = next_in_order()) {
        ++report.articles;
        if (*doc) writer.put(std::move(**doc));
        else ++report.problems;
      }
    } catch (...) {
      write_failure = std::current_exception();
      stop();
    }
    reader.join();
    for (auto& w : workers) w.join();
    if (write_failure) std::rethrow_exception(write_failure);
    if (failure_) std::rethrow_exception(failure_);
    return stats;
  }

 private:
  // As many of the `jobs_` workers as the system starts; at least one.
  std::vector<std::thread> start_workers() {
    std::vector<std::thread> workers;
    try {
      for (std::size_t i = 0; i < jobs_; ++i) workers.emplace_back([this] { extract_loop(); });
    } catch (const std::system_error&) {
      if (workers.empty()) throw ThreadsUnavailable{};
    }
    return workers;
  }

  void read(const std::vector<std::filesystem::path>& inputs, ReadStats& stats) {
    try {
      stats = read_inputs(inputs, [this](Article&& a) { push(std::move(a)); }, [this](const ReadProblem& p) {
        const std::lock_guard lock(problems_mutex_);
        problems_(p);
      });
    } catch (const Cancelled&) {
    } catch (...) {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    const std::lock_guard lock(mutex_);
    reading_done_ = true;
    work_ready_.notify_all();
    result_ready_.notify_all();
  }

  void push(Article&& a) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || produced_ - written_ < window_; });
    if (stopped_) throw Cancelled{};
    todo_.emplace_back(produced_++, std::move(a));
    work_ready_.notify_one();
  }

  void extract_loop() {
    for (;;) {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [&] { return stopped_ || !todo_.empty() || reading_done_; });
      if (stopped_ || todo_.empty()) return;
      auto [seq, article] = std::move(todo_.front());
      todo_.pop_front();
      lock.unlock();
      auto doc = extract_or_report(extractor_, article, [this](const ReadProblem& p) {
        const std::lock_guard problems_lock(problems_mutex_);
        problems_(p);
      });
      lock.lock();
      done_.emplace(seq, std::move(doc));
      result_ready_.notify_one();
    }
  }

  // The next article's extraction in input order (empty when it failed);
  // nullopt at the end.
  std::optional<std::optional<DocumentMentions>> next_in_order() {
    std::unique_lock lock(mutex_);
    result_ready_.wait(lock, [&] { return done_.contains(written_) || (reading_done_ && written_ == produced_); });
    const auto it = done_.find(written_);
    if (it == done_.end()) return std::nullopt;
    auto doc = std::move(it->second);
    done_.erase(it);
    ++written_;
    room_.notify_one();
    return doc;
  }

  void stop() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
    work_ready_.notify_all();
  }

  const Extractor& extractor_;
  const std::size_t jobs_, window_;
  const ProblemSink& problems_;
  std::mutex mutex_, problems_mutex_;
  std::condition_variable room_, work_ready_, result_ready_;
  std::deque<std::pair<std::size_t, Article>> todo_;
  std::map<std::size_t, std::optional<DocumentMentions>> done_;
  std::size_t produced_ = 0, written_ = 0;
  bool reading_done_ = false, stopped_ = false;
  std::exception_ptr failure_;
};

}  // namespace

namespace {

// Extracts each article on the calling thread and hands it to the writer.
ArticleSink extract_into(const Extractor& extractor, BatchWriter& writer, IngestReport& report,
                         const ProblemSink& problems) {
  return [&extractor, &writer, &report, &problems](Article&& a) {
    ++report.articles;
    if (auto doc = extract_or_report(extractor, a, problems)) writer.put(std::move(*doc));
    else ++report.problems;
  };
}

}  // namespace

std::size_t resolve_jobs(std::int64_t requested) {
  if (requested < 0 || requested > kMaxJobs)
    throw UsageError(fmt::format("--jobs {}: give 1 to {} extraction threads, or 0 for one per core", requested,
                                 kMaxJobs));
  if (requested > 0) return static_cast<std::size_t>(requested);
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxJobs);
}

IngestReport ingest_files(Store& store, const Extractor& extractor, const std::vector<std::filesystem::path>& inputs,
                          const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  IngestReport report;
  BatchWriter writer(store, extractor.gazetteer(), options, report, problems, progress);
  ReadStats stats;
  bool parallel = options.jobs > 1;
  if (parallel) {
    try {
      stats = ParallelExtraction(extractor, options, problems).run(inputs, writer, report);
    } catch (const ThreadsUnavailable&) {
      parallel = false;
    }
  }
  if (!parallel) stats = read_inputs(inputs, extract_into(extractor, writer, report, problems), problems);
  writer.finish();
  report.files = stats.files;
  report.problems += stats.problems;
  report.unsupported = stats.unsupported;
  return report;
}

IngestReport ingest_stream(Store& store, const Extractor& extractor, std::istream& in, std::string_view name,
                           const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  IngestReport report;
  BatchWriter writer(store, extractor.gazetteer(), options, report, problems, progress);
  const auto stats = read_any_stream(in, name, extract_into(extractor, writer, report, problems), problems);
  writer.finish();
  report.files = 1;
  report.problems += stats.problems;
  return report;
}

namespace {

// One line of `aikg extract` output, parsed: a document, or why it is none.
struct ParsedLine {
  std::size_t line_no = 0;
  std::optional<DocumentMentions> doc;
  std::string why;
};

// Reads and parses the next non-blank line; false at the end of the stream.
bool parse_next(std::istream& in, std::size_t& line_no, ParsedLine& out) {
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string why;
    auto doc = parse_mentions_line(line, &why);
    out = ParsedLine{line_no, std::move(doc), std::move(why)};
    return true;
  }
  return false;
}

// Parses lines on a thread of its own, a bounded queue ahead of the writer:
// JSON parsing was a fifth of the writing thread's time. The writer still
// takes the lines in order, so the database and the problems reported are
// those of parsing in line.
class ParseAhead {
 public:
  explicit ParseAhead(std::istream& in) : in_(in) { thread_ = std::thread([this] { parse_all(); }); }
  ParseAhead(const ParseAhead&) = delete;
  ParseAhead& operator=(const ParseAhead&) = delete;
  ~ParseAhead() {
    {
      const std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    room_.notify_all();
    thread_.join();
  }

  // The next parsed line; nullopt at the end of the stream.
  std::optional<ParsedLine> next() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !queue_.empty() || done_; });
    if (queue_.empty()) {
      if (failure_) std::rethrow_exception(failure_);
      return std::nullopt;
    }
    ParsedLine line = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return line;
  }

 private:
  // Enough lines for the writer never to wait, few enough that memory stays
  // bounded (a line may hold thousands of mentions).
  static constexpr std::size_t kAhead = 256;

  void parse_all() {
    try {
      std::size_t line_no = 0;
      ParsedLine line;
      while (parse_next(in_, line_no, line)) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return stopped_ || queue_.size() < kAhead; });
        if (stopped_) break;
        queue_.push_back(std::move(line));
        ready_.notify_one();
      }
    } catch (...) {
      const std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
    const std::lock_guard lock(mutex_);
    done_ = true;
    ready_.notify_all();
  }

  std::istream& in_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<ParsedLine> queue_;
  bool done_ = false, stopped_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

void write_parsed(ParsedLine&& line, std::string_view name, BatchWriter& writer, IngestReport& report,
                  const ProblemSink& problems) {
  if (!line.doc) {
    ++report.problems;
    problems({fmt::format("{}:{}", name, line.line_no), line.why});
    return;
  }
  ++report.articles;
  writer.put(std::move(*line.doc));
}

}  // namespace

IngestReport ingest_mentions(Store& store, const Gazetteer& gazetteer, std::istream& in, std::string_view name,
                             const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress) {
  IngestReport report;
  BatchWriter writer(store, gazetteer, options, report, problems, progress);
  std::optional<ParseAhead> ahead;
  if (options.jobs > 1) {
    try {
      ahead.emplace(in);
    } catch (const std::system_error&) {
      // No thread to spare: parse in line, with the same result.
    }
  }
  if (ahead) {
    while (auto line = ahead->next()) write_parsed(std::move(*line), name, writer, report, problems);
  } else {
    std::size_t line_no = 0;
    ParsedLine line;
    while (parse_next(in, line_no, line)) write_parsed(std::move(line), name, writer, report, problems);
  }
  writer.finish();
  report.files = 1;
  return report;
}

}  // namespace aikg
