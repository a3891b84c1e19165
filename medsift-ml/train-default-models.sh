#!/usr/bin/env bash
# Trains Medsift's default entity models from the public corpora in ../shared/data (or $MEDSIFT_DATA) and writes
# them where the build takes them from (medsift-ml/src/main/resources/org/medsift/ml/models/), or to $OUT.
#
#   medsift-ml/train-default-models.sh          # the shipped models: BC5CDR training + development, LCT batches 1-14
#   medsift-ml/train-default-models.sh eval     # evaluation models into /tmp/medsift-eval-models: BC5CDR training
#                                               # only (development for early stopping), LCT batches 1-10
#
# Two models, run in this order by the pipeline (the first wins where their spans overlap):
#   bc5cdr  Chemical, Disease                          (BC5CDR, PubTator; PubMed abstracts)
#   lct     Condition, Drug, Procedure, Observation    (Leaf Clinical Trials, brat; eligibility criteria)
# The shipped BC5CDR model is trained for the number of epochs that early stopping keeps when training on the
# training set with the development set held out (step 1), then on both sets together (step 2). LCT has no
# development split in this folder: 12 epochs, fixed in advance. See docs/ml.md, "Default model".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${MEDSIFT_DATA:-$here/../shared/data}"
mode="${1:-ship}"
B="$data/bc5cdr"
L="$data/lct"
for f in "$B/CDR_TrainingSet.PubTator.txt" "$B/CDR_DevelopmentSet.PubTator.txt" "$L/batch1"; do
  [ -e "$f" ] || { echo "train-default-models: $f not found (set MEDSIFT_DATA to the shared data folder)" >&2; exit 1; }
done
lct_epochs=12
# MEDSIFT_JAR=path/to/medsift-cli.jar runs a built jar instead of the ./medsift launcher (which rebuilds first);
# TRAIN_OPTS adds options to every 'train ner' (e.g. TRAIN_OPTS="--hash-bits 18" for smaller models)
medsift() {
  local cmd=("$@")
  if [ "$1" = train ]; then cmd+=(${TRAIN_OPTS:-}); fi
  if [ -n "${MEDSIFT_JAR:-}" ]; then java ${JAVA_OPTS:--Xmx4g} -jar "$MEDSIFT_JAR" "${cmd[@]}"
  else JAVA_OPTS="${JAVA_OPTS:--Xmx4g}" "$here/medsift" "${cmd[@]}"; fi
}
lct_batches() { for i in $(seq "$1" "$2"); do echo "$L/batch$i"; done; }

case "$mode" in
  ship)
    out="${OUT:-$here/medsift-ml/src/main/resources/org/medsift/ml/models}"
    tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
    final="$out"; out="$tmp/models"; mkdir -p "$out" # copied at the end: a model in src/ mid-run would rebuild
    log="$tmp/step1.log"
    medsift train ner --train "$B/CDR_TrainingSet.PubTator.txt" --dev "$B/CDR_DevelopmentSet.PubTator.txt" \
      --types Chemical,Disease --format pubtator --out "$tmp/bc5cdr-train.msnr" | tee "$log"
    epochs="$(sed -n 's/^kept epoch \([0-9]*\) of.*/\1/p' "$log")"
    [ -n "$epochs" ] || { echo "train-default-models: no kept epoch in step 1's output" >&2; exit 1; }
    echo "step 2: BC5CDR training + development for $epochs epochs"
    medsift train ner --train "$B/CDR_TrainingSet.PubTator.txt" "$B/CDR_DevelopmentSet.PubTator.txt" \
      --types Chemical,Disease --format pubtator --epochs "$epochs" --out "$out/bc5cdr.msnr"
    medsift train ner --train $(lct_batches 1 14) --types Condition,Drug,Procedure,Observation --format brat \
      --epochs "$lct_epochs" --out "$out/lct.msnr"
    ;;
  eval)
    out="${OUT:-/tmp/medsift-eval-models}"
    mkdir -p "$out"
    medsift train ner --train "$B/CDR_TrainingSet.PubTator.txt" --dev "$B/CDR_DevelopmentSet.PubTator.txt" \
      --types Chemical,Disease --format pubtator --out "$out/bc5cdr.msnr"
    medsift train ner --train $(lct_batches 1 10) --types Condition,Drug,Procedure,Observation --format brat \
      --epochs "$lct_epochs" --out "$out/lct.msnr"
    ;;
  *) echo "usage: $0 [ship|eval]" >&2; exit 2 ;;
esac
# precedence order; per model the types the pipeline uses by default (see docs/ml.md, "Default model")
printf 'bc5cdr\tChemical,Disease\nlct\t-\n' > "$out/default-models.txt"
if [ "$mode" = ship ]; then
  mkdir -p "$final"
  cp "$out/bc5cdr.msnr" "$out/lct.msnr" "$out/default-models.txt" "$final/"
  out="$final"
fi
ls -l "$out"
