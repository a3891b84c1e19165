#!/usr/bin/env bash
# Medsift against Apache cTAKES on the same notes, the same terms and the same machine, in one run.
#
# usage: bench/compare-ctakes.sh [NOTES_DIR]        (default: the first $LIMIT notes of ../shared/data/synthea-notes)
# env:   LIMIT=500            notes copied from the default corpus (ignored when NOTES_DIR is given)
#        THREADS=1            Medsift worker threads (cTAKES' pipeline is single-threaded)
#        WARMUP=10 SECONDS_=20 Medsift bench warm-up and measurement seconds
#        LEAN=1               also run cTAKES' lean variant (tokens, POS, lookup, NegEx)
#        PEER=/tmp/ctakes-peer  where the cTAKES peer is copied and built (Maven Central; ~170 MB once)
#        CTAKES_OPTS=-Xmx4g   JVM options for cTAKES (as in the peer's README)
#        OUT=/tmp/medsift-vs-ctakes  results folder
#
# Steps: (1) export Medsift's default lexicon to cTAKES BSV (`./medsift lexicon export --bsv`: made-up 7-digit
# CUIs, TUIs from the semantic group), (2) build the cTAKES peer harness from ../shared/peers/ctakes (its README),
# (3) run cTAKES' default pipeline (DefaultFastPipeline, ClearTK assertion) with that BSV under /usr/bin/time -v,
# (4) run `./medsift bench` (in memory, after warm-up) and `./medsift extract --format json` (end to end, files in
# and out, like cTAKES' figure) on the same notes, (5) print the figures side by side and the notes/s ratios.
# Nothing from cTAKES is copied here: the peer harness only calls cTAKES' own artifacts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
LIMIT=${LIMIT:-500}
THREADS=${THREADS:-1}
WARMUP=${WARMUP:-10}
SECONDS_=${SECONDS_:-20}
PEER=${PEER:-/tmp/ctakes-peer}
CTAKES_OPTS=${CTAKES_OPTS:--Xmx4g}
OUT=${OUT:-/tmp/medsift-vs-ctakes}
mkdir -p "$OUT"
log() { echo "compare-ctakes: $*" >&2; }

# --- notes
if [ $# -ge 1 ]; then
  NOTES="$(cd "$1" && pwd)"
else
  NOTES="$OUT/notes"
  rm -rf "$NOTES" && mkdir -p "$NOTES"
  ls "$shared/data/synthea-notes/notes" | grep '\.txt$' | sort | sed -n "1,${LIMIT}p" \
    | while read -r f; do cp "$shared/data/synthea-notes/notes/$f" "$NOTES/"; done
fi
n_notes=$(find "$NOTES" -name '*.txt' | wc -l)
n_bytes=$(find "$NOTES" -name '*.txt' -print0 | xargs -0 cat | wc -c)
log "notes: $NOTES ($n_notes notes, $n_bytes bytes)"

# --- Medsift build and BSV export
"$root/medsift" --version >&2
"$root/medsift" lexicon export --bsv "$OUT/medsift.bsv" --codes "$OUT/medsift_codes.tsv" >&2

# --- cTAKES peer
if [ ! -f "$PEER/target/ctakes-peer.jar" ]; then
  log "building the cTAKES peer in $PEER (Maven Central)"
  rm -rf "$PEER" && cp -r "$shared/peers/ctakes" "$PEER"
  (cd "$PEER" && mvn -q -B package >&2)
fi

# key=value lines of the peer's stdout, and `key: value` lines of Medsift's
kv() { grep -o "$1=[0-9.]*" "$2" | sed -n '1s/.*=//p'; }
colon() { awk -v k="$1: " 'index($0, k) == 1 {print $2; exit}' "$2"; }
rss_mib() { awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$1"; }

run_ctakes() { # label, extra args...
  local label=$1; shift
  log "cTAKES $label: $(cut -d' ' -f1-3 /proc/loadavg) load"
  (cd "$PEER" && /usr/bin/time -v java $CTAKES_OPTS -jar target/ctakes-peer.jar --in "$NOTES" \
      --dict "$OUT/medsift.bsv" --out "$OUT/ctakes-$label.tsv" "$@" \
      > "$OUT/ctakes-$label.stdout" 2> "$OUT/ctakes-$label.stderr") || {
    log "cTAKES $label failed; see $OUT/ctakes-$label.stderr"; tail -5 "$OUT/ctakes-$label.stderr" >&2; return 1; }
}
run_ctakes default
[ "${LEAN:-1}" = 1 ] && run_ctakes lean --assertion negex --no-depparse --no-chunker

log "Medsift bench: $(cut -d' ' -f1-3 /proc/loadavg) load"
/usr/bin/time -v "$root/medsift" bench --threads "$THREADS" --warmup-seconds "$WARMUP" --seconds "$SECONDS_" "$NOTES" \
  > "$OUT/medsift-bench.stdout" 2> "$OUT/medsift-bench.stderr"
log "Medsift extract --format json: $(cut -d' ' -f1-3 /proc/loadavg) load"
rm -rf "$OUT/extract"
/usr/bin/time -v "$root/medsift" extract --no-progress --threads "$THREADS" --format json --out "$OUT/extract" "$NOTES" \
  > "$OUT/medsift-extract.stdout" 2> "$OUT/medsift-extract.stderr"

# --- side by side
ms_bench_nps=$(tail -1 "$OUT/medsift-bench.stdout" | sed 's/.*, \([0-9.]*\) notes\/s/\1/')
ms_bench_mbs=$(tail -1 "$OUT/medsift-bench.stdout" | sed 's/throughput: \([0-9.]*\) MB.*/\1/')
ms_ext_nps=$(tail -1 "$OUT/medsift-extract.stdout" | sed 's/.*, \([0-9.]*\) notes\/s/\1/')
ms_ext_mbs=$(tail -1 "$OUT/medsift-extract.stdout" | sed 's/throughput: \([0-9.]*\) MB.*/\1/')
row() { printf '| %-48s | %10s | %9s | %9s | %13s | %12s | %9s |\n' "$@"; }
{
echo "# Medsift vs cTAKES, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | sed -n 1p)"
echo "# notes: $NOTES ($n_notes notes, $n_bytes bytes); dictionary: $(grep -vc '^//' "$OUT/medsift.bsv") BSV lines exported from Medsift's default lexicon"
echo "# medsift $(cd "$root" && git rev-parse --short HEAD)$(cd "$root" && git diff --quiet HEAD -- . || echo '+changes'), threads=$THREADS; cTAKES 5.1.0 peer, $CTAKES_OPTS, 1 thread"
row "engine / figure" "notes/s" "MB/s" "startup s" "peak heap MiB" "peak RSS MiB" "wall s"
row "---" "---" "---" "---" "---" "---" "---"
for label in default lean; do
  f="$OUT/ctakes-$label.stdout"; [ -f "$f" ] || continue
  [ "$label" = lean ] && [ "${LEAN:-1}" != 1 ] && continue
  row "cTAKES $label (processing phase, files in/out)" "$(kv notes_per_s "$f")" "$(kv MB_per_s "$f")" "$(kv startup_s "$f")" \
      "$(kv heap_pool_peaks_sum_MB "$f")" "$(rss_mib "$OUT/ctakes-$label.stderr")" "$(wall_s "$OUT/ctakes-$label.stderr")"
done
row "Medsift bench (in memory, after warm-up)" "$ms_bench_nps" "$ms_bench_mbs" "$(colon startup_s "$OUT/medsift-bench.stdout")" \
    "$(colon peak_heap_mb "$OUT/medsift-bench.stdout")" "$(rss_mib "$OUT/medsift-bench.stderr")" "$(wall_s "$OUT/medsift-bench.stderr")"
row "Medsift extract --format json (files in/out)" "$ms_ext_nps" "$ms_ext_mbs" "$(colon startup_s "$OUT/medsift-extract.stdout")" \
    "" "$(rss_mib "$OUT/medsift-extract.stderr")" "$(wall_s "$OUT/medsift-extract.stderr")"
c_def=$(kv notes_per_s "$OUT/ctakes-default.stdout")
echo "ratio notes/s, Medsift bench / cTAKES default: $(awk -v a="$ms_bench_nps" -v b="$c_def" 'BEGIN {printf "%.0fx", a/b}')"
echo "ratio notes/s, Medsift extract json / cTAKES default: $(awk -v a="$ms_ext_nps" -v b="$c_def" 'BEGIN {printf "%.0fx", a/b}')"
if [ "${LEAN:-1}" = 1 ]; then
  c_lean=$(kv notes_per_s "$OUT/ctakes-lean.stdout")
  echo "ratio notes/s, Medsift bench / cTAKES lean NegEx: $(awk -v a="$ms_bench_nps" -v b="$c_lean" 'BEGIN {printf "%.0fx", a/b}')"
  echo "ratio notes/s, Medsift extract json / cTAKES lean NegEx: $(awk -v a="$ms_ext_nps" -v b="$c_lean" 'BEGIN {printf "%.0fx", a/b}')"
fi
echo "mentions: cTAKES default $(wc -l < "$OUT/ctakes-default.tsv") TSV lines; Medsift $(colon findings "$OUT/medsift-extract.stdout") findings (extract)"
} | tee "$OUT/summary.txt"
