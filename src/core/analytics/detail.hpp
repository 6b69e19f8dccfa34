// Private helpers of the analytics: splitting work over threads, drawing
// reproducible samples, and putting partitions in a canonical order.
#pragma once

#include <algorithm>
#include <cstdint>
#include <exception>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

namespace aikg::detail {

inline unsigned thread_count(unsigned requested, std::size_t items) {
  unsigned t = requested ? requested : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(1, items)));
}

// Runs body(state, item) for every item, item i on thread i % threads, each
// thread with its own state from make(). The split is fixed (not work
// stealing) so that each thread's share, and so any floating-point sums the
// caller makes from the states in order, do not depend on timing. The first
// exception thrown by a thread is rethrown here.
template <class State, class Make, class Body>
std::vector<State> run_split(const std::vector<std::uint32_t>& items, unsigned threads, Make make, Body body) {
  threads = thread_count(threads, items.size());
  std::vector<State> states;
  states.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) states.push_back(make());
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](unsigned t) {
    try {
      for (std::size_t i = t; i < items.size(); i += threads) body(states[t], items[i]);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  return states;
}

// 0..n-1, or k of them drawn without replacement when 0 < k < n (a partial
// Fisher-Yates shuffle on mt19937_64: std::sample and the std distributions
// may differ between standard libraries, this does not). Sorted.
inline std::vector<std::uint32_t> pick_sources(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<std::uint32_t> all(n);
  std::iota(all.begin(), all.end(), 0u);
  if (k == 0 || k >= n) return all;
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < k; ++i) {
    // The modulo bias is below n / 2^64: irrelevant here.
    const std::size_t j = i + static_cast<std::size_t>(rng() % (n - i));
    std::swap(all[i], all[j]);
  }
  all.resize(k);
  std::sort(all.begin(), all.end());
  return all;
}

// Turns labels (vertex -> 0..count-1) into groups: each group sorted, the
// groups largest first and ties by their smallest member; `labels` is
// rewritten to index the result. Canonical, whatever the labels were. O(V log V).
std::vector<std::vector<std::uint32_t>> group_by_label(std::vector<std::uint32_t>& labels, std::size_t count);

}  // namespace aikg::detail
