// The ingest pipeline: files -> readers -> extractor -> store, in batches of
// one transaction each (Store::put_documents), so a failure loses nothing
// already committed and never leaves a half-written document.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "aikg/article.hpp"
#include "aikg/extractor.hpp"
#include "aikg/store.hpp"

namespace aikg {

struct IngestReport {
  std::size_t files = 0;
  std::size_t articles = 0;
  std::size_t added = 0, updated = 0, unchanged = 0, duplicates = 0;
  std::size_t problems = 0;     // unreadable files or records, failed documents
  std::size_t unsupported = 0;  // files skipped for their type
  std::size_t evidence = 0;     // evidence rows written
  std::size_t undated = 0;      // articles added or updated without a date (metadata, text or --date)
};

struct IngestOptions {
  // Documents per transaction. Each commit rewrites the index pages it
  // touched, so larger batches store faster (the mentions of 20k generated
  // articles: 3.7-4.3 s at 200, 2.0-2.6 s at 2,000); 2,000 holds the write
  // lock well under a second.
  std::size_t batch_size = 2000;
  // Extraction threads. With more than one, a reader thread feeds the
  // extractors and the calling thread alone writes, in input order, so the
  // database is the same as with one.
  std::size_t jobs = 1;
  // The date (YYYY-MM-DD) of articles whose metadata, front matter and text
  // give none (`ingest --date`): the day a batch of undated pages was scraped.
  std::string default_date;
};

// The most extraction threads ingest takes (--jobs): more would only wait on
// the single writer, and each costs a stack.
inline constexpr std::int64_t kMaxJobs = 256;

// The thread count for --jobs N: 0 means one per core; below 0 or above
// kMaxJobs is a UsageError. Threads the system then cannot start are done
// without: ingest_files runs on those that started (one at least, else
// sequentially), with the same result.
std::size_t resolve_jobs(std::int64_t requested);

using ProgressSink = std::function<void(const IngestReport&)>;

IngestReport ingest_files(Store& store, const Extractor& extractor, const std::vector<std::filesystem::path>& inputs,
                          const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress);

// `aikg ingest -`: JSON Lines or one text article from a stream (read_any_stream).
IngestReport ingest_stream(Store& store, const Extractor& extractor, std::istream& in, std::string_view name,
                           const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress);

// Loads `aikg extract` output (one DocumentMentions JSON per line).
IngestReport ingest_mentions(Store& store, const Gazetteer& gazetteer, std::istream& in, std::string_view name,
                             const IngestOptions& options, const ProblemSink& problems, const ProgressSink& progress);

}  // namespace aikg
