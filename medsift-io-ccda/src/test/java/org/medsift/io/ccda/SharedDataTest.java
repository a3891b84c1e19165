package org.medsift.io.ccda;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medsift.core.record.ReadResult;

/** Reads every XML file of ../shared/data/ccda-examples (skipped when absent) without a crash. */
class SharedDataTest {
    @Test
    void readsEverySharedCcdaFileWithoutACrash() throws IOException {
        Path dir = Path.of("../../shared/data/ccda-examples");
        assumeTrue(Files.isDirectory(dir), "../shared/data/ccda-examples absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList();
        }
        CcdaReader reader = CcdaReader.create();
        int docs = 0;
        int entries = 0;
        int texts = 0;
        Map<String, Integer> codes = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Path f : files) {
            ReadResult r = reader.read(f.getFileName().toString(), Files.readAllBytes(f));
            docs += r.units();
            entries += r.entries().size();
            texts += r.texts().size();
            r.problems().forEach(p -> codes.merge(p.code(), 1, Integer::sum));
            r.entries().forEach(e -> kinds.merge(e.kind().name(), 1, Integer::sum));
        }
        System.out.println("ccda: files " + files.size() + ", documents " + docs + ", entries " + entries + " " + kinds
                + ", texts " + texts + ", problems " + codes);
        assertTrue(files.size() > 400);
    }
}
