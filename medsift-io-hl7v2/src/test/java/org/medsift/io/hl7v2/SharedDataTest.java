package org.medsift.io.hl7v2;

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
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.TextPiece;

/** Reads every *.hl7 file of ../shared/data/hl7v2-* (skipped when absent): no crash, pieces inside their text. */
class SharedDataTest {
    @Test
    void readsEverySharedHl7v2FileWithoutACrash() throws IOException {
        Path data = Path.of("../../shared/data");
        assumeTrue(Files.isDirectory(data.resolve("hl7v2-cdc-ti-examples")), "../shared/data/hl7v2-* absent: skipped");
        List<Path> files;
        try (Stream<Path> s = Files.walk(data.resolve("hl7v2-cdc-ti-examples"));
             Stream<Path> t = Files.walk(data.resolve("hl7v2-fhir-converter-samples"))) {
            files = Stream.concat(s, t).filter(p -> p.toString().endsWith(".hl7")).sorted().toList();
        }
        Hl7v2Reader reader = Hl7v2Reader.create();
        int messages = 0;
        int entries = 0;
        int texts = 0;
        Map<String, Integer> codes = new TreeMap<>();
        for (Path f : files) {
            ReadResult r = reader.read(f.getFileName().toString(), Files.readAllBytes(f));
            messages += r.units();
            entries += r.entries().size();
            texts += r.texts().size();
            r.problems().forEach(p -> codes.merge(p.code(), 1, Integer::sum));
            for (RecordText t : r.texts()) {
                for (TextPiece p : t.pieces()) {
                    assertTrue(p.end() <= t.content().length());
                }
            }
        }
        System.out.println("hl7v2: files " + files.size() + ", messages " + messages + ", entries " + entries
                + ", texts " + texts + ", problems " + codes);
        assertTrue(files.size() > 200);
        assertTrue(messages >= files.size() - 10);
    }
}
