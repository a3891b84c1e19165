package org.medsift.lexicon.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.TermKind;
import org.medsift.vocab.internal.Json;
import org.medsift.vocab.snomed.SnomedSemanticTags;

/**
 * Reads the code/display pairs that ship in the Synthea 3.0.0 jar: every JSON object with {@code system},
 * {@code code} and {@code display} in {@code modules/**.json} and {@code immunization_schedule.json}, the symptom
 * names of the modules' Symptom states, and the RxNorm rows of {@code costs/medications.csv} whose comment is a plain
 * name. ({@code costs/procedures.csv} is left out: it lists disorder codes among procedures, so its group would be
 * wrong.) Build-time only.
 *
 * <p>Semantic group: from the SNOMED CT semantic tag of the display when present ("(disorder)" -> DISORDER ...),
 * else from the system (RxNorm and CVX -> DRUG, LOINC -> LAB), else from the Synthea state type that carries the
 * code (ConditionOnset -> DISORDER, Procedure -> PROCEDURE, Device -> DEVICE ...).
 */
final class SyntheaSource {
    static final String SOURCE_ID = "synthea";

    private final Map<String, SourceConcept> byCode = new TreeMap<>();
    private final Map<String, SourceConcept> symptoms = new TreeMap<>();

    static List<SourceConcept> read(Path jar) throws IOException {
        SyntheaSource s = new SyntheaSource();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : sortedNames(zip)) {
                if ((name.startsWith("modules/") && name.endsWith(".json")) || name.equals("immunization_schedule.json")) {
                    s.walk(Json.parse(text(zip, name)), null);
                }
            }
            s.costs(text(zip, "costs/medications.csv"), CodeSystems.RXNORM);
        }
        return s.mergeSameNames();
    }

    /** Uncoded Synthea symptom names, read by {@link #read}; returned separately so they merge after curated terms. */
    static List<SourceConcept> symptoms(Path jar) throws IOException {
        SyntheaSource s = new SyntheaSource();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String name : sortedNames(zip)) {
                if (name.startsWith("modules/") && name.endsWith(".json")) {
                    s.walk(Json.parse(text(zip, name)), null);
                }
            }
        }
        return new ArrayList<>(s.symptoms.values());
    }

    /**
     * Synthea gives some concepts several codes of one system under the same display ("Hypertension" as 59621000
     * and 38341003): such codes become one concept with several codes (the first in code order is primary), so
     * one phrase gives one finding.
     */
    private List<SourceConcept> mergeSameNames() {
        Map<String, SourceConcept> byName = new TreeMap<>();
        List<SourceConcept> out = new ArrayList<>();
        for (SourceConcept c : byCode.values()) {
            String key = c.codes.get(0).system() + "|" + c.group + "|" + c.preferred.toLowerCase(Locale.ROOT);
            SourceConcept first = byName.get(key);
            if (first == null) {
                byName.put(key, c);
                out.add(c);
            } else {
                first.codes.addAll(c.codes);
                for (int i = 0; i < c.terms.size(); i++) {
                    first.term(c.terms.get(i), c.kinds.get(i));
                }
            }
        }
        return out;
    }

    /** Entry names in sorted order, so the build does not depend on the jar's entry order. */
    private static List<String> sortedNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            names.add(e.nextElement().getName());
        }
        names.sort(null);
        return names;
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("Synthea jar lacks " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void walk(Object node, String stateType) {
        if (node instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) node;
            Object type = m.get("type");
            Object conditionType = m.get("condition_type");
            String here = type instanceof String ? (String) type
                    : conditionType instanceof String ? (String) conditionType : stateType;
            Object system = m.get("system");
            Object code = m.get("code");
            Object display = m.get("display");
            if (system instanceof String && code != null && display instanceof String) {
                String c = code instanceof Double ? String.valueOf(((Double) code).longValue()) : code.toString();
                add((String) system, c, (String) display, here);
            }
            Object symptom = m.get("symptom");
            if ("Symptom".equals(here) && symptom instanceof String) {
                addSymptom((String) symptom);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // codes under "reactions" / "manifestation" of an allergy are findings, not the allergen
                Object key = e.getKey();
                String childType = "reactions".equals(key) || "manifestation".equals(key) ? "Reaction"
                        : "body_site".equals(key) ? "BodySite" : here;
                walk(e.getValue(), childType);
            }
        } else if (node instanceof List) {
            for (Object v : (List<?>) node) {
                walk(v, stateType);
            }
        }
    }

    private static String systemUri(String system) {
        switch (system) {
            case "SNOMED-CT": case "SNOMED CT": case "http://snomed.info/sct": return CodeSystems.SNOMED_CT;
            case "RxNorm": case "http://www.nlm.nih.gov/research/umls/rxnorm": return CodeSystems.RXNORM;
            case "LOINC": case "http://loinc.org": return CodeSystems.LOINC;
            case "CVX": case "http://hl7.org/fhir/sid/cvx": return CodeSystems.CVX;
            default: return null;
        }
    }

    private void add(String system, String code, String display, String stateType) {
        String uri = systemUri(system);
        if (uri == null || display.isBlank() || code.isBlank()) {
            return;
        }
        if (uri.equals(CodeSystems.LOINC) && code.startsWith("LA")) {
            return; // LOINC answer codes ("Yes", "No", "Never smoker") are values, not concepts to find in text
        }
        String tag = semanticTag(display);
        if (tag.equals("qualifier value")) {
            return; // "Positive", "Negative", "Severe": values, not findings
        }
        String name = stripTag(display).trim();
        if (name.isEmpty()) {
            return;
        }
        String key = CodeSystems.shortName(uri) + ":" + code;
        SemanticGroup group = group(uri, tag, stateType, code);
        SourceConcept c = byCode.get(key);
        if (c == null) {
            c = new SourceConcept(key, name, group, SOURCE_ID);
            c.codes.add(new Code(uri, code, display.trim()));
            byCode.put(key, c);
        } else {
            // the same code appears with several displays and in several places: keep the shortest display as the
            // preferred name (Synthea adds context such as "of mother"), and a specific group over OTHER
            if (name.length() < c.preferred.length()) {
                c.preferred = name;
            }
            if (c.group == SemanticGroup.OTHER && group != SemanticGroup.OTHER) {
                c.group = group;
            }
        }
        c.term(name, TermKind.NAME);
    }

    private void addSymptom(String symptom) {
        String name = symptom.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return;
        }
        String id = "medsift:synthea_symptom_" + name.replaceAll("[^a-z0-9]+", "_");
        symptoms.computeIfAbsent(id, k -> new SourceConcept(k, name, SemanticGroup.FINDING, SOURCE_ID))
                .term(name, TermKind.NAME);
    }

    /** Rows of a Synthea costs file whose code is not yet known and whose comment is a plain name. */
    private void costs(String csv, String uri) {
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int c1 = line.indexOf(',');
            int c2 = nthComma(line, 4);
            if (c1 < 0 || c2 < 0 || line.indexOf('"') >= 0) {
                continue;
            }
            String code = line.substring(0, c1).trim();
            String comment = line.substring(c2 + 1).trim();
            int dash = comment.indexOf(" -");
            if (dash >= 0) {
                comment = comment.substring(0, dash).trim();
            }
            String key = CodeSystems.shortName(uri) + ":" + code;
            if (comment.isEmpty() || !code.matches("[0-9]+") || byCode.containsKey(key)
                    || comment.toLowerCase(Locale.ROOT).contains("etc")) {
                continue;
            }
            add(uri.equals(CodeSystems.RXNORM) ? "RxNorm" : "SNOMED-CT", code, comment,
                    uri.equals(CodeSystems.RXNORM) ? "MedicationOrder" : "Procedure");
        }
    }

    private static int nthComma(String s, int n) {
        int at = -1;
        for (int k = 0; k < n; k++) {
            at = s.indexOf(',', at + 1);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    /** The semantic tag of a display, lower case ("disorder"), or empty. */
    static String semanticTag(String display) {
        return SnomedSemanticTags.tag(display).toLowerCase(Locale.ROOT);
    }

    /** The display without a known SNOMED CT semantic tag; other parenthesised endings stay. */
    static String stripTag(String display) {
        return SnomedSemanticTags.isKnown(semanticTag(display)) ? SnomedSemanticTags.strip(display) : display.trim();
    }

    /** LOINC codes of vital signs, which are observations rather than laboratory tests. */
    private static final java.util.Set<String> VITAL_LOINC = java.util.Set.of(
            "8867-4", "9279-1", "8310-5", "8302-2", "29463-7", "39156-5", "8480-6", "8462-4", "2708-6", "59408-5",
            "72514-3", "8287-5", "85354-9", "55284-4", "77606-2", "59576-9", "8289-1");

    private static SemanticGroup group(String uri, String tag, String stateType, String code) {
        if (SnomedSemanticTags.isKnown(tag)) {
            return SnomedSemanticTags.group(tag);
        }
        if (uri.equals(CodeSystems.RXNORM) || uri.equals(CodeSystems.CVX)) {
            return SemanticGroup.DRUG;
        }
        if (uri.equals(CodeSystems.LOINC)) {
            return VITAL_LOINC.contains(code) ? SemanticGroup.OBSERVATION : SemanticGroup.LAB;
        }
        if (stateType == null) {
            return SemanticGroup.OTHER;
        }
        switch (stateType) {
            case "ConditionOnset": case "ConditionEnd": return SemanticGroup.DISORDER;
            case "AllergyOnset": return SemanticGroup.SUBSTANCE;
            case "Reaction": case "Symptom": return SemanticGroup.FINDING;
            case "BodySite": return SemanticGroup.ANATOMY;
            case "Active Condition": return SemanticGroup.DISORDER;
            case "Active Medication": return SemanticGroup.DRUG;
            case "Active CarePlan": return SemanticGroup.PROCEDURE;
            case "Procedure": case "CarePlanStart": case "Encounter": case "ImagingStudy": return SemanticGroup.PROCEDURE;
            case "MedicationOrder": case "MedicationEnd": return SemanticGroup.DRUG;
            case "Device": case "DeviceEnd": case "SupplyList": return SemanticGroup.DEVICE;
            case "Observation": case "MultiObservation": case "DiagnosticReport":
                // LOINC codes were handled above; a SNOMED CT code observed is a finding
                return uri.equals(CodeSystems.SNOMED_CT) ? SemanticGroup.FINDING : SemanticGroup.LAB;
            default: return SemanticGroup.OTHER;
        }
    }
}
