#!/usr/bin/env bash
# Installs the Debian 12 packages leafpress needs. Only what is missing is installed; uses sudo
# when not root. Idempotent.
#   scripts/install-deps.sh          what the tool needs to build and run (make demo)
#   scripts/install-deps.sh --test   that, and what the test suite and fuzzing need (make test)
set -euo pipefail

tool=(
  # build
  build-essential cmake pkg-config
  # libraries (Debian packages only)
  libhpdf-dev libharfbuzz-dev libfreetype-dev libicu-dev libfontconfig-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libdeflate-dev
  libyaml-cpp-dev libcli11-dev libhyphen-dev hyphen-en-us hyphen-en-gb zlib1g-dev
  libpng-dev libturbojpeg0-dev liblcms2-dev libcsv-dev nlohmann-json3-dev
  # leafpress preview: poppler renders the PDF it built
  libpoppler-cpp-dev
  # colour: the FOGRA39 and sRGB output intents are built from these (README, Standards)
  argyll icc-profiles-free
  # fonts the shipped layouts use
  fonts-noto-cjk fonts-noto-core fonts-noto-mono
)

tests=(
  catch2
  # readers the end-to-end tests check the PDFs with
  poppler-utils qpdf mupdf-tools ghostscript cmark python3 zbar-tools opentype-sanitizer
  # the atomic-output test kills builds at exact system calls
  strace
  # fuzzing (scripts/fuzz.sh): clang's libFuzzer
  clang libclang-rt-14-dev
)

packages=("${tool[@]}")
case "${1:-}" in
  "") ;;
  --test) packages+=("${tests[@]}") ;;
  *) echo "usage: scripts/install-deps.sh [--test]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
