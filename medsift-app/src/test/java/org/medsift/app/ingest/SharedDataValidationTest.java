package org.medsift.app.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsift.app.Extraction;
import org.hl7.fhir.r4.model.Bundle;
import org.medsift.fhir.FhirValidation;

/**
 * Bundles assembled from the shared HL7 v2, C-CDA and Synthea folders validate with zero errors (offline HAPI
 * validator, {@link FhirValidation#shared()}); skipped when {@code ../shared/data} is absent. Asserted: no error in
 * what Medsift writes (resources from entries and findings, the Bundle) in any folder, and no error in resources kept
 * from FHIR input other than definitions that cannot be loaded offline ({@link #OFFLINE}: US Core and Synthea
 * profiles and extensions), except in the converter samples, whose FHIR files are the converter's expected outputs
 * (their errors are printed). Every bundle of the HL7 v2 and C-CDA folders is validated; Synthea's on a sample (every
 * (14 / {@value #SYNTHEA_SAMPLE})-th patient: 5 of 14) to keep the run under a minute, all with
 * {@code -Dmedsift.validate.all=true}. {@code -Dmedsift.validate.folders=a,b} picks folders; fhir-r4-examples only
 * when named there, reported and not asserted. See docs/ingest.md.
 */
class SharedDataValidationTest {
    static final Path DATA = Path.of("../../shared/data");
    static final int SYNTHEA_SAMPLE = 4;
    private static final Set<String> EXTENSIONS = Set.of("hl7", "er7", "txt", "xml", "json", "ndjson", "ccda", "msg");
    private static Ingest ingest;

    @BeforeAll
    static void setUp() {
        assumeTrue(Files.isDirectory(DATA.resolve("ccda-examples")), "../shared/data absent: skipped");
        ingest = Ingest.create(Extraction.builder().build());
    }

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
            }).sorted().toList();
        }
    }

    /**
     * Errors that only say a definition could not be loaded offline: an extension or profile of US Core or Synthea
     * named by a resource kept from FHIR input.
     */
    static final Set<String> OFFLINE = Set.of("Extension_EXT_Unknown_NotHere", "Validation_VAL_Profile_Unknown");

    /**
     * Counts per folder: bundles, resources, errors in what Medsift wrote (resources it made, the Bundle), warnings,
     * errors in resources kept from FHIR input, those of them not in {@link #OFFLINE}; messages tallied in the maps.
     */
    static long[] validate(String folder, int maxBundles, Map<String, Integer> errors, Map<String, Integer> warnings,
            List<String> examples) throws IOException {
        List<Ingest.Read> reads = new ArrayList<>();
        for (Path f : files(DATA.resolve(folder))) {
            reads.add(ingest.read(f.toString(), Files.readAllBytes(f), Optional.empty()));
        }
        List<Ingest.PatientBundle> bundles = ingest.assemble(reads);
        long[] c = new long[6];
        int step = maxBundles <= 0 || bundles.size() <= maxBundles ? 1 : bundles.size() / maxBundles;
        for (int i = 0; i < bundles.size(); i += step) {
            Ingest.PatientBundle b = bundles.get(i);
            c[0]++;
            c[1] += b.bundle().getEntry().size();
            Set<String> fullUrls = new java.util.HashSet<>();
            for (Bundle.BundleEntryComponent e : b.bundle().getEntry()) {
                if (!fullUrls.add(e.getFullUrl())) {
                    c[2]++;
                    errors.merge(folder + " | medsift | fullUrl not unique", 1, Integer::sum);
                    examples.add(folder + " " + b.fileId() + " fullUrl not unique: " + e.getFullUrl());
                }
            }
            for (Bundle part : chunks(b)) {
                for (FhirValidation.Issue is : FhirValidation.shared().validate(part).issues()) {
                    String origin = kept(part, is.location()) ? "kept" : "medsift";
                    String k = folder + " | " + origin + " | " + is.messageId() + " | " + shorten(is.message());
                    if (is.level() == FhirValidation.Level.ERROR && origin.equals("kept")) {
                        c[4]++;
                        if (!OFFLINE.contains(is.messageId())) {
                            c[5]++;
                        }
                        errors.merge(k, 1, Integer::sum);
                    } else if (is.level() == FhirValidation.Level.ERROR) {
                        c[2]++;
                        errors.merge(k, 1, Integer::sum);
                        if (examples.size() < 60) {
                            examples.add(folder + " " + b.fileId() + " " + is.location() + ": " + is.message());
                        }
                    } else if (is.level() == FhirValidation.Level.WARNING) {
                        c[3]++;
                        warnings.merge(k, 1, Integer::sum);
                    }
                }
            }
        }
        return c;
    }

    static final int CHUNK = Integer.getInteger("medsift.validate.chunk", 150);

    /**
     * The bundle cut into parts of {@code CHUNK} entries (150, {@code -Dmedsift.validate.chunk}), each with the
     * Patient entry first: HAPI's validator compares every new message with those it holds (quadratic in the messages of one call), so one Synthea
     * patient's bundle of thousands of entries takes minutes whole and seconds in parts. Every entry is validated
     * once; only bundle-level rules see a part (fullUrl uniqueness is checked over the whole bundle above), and a
     * reference to an entry of another part is not an error for a collection Bundle.
     */
    static List<Bundle> chunks(Ingest.PatientBundle pb) {
        Bundle b = pb.bundle();
        List<Bundle.BundleEntryComponent> entries = b.getEntry();
        if (entries.size() <= CHUNK + 1) {
            return List.of(b);
        }
        boolean patientFirst = entries.get(0).getResource() instanceof org.hl7.fhir.r4.model.Patient;
        List<Bundle> out = new ArrayList<>();
        for (int i = patientFirst ? 1 : 0; i < entries.size(); i += CHUNK) {
            Bundle part = new Bundle();
            part.setId(b.getIdElement().getIdPart() + "-" + out.size());
            part.setType(b.getType());
            if (patientFirst) {
                part.addEntry(entries.get(0).copy());
            }
            for (int j = i; j < Math.min(entries.size(), i + CHUNK); j++) {
                part.addEntry(entries.get(j).copy());
            }
            out.add(part);
        }
        return out;
    }

    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("^Bundle\\.entry\\[(\\d+)]");

    /** Whether the issue lies in a resource kept as read from FHIR input (not one Medsift wrote). */
    static boolean kept(Bundle b, String location) {
        java.util.regex.Matcher m = ENTRY.matcher(location);
        if (!m.find()) {
            return false;
        }
        int i = Integer.parseInt(m.group(1));
        return i < b.getEntry().size() && b.getEntry().get(i).getFullUrl().startsWith(Ingest.SOURCE_BASE);
    }

    private static String shorten(String m) {
        String s = m.replaceAll("\\?identifier=\\S+", "?identifier=…").replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\d+", "N");
        return s.length() > 160 ? s.substring(0, 160) : s;
    }

    @Test
    void everyBundleOfTheSharedFoldersValidatesWithZeroErrors() throws IOException {
        boolean all = Boolean.getBoolean("medsift.validate.all");
        String only = System.getProperty("medsift.validate.folders", "");
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        long errorCount = 0;
        for (String folder : List.of("hl7v2-cdc-ti-examples", "hl7v2-fhir-converter-samples", "ccda-examples",
                "synthea-bulk-fhir-10", "fhir-r4-examples")) {
            if (!only.isEmpty() && !List.of(only.split(",")).contains(folder)) {
                continue;
            }
            boolean report = folder.equals("fhir-r4-examples");
            if (report && only.isEmpty()) {
                continue; // reported through -Dmedsift.validate.folders=fhir-r4-examples, not asserted
            }
            long t0 = System.nanoTime();
            int max = folder.startsWith("synthea") && !all ? SYNTHEA_SAMPLE : 0;
            long[] c = validate(folder, max, errors, warnings, examples);
            System.out.printf(Locale.ROOT, "validate %s: bundles %d, resources %d, errors %d (Medsift-written) + %d "
                    + "(kept FHIR input; %d of them not about definitions unavailable offline), warnings %d, %.1f s%n",
                    folder, c[0], c[1], c[2], c[4], c[5], c[3], (System.nanoTime() - t0) / 1e9);
            if (!report) {
                errorCount += c[2];
                // the converter samples' FHIR files are the converter's expected outputs, kept as read: reported
                if (!folder.equals("hl7v2-fhir-converter-samples")) {
                    errorCount += c[5];
                }
            }
        }
        errors.forEach((k, v) -> System.out.println("error " + v + " " + k));
        warnings.forEach((k, v) -> System.out.println("warning " + v + " " + k));
        examples.forEach(e -> System.out.println("example " + e));
        assertTrue(errorCount == 0, errorCount + " errors:\n" + String.join("\n", examples));
    }
}
