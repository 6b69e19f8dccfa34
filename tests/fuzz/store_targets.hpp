// Fuzz targets for the paths that write files (issue 15): the exports and
// the output layer, and publish. Each input is read as one line of `aikg
// extract` output, stored in a fresh database in a scratch folder, then
// exported in every format or published over the previous input's copy.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aikg/dot.hpp"
#include "aikg/export.hpp"
#include "aikg/gazetteer.hpp"
#include "aikg/mention.hpp"
#include "aikg/output.hpp"
#include "aikg/store.hpp"

namespace aikg::fuzz {

// One folder per process, reused by every input, removed at exit.
struct ScratchDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("aikg-fuzz-" + std::to_string(::getpid()));
  ScratchDir() { std::filesystem::create_directories(path); }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

inline const std::filesystem::path& scratch() {
  static const ScratchDir dir;
  return dir.path;
}

// A fresh database holding the input's mentions; nullopt when the input is
// not a mentions line.
inline std::optional<Store> store_of(std::string_view bytes, const std::filesystem::path& db) {
  std::string why;
  auto doc = parse_mentions_line(bytes, &why);
  if (!doc) return std::nullopt;
  for (const auto& f : database_files(db)) std::filesystem::remove(f);
  Store store(db);
  static const Gazetteer gazetteer = Gazetteer::builtin();
  store.put_documents({&*doc, 1}, gazetteer);
  return store;
}

// Every format is written whole; the JSON ones parse; the output layer
// replaces a file but never the database.
inline void exports(std::string_view bytes) {
  const auto db = scratch() / "export.db";
  auto store = store_of(bytes, db);
  if (!store) return;
  const auto g = select_export(*store, Selection{});
  for (auto writer : {write_node_link_json, write_cytoscape_json}) {
    std::ostringstream out;
    writer(out, g);
    if (!nlohmann::json::accept(out.str())) throw std::logic_error("an export is not valid JSON");
  }
  std::ostringstream all;
  write_graphml(all, g);
  write_gexf(all, g);
  write_dot(all, g);
  write_nodes_csv(all, g, CsvFlavour::excel);
  write_edges_csv(all, g, CsvFlavour::neo4j);
  Output file((scratch() / "out.txt").string(), database_files(db));
  file.write(all.str());
  file.commit();
  try {
    Output onto_db(db.string(), database_files(db));
    throw std::logic_error("the output layer accepted the database as a target");
  } catch (const OutputError&) {
  }
}

// Publishing replaces the previous input's copy (an existing database) and
// the copy reads back sound with the same evidence.
inline void publish(std::string_view bytes) {
  auto store = store_of(bytes, scratch() / "publish.db");
  if (!store) return;
  const auto out = scratch() / "published.db";
  store->publish(out, true);
  StoreOptions read_only;
  read_only.read_only = true;
  const Store copy(out, read_only);
  if (!copy.check().clean()) throw std::logic_error("the published copy is not sound");
  if (copy.counts().evidence != store->counts().evidence) throw std::logic_error("the published copy lost evidence");
}

}  // namespace aikg::fuzz
