#!/usr/bin/env bash
# Installs the Debian 12 packages that leafpress needs to build, test and check its PDFs.
# Only what is missing is installed; uses sudo when not root. Idempotent.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries (see DESIGN.md: Debian packages only)
  libhpdf-dev libharfbuzz-dev libfreetype-dev libicu-dev libfontconfig-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libqrencode-dev libpoppler-cpp-dev libdeflate-dev
  libyaml-cpp-dev libcli11-dev libhyphen-dev hyphen-en-us hyphen-en-gb zlib1g-dev catch2
  libpng-dev libturbojpeg0-dev liblcms2-dev libcsv-dev nlohmann-json3-dev
  # colour: the FOGRA39 and sRGB output intents are built from these (pdf/README.md)
  argyll icc-profiles-free
  # fonts the shipped layouts use
  fonts-noto-cjk fonts-noto-core fonts-noto-mono
  # readers used by the end-to-end tests and ../shared/tools/pdfcheck
  poppler-utils qpdf mupdf-tools ghostscript cmark python3 zbar-tools opentype-sanitizer
  # the atomic-output test kills builds at exact system calls
  strace
  # fuzzing (scripts/fuzz.sh): clang's libFuzzer
  clang libclang-rt-14-dev
)

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
