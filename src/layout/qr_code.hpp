// layout/qr_code.hpp: a URL as a QR code (ISO/IEC 18004), drawn as vector squares.
//
// Input:  the text to encode (a URL), as UTF-8 bytes.
// Output: QrCode: the symbol's modules (libqrencode, error correction level M: 15 %
//         of the symbol may be lost, enough for a folded, handled leaflet; 8-bit mode,
//         so a URL's case is kept). qr_fills draws it as Fills: a white square that
//         holds the quiet zone (4 modules on every side, ISO/IEC 18004:2015 9.1; white
//         even on a tinted box) and the dark modules in 100 % K (text colour: it
//         overprints in print, as text does), each run of dark modules in a row one
//         rectangle, and equal runs in following rows merged into one taller one.
// Size:   at least kQrMinWidth with its quiet zone, modules of at least kQrModule,
//         so phone cameras read it at arm's length and a press's dot gain cannot
//         close the gaps.
// Errors: text too long for any QR code version (over ~2300 bytes at level M).
// Thread-safety: reentrant (libqrencode's encoder keeps no global state we touch).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/units.hpp"
#include "layout/page_model.hpp"

namespace leafpress::layout {

constexpr int kQrQuietZone = 4;       // modules of white around the symbol
constexpr Pt kQrMinWidth = mm(15);    // with the quiet zone
constexpr Pt kQrModule = mm(0.5);     // the smallest module we draw unless the width is capped
constexpr Cmyk kQrDark{0, 0, 0, 1};   // 100 % K
constexpr Cmyk kQrLight{0, 0, 0, 0};  // paper white

struct QrCode {
  std::string text;                // what it encodes
  int modules = 0;                 // the symbol is modules × modules, without the quiet zone
  std::vector<std::uint8_t> dark;  // row-major from the top-left: 1 = a dark module
  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(modules) +
                static_cast<std::size_t>(x)] != 0;
  }
};

Result<QrCode> encode_qr(std::string_view text);

// The drawn width, quiet zone included: kQrModule a module, at least kQrMinWidth, at most
// `max_width` (but never below kQrMinWidth).
Pt qr_width(const QrCode& qr, Pt max_width);

// The fills of the symbol with its quiet zone in the square of side `width` whose top-left
// corner is (x, top); y grows upward.
std::vector<Fill> qr_fills(const QrCode& qr, Pt x, Pt top, Pt width, Tag tag = {});

}  // namespace leafpress::layout
