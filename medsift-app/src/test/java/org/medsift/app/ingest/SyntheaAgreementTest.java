package org.medsift.app.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.medsift.core.model.Code;
import org.medsift.core.record.ClinicalEntry;
import org.medsift.core.record.EntryKind;

/**
 * Synthea patients exported as FHIR R4 and as C-CDA: the conditions, medications and allergies Medsift reads from
 * each agree by code (>= 98% of entries). Needs a folder made by {@code src/test/synthea/generate.sh DIR} given as
 * {@code -Dmedsift.synthea.dir=DIR} (Synthea runs in its own JVM: its HAPI FHIR 5.2.0 cannot share a class path with
 * Medsift's); skipped without it. Entries are matched per patient and category as multisets of codes
 * (system-free code strings: RxNorm, SNOMED CT; a MedicationRequest's medicationReference is resolved to its
 * Medication entry); agreement = matched / (matched + unmatched on either side).
 */
class SyntheaAgreementTest {
    private static final Map<String, String> DISPLAY = new java.util.concurrent.ConcurrentHashMap<>();
    static final String[] CATEGORIES = {"condition", "medication", "allergy"};

    @Test
    void fhirAndCcdaExportsAgreeOnConditionsMedicationsAndAllergies() throws IOException {
        String dir = System.getProperty("medsift.synthea.dir", "");
        assumeTrue(!dir.isEmpty() && Files.isDirectory(Path.of(dir, "fhir")), "-Dmedsift.synthea.dir not given");
        Ingest ingest = Ingest.create(Extraction.builder().build());
        Map<String, Path> ccda = new TreeMap<>();
        try (Stream<Path> s = Files.list(Path.of(dir, "ccda"))) {
            s.forEach(p -> ccda.put(stem(p), p));
        }
        List<Path> fhirFiles;
        try (Stream<Path> s = Files.list(Path.of(dir, "fhir"))) {
            fhirFiles = s.filter(p -> p.toString().endsWith(".json") && ccda.containsKey(stem(p))).sorted().toList();
        }
        assumeTrue(!fhirFiles.isEmpty(), "no patient with both exports");
        long[] matched = new long[3];
        long[] onlyFhir = new long[3];
        long[] onlyCcda = new long[3];
        Map<String, Integer> differences = new TreeMap<>();
        for (Path f : fhirFiles) {
            Ingest.Read fr = ingest.read(f.toString(), Files.readAllBytes(f), Optional.empty());
            Path c = ccda.get(stem(f));
            Ingest.Read cr = ingest.read(c.toString(), Files.readAllBytes(c), Optional.empty());
            List<Map<String, Integer>> fc = fromFhir(fr.resources());
            List<Map<String, Integer>> cc = fromCcda(cr.result().entries());
            for (int k = 0; k < 3; k++) {
                Map<String, Integer> a = fc.get(k);
                Map<String, Integer> b = cc.get(k);
                for (Map.Entry<String, Integer> e : a.entrySet()) {
                    int inB = b.getOrDefault(e.getKey(), 0);
                    matched[k] += Math.min(e.getValue(), inB);
                    if (e.getValue() > inB) {
                        onlyFhir[k] += e.getValue() - inB;
                        differences.merge(CATEGORIES[k] + " only in FHIR: " + e.getKey(), e.getValue() - inB, Integer::sum);
                    }
                }
                for (Map.Entry<String, Integer> e : b.entrySet()) {
                    int inA = a.getOrDefault(e.getKey(), 0);
                    if (e.getValue() > inA) {
                        onlyCcda[k] += e.getValue() - inA;
                        differences.merge(CATEGORIES[k] + " only in C-CDA: " + e.getKey(), e.getValue() - inA, Integer::sum);
                    }
                }
            }
        }
        long m = 0;
        long all = 0;
        for (int k = 0; k < 3; k++) {
            long n = matched[k] + onlyFhir[k] + onlyCcda[k];
            m += matched[k];
            all += n;
            System.out.printf(Locale.ROOT, "agreement %s: matched %d, only FHIR %d, only C-CDA %d, %.2f%%%n",
                    CATEGORIES[k], matched[k], onlyFhir[k], onlyCcda[k], n == 0 ? 100.0 : 100.0 * matched[k] / n);
        }
        double agreement = all == 0 ? 1.0 : (double) m / all;
        System.out.printf(Locale.ROOT, "agreement all: %d patients, %d of %d entries, %.2f%%%n", fhirFiles.size(), m,
                all, 100 * agreement);
        differences.forEach((k, v) -> System.out.println("difference " + v + " " + k + " "
                + DISPLAY.getOrDefault(k.substring(k.lastIndexOf(' ') + 1), "")));
        assertTrue(agreement >= 0.98, "agreement " + agreement + ": " + differences);
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    private static List<Map<String, Integer>> fromFhir(List<Resource> resources) {
        List<Map<String, Integer>> out = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        // Synthea writes medicationReference (to a Medication entry) for drugs it also administers in hospital
        Map<String, Medication> medications = new HashMap<>();
        for (Resource r : resources) {
            if (r instanceof Medication m) {
                String id = m.getIdElement().getIdPart();
                String bare = id.startsWith("urn:uuid:") ? id.substring(9) : id;
                medications.put("Medication/" + bare, m);
                medications.put("urn:uuid:" + bare, m);
            }
        }
        for (Resource r : resources) {
            if (r instanceof MedicationRequest mr && mr.hasMedicationReference()) {
                Medication m = mr.getMedicationReference().getResource() instanceof Medication inline ? inline
                        : medications.get(mr.getMedicationReference().getReference());
                count(out.get(1), m == null ? "(unresolved) " + mr.getMedicationReference().getReference()
                        : key(m.getCode()));
            } else if (r instanceof Condition c) {
                count(out.get(0), key(c.getCode()));
            } else if (r instanceof MedicationRequest mr && mr.hasMedicationCodeableConcept()) {
                count(out.get(1), key(mr.getMedicationCodeableConcept()));
            } else if (r instanceof AllergyIntolerance a) {
                count(out.get(2), key(a.getCode()));
            }
        }
        return out;
    }

    private static List<Map<String, Integer>> fromCcda(List<ClinicalEntry> entries) {
        List<Map<String, Integer>> out = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        for (ClinicalEntry e : entries) {
            int k = e.kind() == EntryKind.CONDITION ? 0
                    : e.kind() == EntryKind.MEDICATION_STATEMENT || e.kind() == EntryKind.MEDICATION_ORDER ? 1
                    : e.kind() == EntryKind.ALLERGY ? 2 : -1;
            if (k >= 0) {
                count(out.get(k), e.codes().isEmpty() ? "(no code) " + e.text() : firstCode(e.codes()));
            }
        }
        return out;
    }

    private static String firstCode(List<Code> codes) {
        DISPLAY.putIfAbsent(codes.get(0).code(), codes.get(0).display());
        return codes.get(0).code();
    }

    private static String key(CodeableConcept cc) {
        if (!cc.hasCoding()) {
            return "(no code) " + cc.getText();
        }
        Coding c = cc.getCodingFirstRep();
        DISPLAY.putIfAbsent(c.getCode(), c.hasDisplay() ? c.getDisplay() : "");
        return c.getCode();
    }

    private static void count(Map<String, Integer> m, String key) {
        m.merge(key, 1, Integer::sum);
    }
}
