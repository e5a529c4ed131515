#include "core/result.hpp"

#include "core/utf8.hpp"

namespace leafpress {

std::string Error::describe() const {
  std::string out = file.empty() ? std::string("leafpress") : file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": " + message;
  if (!hint.empty()) out += " (" + hint + ")";
  out = printable(out);  // a file name with control bytes never reaches the terminal raw
  for (const Error& e : more) out += "\nerror: " + e.describe();
  return out;
}

}  // namespace leafpress
