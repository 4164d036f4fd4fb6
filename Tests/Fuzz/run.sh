#!/usr/bin/env bash
# Fuzzes mlbook's input parsers with libFuzzer for SECONDS in all (default 20), split between
# the chapter loader and the result channel (see FuzzEntry.swift); exits non-zero on a crash,
# leaving the crashing input in .build-fuzz/crashes/.
#
# Usage: Tests/Fuzz/run.sh [SECONDS]
#
# How it builds: SwiftPM has no fuzzing product, so the loader's sources (BookKit's Load and
# Model folders, and the channel checker from Execute) are compiled together with the fuzz
# entry point in one swiftc invocation, as one module (their internal API is reachable) with
# `-sanitize=fuzzer,address`. What they import is built beside them: NotebookFormat, and Yams
# (the front matter's YAML, from the package's own checkout) with its C part, CYaml; libcmark
# is the system's. Everything goes to .build-fuzz/ and is rebuilt only when a source changed.
set -euo pipefail

seconds=${1:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
build="$root/.build-fuzz"
out="$build/fuzz"
mkdir -p "$out" "$build/crashes"
cd "$root"

if [ ! -d "$build/checkouts/Yams" ]; then
    swift package --scratch-path "$build" resolve >/dev/null 2>&1 || { echo "fuzz: cannot resolve the package dependencies" >&2; exit 2; }
fi
yams="$build/checkouts/Yams/Sources"

sources=(
    Tests/Fuzz/FuzzEntry.swift
    Sources/BookKit/Load/*.swift
    Sources/BookKit/Model/*.swift
    Sources/BookKit/Execute/ChannelValidator.swift
    Sources/BookKit/Execute/PipeBuffers.swift
    Sources/BookKit/Execute/ProgramGenerator.swift
)
binary="$out/mlbook-fuzz"
stale=no
[ -x "$binary" ] || stale=yes
for file in "${sources[@]}" Sources/NotebookFormat/*.swift "$0"; do
    [ "$file" -nt "$binary" ] && stale=yes
done

build_log="$out/build.log"
build_failed() {
    echo "fuzz: the build failed; see $build_log" >&2
    grep -E "error" "$build_log" | head -20 >&2
    exit 2
}
if [ "$stale" = yes ]; then
    echo "fuzz: building $binary"
    : >"$build_log"
    if [ ! -f "$out/libYams.a" ]; then
        (cd "$out" && clang -c -O1 -g -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" "$yams"/CYaml/src/*.c) \
            >>"$build_log" 2>&1 || build_failed
        swiftc -Onone -parse-as-library -module-name Yams -emit-module -emit-module-path "$out/Yams.swiftmodule" \
            -emit-library -static -o "$out/libYams.a" -D SWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" \
            "$yams"/Yams/*.swift >>"$build_log" 2>&1 || build_failed
    fi
    swiftc -Onone -g -parse-as-library -module-name NotebookFormat -emit-module \
        -emit-module-path "$out/NotebookFormat.swiftmodule" -emit-library -static -o "$out/libNotebookFormat.a" \
        Sources/NotebookFormat/*.swift >>"$build_log" 2>&1 || build_failed
    swiftc -sanitize=fuzzer,address -parse-as-library -Onone -g -module-name MLBookFuzz \
        -I "$out" -I Sources/CCMark -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC \
        "${sources[@]}" -L "$out" -lYams -lNotebookFormat "$out"/*.o -lcmark -o "$binary" \
        >>"$build_log" 2>&1 || build_failed
fi

# libFuzzer reads -max_total_time=0 as "forever".
per_target=$((seconds / 2 > 0 ? seconds / 2 : 1))
status=0
for target in loader channel; do
    found="$build/corpus-$target"
    dictionary=()
    [ -f "Tests/Fuzz/$target.dict" ] && dictionary=(-dict="Tests/Fuzz/$target.dict")
    mkdir -p "$found"
    echo "fuzz: $target for $per_target s"
    # New inputs go to $found; the committed seeds in Corpus/ are only read.
    MLBOOK_FUZZ_TARGET=$target "$binary" -max_total_time=$per_target -max_len=4096 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=0 "${dictionary[@]}" -artifact_prefix="$build/crashes/$target-" \
        "$found" "Tests/Fuzz/Corpus/$target" 2>"$out/$target.log" || {
        status=1
        grep -E "ERROR|error:|Fatal|SUMMARY|Test unit written" "$out/$target.log" | head -20 >&2
        echo "fuzz: $target crashed; see $out/$target.log" >&2
    }
done
exit $status
