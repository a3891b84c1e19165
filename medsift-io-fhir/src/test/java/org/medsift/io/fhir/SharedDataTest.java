package org.medsift.io.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads every file of ../shared/data/fhir-r4-examples and synthea-bulk-fhir-10 (skipped when absent). */
class SharedDataTest {
    @Test
    void readsEverySharedFhirFileWithoutACrash() throws IOException {
        Path data = Path.of("../../shared/data");
        assumeTrue(Files.isDirectory(data.resolve("fhir-r4-examples")), "../shared/data/fhir-r4-examples absent: skipped");
        for (String folder : List.of("fhir-r4-examples", "synthea-bulk-fhir-10")) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(data.resolve(folder))) {
                files = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")).sorted().toList();
            }
            int resources = 0;
            int texts = 0;
            Map<String, Integer> codes = new TreeMap<>();
            for (Path f : files) {
                FhirReadResult r = FhirReader.create().read(f.getFileName().toString(), Files.readAllBytes(f));
                resources += r.resources().size();
                texts += r.result().texts().size();
                r.result().problems().forEach(p -> codes.merge(p.code(), 1, Integer::sum));
            }
            System.out.println(folder + ": files " + files.size() + ", resources " + resources + ", texts " + texts
                    + ", problems " + codes);
            assertTrue(resources > 0);
        }
    }
}
