#!/usr/bin/env bash
# Mispredicted branches per analysis, native, by callgrind's branch model
# (`--branch-sim=yes`: a simple per-branch predictor, not the CPU's, but
# its misses are the branches that depend on the text, which no predictor
# learns on text it has not seen). Builds the profile example with the
# bench profile, runs it for 1 and for 3 analyses of each text, and prints
# the difference halved (start-up left out): instructions, conditional
# branches, and mispredicted conditional and indirect branches.
# Usage: bench/branches.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --profile bench --example profile -p cornerstone-engine
bin=target/release/examples/profile
texts=../shared/bench
message=crates/engine/benches/message150.txt
counts() {
  valgrind --tool=callgrind --branch-sim=yes --callgrind-out-file=/dev/null "$@" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\) \([0-9]*\) \([0-9]*\) \([0-9]*\) \([0-9]*\).*/\1 \2 \3 \5/p'
}
for spec in "reply150.txt:" "reply150.txt:$message" "doc10000.txt:"; do
  file=${spec%%:*}
  msg=${spec#*:}
  read -r i1 b1 m1 n1 <<<"$(counts "$bin" "$texts/$file" 1 $msg)"
  read -r i3 b3 m3 n3 <<<"$(counts "$bin" "$texts/$file" 3 $msg)"
  echo "$file${msg:+ with the message}: $(( (i3 - i1) / 2 )) instructions, $(( (b3 - b1) / 2 )) branches, $(( (m3 - m1) / 2 )) + $(( (n3 - n1) / 2 )) mispredicted (conditional + indirect) per analysis"
done
