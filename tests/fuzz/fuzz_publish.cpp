// libFuzzer entry point: see store_targets.hpp.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aikg::fuzz::publish(aikg::fuzz::as_view(data, size));
  return 0;
}
