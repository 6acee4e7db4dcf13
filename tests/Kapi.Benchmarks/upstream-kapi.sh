#!/usr/bin/env bash
# Rebuilds upstream's tools/kapi (the Rust reader of PATCH v4, "[PATCH v4 04/11] tools/kapi: add kernel API
# specification extraction tool") for `dotnet run -c Release --project tests/Kapi.Benchmarks -- tree`.
# shared/corpus/upstream-kdoc/v4 keeps only its extractor; the whole tool (Cargo.toml, main.rs, formatters) is in the
# patch mail. Nothing from it enters this repository: it is applied and built in a cache folder.
#
# usage: upstream-kapi.sh MAIL [DEST]
#   MAIL  the patch mail: file `m` of commit 6d8c37aea1a8 of the public-inbox archive
#         linux-mailinglist-archives/linux-api.vger.kernel.org.0 (git show 6d8c37aea1a8:m > mail), or that
#         archive's git directory
#   DEST  where to put it (default ~/.cache/kapi/upstream-kapi; the benchmark looks there)
#
# The crates come from Debian (librust-*-dev, installed when missing; no crates.io access needed). Debian 12 has
# older versions than the tool's Cargo.toml asks for (clap 4.0, regex 1.7, goblin 0.2), so the version requirements
# are relaxed and one goblin call of the vmlinux reader (not used by --source) is adapted.
set -euo pipefail
mail=${1:?usage: upstream-kapi.sh MAIL [DEST]}
dest=${2:-${XDG_CACHE_HOME:-$HOME/.cache}/kapi/upstream-kapi}

crates=(librust-goblin-dev librust-clap-dev librust-clap-derive-dev librust-anyhow-dev librust-serde-dev
  librust-serde-derive-dev librust-serde-json-dev librust-regex-dev librust-walkdir-dev librust-tempfile-dev)
missing=()
for c in "${crates[@]}"; do dpkg -s "$c" >/dev/null 2>&1 || missing+=("$c"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

rm -rf "$dest" && mkdir -p "$dest"
if [ -d "$mail" ]; then
  git --git-dir="$mail" show 6d8c37aea1a8:m > "$dest/patch.mail" 2>/dev/null || git -C "$mail" show 6d8c37aea1a8:m > "$dest/patch.mail"
else
  cp "$mail" "$dest/patch.mail"
fi
cd "$dest"
git init -q .
sed -n '/^diff --git/,$p' patch.mail > patch.diff
git apply --include='tools/kapi/*' patch.diff

cd tools/kapi
rm -f Cargo.lock
sed -i 's/goblin = "0.10"/goblin = "*"/; s/version = "4.4"/version = "4"/; s/regex = "1.10"/regex = "1"/;
        s/walkdir = "2.4"/walkdir = "2"/; s/tempfile = "3.8"/tempfile = "3"/' Cargo.toml
sed -i 's/elf.strtab.get_at(sym.st_name)/elf.strtab.get(sym.st_name).and_then(|r| r.ok())/' src/extractor/vmlinux/mod.rs
mkdir -p .cargo
cat > .cargo/config.toml <<'CONFIG'
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
[net]
offline = true
CONFIG
cargo=$(command -v cargo || echo "$HOME/.cargo/bin/cargo")
"$cargo" build --release --offline
echo "built: $PWD/target/release/kapi"
