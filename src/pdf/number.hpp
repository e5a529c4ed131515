// pdf/number.hpp: a number as content streams and dictionaries write it.
//
// At most three decimals (1/1000 pt is far below any device's resolution),
// no trailing zeros, never "-0": short streams, and the same text for the
// same value on every machine.
#pragma once

#include <string>

namespace leafpress::pdf {

std::string number(double v);

}  // namespace leafpress::pdf
