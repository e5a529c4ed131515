// core/result.hpp: errors as values.
//
// Every stage returns Result<T> instead of throwing. An Error names the user's
// file and line (line 0 = the file as a whole), says what went wrong and, in
// `hint`, what to do about it. The names follow std::expected so that C++23 is
// a `using` change. Only batch/ catches exceptions (from libraries such as
// yaml-cpp or std::bad_alloc), so one bad file never costs the others.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace leafpress {

struct Error {
  std::string file;     // the user's file the error is about (article, layout, font, image)
  int line = 0;         // 1-based; 0 when no line applies
  std::string message;  // what is wrong, in the user's words
  std::string hint;     // what to do; may be empty
  // Further problems found in the same pass (all of an article's front matter mistakes at
  // once, so that fixing one does not just reveal the next): each is an Error of its own.
  std::vector<Error> more{};
  // The errno of the failed system call behind it (ENOSPC, EROFS...; core/atomic_file.hpp),
  // 0 when none: what a program decides on (a full disk stops a batch), where `hint` is
  // for people and may be reworded.
  int error_number = 0;

  // "file:line: message (hint)": one line, for the terminal and the report; control
  // bytes and invalid UTF-8 (from file names, say) are escaped as \xNN (core/utf8.hpp).
  // With `more`, one such line each, joined by "\nerror: " so every line reads like the first.
  [[nodiscard]] std::string describe() const;
};

struct Unexpected {
  Error error;
};
inline Unexpected fail(Error e) {
  return Unexpected{std::move(e)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit, as std::expected
  Result(Error error) : v_(std::move(error)) {}
  Result(Unexpected u) : v_(std::move(u.error)) {}

  [[nodiscard]] bool has_value() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

struct Ok {};  // the value of a Result that carries none
using Status = Result<Ok>;

}  // namespace leafpress
