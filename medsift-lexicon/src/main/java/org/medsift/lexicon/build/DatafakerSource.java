package org.medsift.lexicon.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.TermKind;

/**
 * Reads the uncoded medical name lists of the Datafaker 2.4.2 jar: {@code en/medical.yml} (medicine_name,
 * disease_name, symptoms), {@code en/disease.yml} (diseases by specialty) and {@code en/observation.yml}
 * (symptom). {@code en/medication.yml} (drug_name) is left out: it mixes product names with strengths and
 * packaging, which would match ordinary text. Build-time only.
 */
final class DatafakerSource {
    static final String SOURCE_ID = "datafaker";

    private DatafakerSource() {
    }

    static List<SourceConcept> read(Path jar) throws IOException {
        Map<String, SourceConcept> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            String medical = text(zip, "en/medical.yml");
            add(out, list(medical, "medicine_name"), SemanticGroup.DRUG);
            add(out, list(medical, "disease_name"), SemanticGroup.DISORDER);
            add(out, list(medical, "symptoms"), SemanticGroup.FINDING);
            String disease = text(zip, "en/disease.yml");
            for (String key : List.of("internal_disease", "neurology", "surgery", "paediatrics",
                    "gynecology_and_obstetrics", "ophthalmology_and_otorhinolaryngology", "dermatology")) {
                add(out, list(disease, key), SemanticGroup.DISORDER);
            }
            add(out, list(text(zip, "en/observation.yml"), "symptom"), SemanticGroup.FINDING);
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<String, SourceConcept> out, List<String> names, SemanticGroup group) {
        for (String raw : names) {
            String name = raw.trim();
            if (name.length() < 3) {
                continue;
            }
            String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
            String id = "medsift:datafaker_" + group.name().toLowerCase(Locale.ROOT) + "_" + slug;
            boolean acronym = name.length() <= 5 && name.equals(name.toUpperCase(Locale.ROOT));
            out.computeIfAbsent(id, k -> new SourceConcept(k, name, group, SOURCE_ID))
                    .term(name, acronym ? TermKind.ABBREVIATION : TermKind.NAME);
        }
    }

    /** The quoted items of the YAML list under {@code key:} (the block of "- " lines right after it). */
    static List<String> list(String yaml, String key) {
        List<String> items = new ArrayList<>();
        String[] lines = yaml.split("\r?\n");
        boolean in = false;
        for (String line : lines) {
            String t = line.trim();
            if (!in) {
                in = t.equals(key + ":");
                continue;
            }
            if (t.startsWith("- ")) {
                String v = t.substring(2).trim();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                items.add(v);
            } else {
                break;
            }
        }
        if (items.isEmpty()) {
            throw new IllegalStateException("Datafaker list '" + key + "' is missing or empty");
        }
        return items;
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IOException("Datafaker jar lacks " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
