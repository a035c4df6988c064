#!/usr/bin/env bash
# Instructions per analysis, native (the README's "Speed" table): builds the
# profile example with the bench profile (the engine at opt-level 3), runs
# it under callgrind for 1 and for 3 analyses of each standard text, and
# prints the difference halved, so start-up is left out. Exact and
# repeatable, unlike wall-clock time on a shared VM. Needs valgrind. The
# last line is the reply analysed and written as its JSON report.
# Usage: bench/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --profile bench --example profile --example profile_json -p cornerstone-engine
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/examples/profile
texts=../shared/bench
message=crates/engine/benches/message150.txt
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
for spec in "reply150.txt:" "reply150.txt:$message" "doc1000.txt:" "doc10000.txt:"; do
  file=${spec%%:*}
  msg=${spec#*:}
  one=$(count "$bin" "$texts/$file" 1 $msg)
  three=$(count "$bin" "$texts/$file" 3 $msg)
  echo "$file${msg:+ with the message}: $(( (three - one) / 2 )) instructions per analysis"
done
# The reply and its JSON report (what the WebAssembly's `analyzeJson` does).
one=$(count "$target/release/examples/profile_json" "$texts/reply150.txt" 1)
three=$(count "$target/release/examples/profile_json" "$texts/reply150.txt" 3)
echo "reply150.txt and its JSON report: $(( (three - one) / 2 )) instructions per analysis"
