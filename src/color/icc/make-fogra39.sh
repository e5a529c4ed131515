#!/bin/sh
# make-fogra39.sh: build the FOGRA39 CMYK output profile that print PDFs embed.
#
# Usage: make-fogra39.sh FOGRA39L.ti3 sRGB.icc OUT.icc
#   FOGRA39L.ti3  the FOGRA39 characterisation data (Debian icc-profiles-free:
#                 /usr/share/color/icc/FOGRA39L.ti3)
#   sRGB.icc      the source space the perceptual table is gamut-mapped from
#                 (icc-profiles-free: /usr/share/color/icc/sRGB.icc)
#   OUT.icc       the profile to write (in the build tree, not in git)
#
# colprof (Debian argyll) flags, chosen for a CI build under a minute (~15 s on one core):
#   -ql      low quality cLUTs: the A2B/B2A grids are small; measured error stays well
#            below what an office proof shows, and the profile is 41 KB, not 350 KB
#   -nc      leave the 1617 measurements out of the profile (the PDF embeds it)
#   -kr      black generation: a ramp from white to full K (colprof's default, GCR)
#   -l 300   total ink limit 300 %, inside FOGRA39's 330 %: safe on coated stock
#   -L 95    black ink limit
#   -s sRGB  gamut-map the perceptual B2A table from sRGB (what RGB pictures are in);
#            -S would build the saturation table too and doubles the time
#   -cmt -dpp  viewing conditions: monitor in a typical room → practical print
# colprof writes the build time into the ICC header (bytes 24-35), the only field
# that differs between two runs; it is set to the data's own date (2006-12-01
# 00:00:00) so that every build of leafpress embeds the same bytes.
set -eu
ti3=$1
source_profile=$2
out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ti3" "$work/FOGRA39L.ti3"
(cd "$work" && colprof -ql -nc -kr -l 300 -L 95 -s "$source_profile" -cmt -dpp \
  -D "Coated FOGRA39 (leafpress, from FOGRA39L.ti3)" \
  -C "Made with ArgyllCMS colprof from the FOGRA39L data of Fogra (www.fogra.org)" \
  -O FOGRA39.icc FOGRA39L >/dev/null)
# year 2006, month 12, day 1, 00:00:00, as six big-endian 16-bit numbers
printf '\007\326\000\014\000\001\000\000\000\000\000\000' |
  dd of="$work/FOGRA39.icc" bs=1 seek=24 count=12 conv=notrunc 2>/dev/null
mv "$work/FOGRA39.icc" "$out"
