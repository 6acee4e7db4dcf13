#!/usr/bin/env bash
# Installs what the per-architecture header cross-check (tests/Kapi.Conformance.Tests/CrossArchHeaderTests.cs) needs, on
# Debian 12 (or a Debian/Ubuntu with the same packages), and only what is missing:
#  * for x86, arm, arm64, ppc64le, s390x, riscv64 (and x64 on a non-amd64 host): Debian's cross compiler gcc-<triple> with
#    that architecture's C library and kernel UAPI headers (libc6-dev-<arch>-cross, linux-libc-dev-<arch>-cross);
#    the host architecture uses gcc, libc6-dev and linux-libc-dev;
#  * for loongarch64, which Debian 12 has no cross compiler or C library for: clang (16 or newer has the LoongArch
#    target; clang-19 is installed) and the kernel's UAPI headers, made with `make headers_install ARCH=loongarch` from
#    Debian's linux-source-6.1 tarball into the cache (nothing is written to /usr/src or the repository).
# The cache is $KAPI_CROSS_CACHE, else $XDG_CACHE_HOME/kapi-cross, else ~/.cache/kapi-cross (the tests use the same rule).
set -euo pipefail

home="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
cache="${KAPI_CROSS_CACHE:-${XDG_CACHE_HOME:-$home/.cache}/kapi-cross}"
source_pkg="${KAPI_LINUX_SOURCE_PKG:-linux-source-6.1}"
tarball="/usr/src/${source_pkg}.tar.xz"
loong="$cache/linux-loongarch64"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }
pkgs=()
want() { local p; for p in "$@"; do installed "$p" || pkgs+=("$p"); done; }

host="$(dpkg --print-architecture)"
for pair in x86_64-linux-gnu:amd64 i686-linux-gnu:i386 arm-linux-gnueabihf:armhf aarch64-linux-gnu:arm64 \
            powerpc64le-linux-gnu:ppc64el s390x-linux-gnu:s390x riscv64-linux-gnu:riscv64; do
  triple="${pair%%:*}" deb="${pair##*:}"
  if [ "$deb" = "$host" ]; then
    want gcc libc6-dev linux-libc-dev
  else
    want "gcc-${triple//_/-}" "libc6-dev-$deb-cross" "linux-libc-dev-$deb-cross"
  fi
done

clang_ok=""
for c in clang-19 clang-20 clang-21 clang-18 clang-17 clang-16 clang; do
  if command -v "$c" >/dev/null 2>&1 && "$c" -print-targets 2>/dev/null | grep -q loongarch64; then clang_ok="$c"; break; fi
done
[ -n "$clang_ok" ] || want clang-19
if [ ! -f "$loong/include/linux/version.h" ]; then
  [ -f "$tarball" ] || want "$source_pkg"
  want make xz-utils gcc libc6-dev
fi

if [ ${#pkgs[@]} -gt 0 ]; then
  echo "cross/setup.sh: installing ${pkgs[*]}"
  start=$SECONDS
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  echo "cross/setup.sh: apt-get took $((SECONDS - start)) s"
fi

if [ ! -f "$loong/include/linux/version.h" ]; then
  start=$SECONDS
  work="$(mktemp -d "${TMPDIR:-/tmp}/kapi-linux-src.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  top="$(basename "$tarball" .tar.xz)"  # Debian's tarball holds linux-source-6.1/...
  # only what headers_install reads: the top Makefile and Kbuild, scripts/, the UAPI trees and arch/loongarch
  tar -xJf "$tarball" -C "$work" "$top/Makefile" "$top/Kbuild" "$top/Kconfig" "$top/scripts" "$top/include/uapi" \
    "$top/arch/loongarch" "$top/usr"
  make -s -C "$work/$top" ARCH=loongarch O="$work/build" INSTALL_HDR_PATH="$work/out" headers_install
  rm -rf "$loong.tmp" && mkdir -p "$cache" && mv "$work/out" "$loong.tmp" && rm -rf "$loong" && mv "$loong.tmp" "$loong"
  echo "$source_pkg $(dpkg-query -W -f='${Version}' "$source_pkg" 2>/dev/null || true)" > "$loong/SOURCE"
  echo "cross/setup.sh: loongarch64 UAPI headers in $loong/include ($((SECONDS - start)) s)"
fi
