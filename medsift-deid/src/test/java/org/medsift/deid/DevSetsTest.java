package org.medsift.deid;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Token-level, type-blind recall and precision on the shared dev sets (shared/data/deid; FORMAT.md), scored as
 * score.py does. Floors sit slightly under the figures reached (docs/evaluation.md). Skipped when the data is absent.
 */
class DevSetsTest {
    @Test
    void meetsFloorsOnTheDevSets() throws IOException {
        Path dir = DevSets.dataDir();
        assumeTrue(dir != null, "shared/data/deid is absent: de-identification dev-set floors not checked");
        PhiDetector d = PhiDetector.standard();
        long[] negex = run(d, DevSets.negexRecords(dir), dir.resolve("negex-reid/gold.tsv"));
        long[] presidio = run(d, DevSets.presidioRecords(dir), dir.resolve("presidio-synth/gold-safe-harbor.tsv"));
        report("negex-reid", negex);
        report("presidio-synth", presidio);
        long[] all = new long[4];
        for (int i = 0; i < 4; i++) {
            all[i] = negex[i] + presidio[i];
        }
        report("both", all);
        assertTrue(recall(negex) >= 0.995, "negex-reid recall " + recall(negex));
        assertTrue(precision(negex) >= 0.94, "negex-reid precision " + precision(negex));
        assertTrue(recall(presidio) >= 0.985, "presidio-synth recall " + recall(presidio));
        assertTrue(recall(all) >= 0.988, "combined recall " + recall(all));
        assertTrue(precision(all) >= 0.94, "combined precision " + precision(all));
    }

    private static long[] run(PhiDetector d, Map<String, String> recs, Path gold) throws IOException {
        Map<String, List<PhiSpan>> sys = new LinkedHashMap<>();
        recs.forEach((id, text) -> sys.put(id, d.detect(text)));
        return DevSets.score(recs, DevSets.gold(gold), sys);
    }

    private static double recall(long[] c) {
        return c[1] / (double) c[0];
    }

    private static double precision(long[] c) {
        return c[3] / (double) Math.max(1, c[2]);
    }

    private static void report(String name, long[] c) {
        System.out.printf(java.util.Locale.ROOT, "deid %s token-level type-blind: recall %.4f precision %.4f%n", name,
                recall(c), precision(c));
    }
}
