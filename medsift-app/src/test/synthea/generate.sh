#!/usr/bin/env bash
# Generates Synthea 3.0.0 patients exported as both FHIR R4 (one Bundle per patient) and C-CDA, fixed seeds,
# for SyntheaAgreementTest. Synthea runs in its own JVM with its own class path (its HAPI FHIR 5.2.0 cannot share
# one with Medsift's HAPI 8.x). Usage: generate.sh OUT_DIR [PATIENTS]   (about 20 s for 5 patients, 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: generate.sh OUT_DIR [PATIENTS]}"
n="${2:-5}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
cp="$out/synthea.classpath"
mvn -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp"
java -Xmx1g -cp "$(cat "$cp")" App -s 42 -cs 42 -r 20200101 -p "$n" \
    --exporter.baseDirectory="$out" --exporter.fhir.export=true --exporter.ccda.export=true \
    --exporter.fhir.transaction_bundle=false --exporter.hospital.fhir.export=false \
    --exporter.practitioner.fhir.export=false --exporter.years_of_history=10 Massachusetts
