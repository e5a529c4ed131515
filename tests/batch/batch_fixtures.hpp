// tests/batch/batch_fixtures.hpp: what the batch tests share.
#pragma once

#include "batch/build_job.hpp"

namespace leafpress::test {

// The fonts and layouts, loaded once per process as the CLI loads them.
inline const batch::Context& batch_context() {
  static const batch::Context ctx = batch::Context::from_environment(LEAFPRESS_BINARY);
  return ctx;
}

}  // namespace leafpress::test
