#!/bin/sh
# Checks that `coach score -` is a proper streaming filter: scoring an input in pieces, in
# parallel, and concatenating the pieces' output in order gives exactly the output of one run —
# what Hadoop Streaming and Spark's RDD.pipe rely on. A local stand-in for a cluster.
#
#   docs/scale-check.sh [COACH] [INPUT.jsonl]
#
# COACH defaults to .build/release/coach; INPUT to the coach-bench corpus.
set -eu
COACH=${1:-.build/release/coach}
INPUT=${2:-${TMPDIR:-/tmp}/coach-bench-batch/conversations-10mb.jsonl}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C

# Records only: error entries name the line within the piece a worker saw, so for a
# byte-for-byte comparison use an input without bad records (the error entries are compared
# separately below).
grep -a -v -e '"broken-' -e '"role":"bot"' -e '^{"id":"u' "$INPUT" > "$WORK/clean.jsonl" || true

echo "input: $(wc -c < "$WORK/clean.jsonl") bytes, $(wc -l < "$WORK/clean.jsonl") records"

# 1. One run, reading standard input.
"$COACH" score - --jobs 1 < "$WORK/clean.jsonl" > "$WORK/single.jsonl"

# 2. split(1) into 4 pieces at line boundaries, 4 filters at once, outputs concatenated in order.
split -n l/4 "$WORK/clean.jsonl" "$WORK/part-"
for part in "$WORK"/part-*; do
  "$COACH" score - --jobs 1 < "$part" > "$part.out" &
done
wait
cat "$WORK"/part-*.out > "$WORK/split.jsonl"
cmp "$WORK/single.jsonl" "$WORK/split.jsonl" && echo "split + 4 parallel filters: identical to one run"

# 3. GNU parallel: 1 MB blocks at line boundaries, 2 at a time, output kept in input order (-k).
if command -v parallel > /dev/null; then
  parallel --pipepart -a "$WORK/clean.jsonl" --block 1M -k -j 2 "$COACH" score - --jobs 1 > "$WORK/parallel.jsonl"
  cmp "$WORK/single.jsonl" "$WORK/parallel.jsonl" && echo "GNU parallel --pipepart -k: identical to one run"
fi

# 4. The whole input, bad records included: every record and every error entry is there, in
#    order; only the line numbers of error entries are relative to the piece.
"$COACH" score - --jobs 2 < "$INPUT" > "$WORK/all-single.jsonl" || true
split -n l/3 "$INPUT" "$WORK/all-"
for part in "$WORK"/all-??; do "$COACH" score - --jobs 1 < "$part" > "$part.out" || true; done
cat "$WORK"/all-??.out > "$WORK/all-split.jsonl"
sed 's/"line":[0-9]*}$/"line":N}/' "$WORK/all-single.jsonl" > "$WORK/a"
sed 's/"line":[0-9]*}$/"line":N}/' "$WORK/all-split.jsonl" > "$WORK/b"
cmp "$WORK/a" "$WORK/b" && echo "with bad records: identical apart from error-entry line numbers ($(grep -c '^{"error"' "$WORK/a") error entries)"
