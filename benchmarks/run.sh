#!/bin/sh
# Builds the release `dangjian` and the harness in benchmarks/.build, then runs every benchmark.
# Arguments go to the harness (benchmarks/README.md). The table is printed on stdout.
set -eu
cd "$(dirname "$0")"
for tool in hyperfine pigz /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y hyperfine pigz time" >&2; exit 1; }
done
swift build -c release --product dangjian
swift build -c release --product dangjian-bench
exec .build/release/dangjian-bench "$@"
