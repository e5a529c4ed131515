// text/icu_handles.hpp: owning handles for ICU objects.
#pragma once

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "core/handle.hpp"

namespace leafpress::text {

using BreakIterator = Handle<UBreakIterator, ubrk_close>;
using UTextHandle = Handle<UText, utext_close>;

}  // namespace leafpress::text
