package org.medsift.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Document;

class BratWriterTest {
    private static String ann(Document doc) throws IOException {
        StringBuilder out = new StringBuilder();
        BratWriter.create().write(doc, out);
        return out.toString();
    }

    @Test
    void writesTextBoundsAttributesAndNormalizations() throws IOException {
        String ann = ann(OutputFixtures.note());
        int chest = OutputFixtures.NOTE.indexOf("chest");
        int fever = OutputFixtures.NOTE.indexOf("fever");
        int mi = OutputFixtures.NOTE.indexOf("MI.");
        String expectedStart = "T1\tFINDING " + chest + " " + (chest + 5) + ";" + (chest + 6) + " " + (chest + 10)
                + "\tchest pain\n"
                + "N1\tReference T1 SNOMEDCT:29857009\tChest pain\n"
                + "N2\tReference T1 ICD10CM:R07.9\tChest pain, unspecified\n"
                + "T2\tFINDING " + fever + " " + (fever + 5) + "\tfever\n"
                + "A1\tNegated T2\n"
                + "N3\tReference T2 SNOMEDCT:386661006\tFever\n"
                + "T3\tDISORDER ";
        assertTrue(ann.startsWith(expectedStart), ann);
        assertTrue(ann.contains("A2\tExperiencer T3 family\nN4\tReference T3 SNOMEDCT:254837009\tBreast cancer\n"),
                "an empty display falls back to the preferred name");
        assertTrue(ann.contains("T4\tDISORDER " + mi + " " + (mi + 2) + "\tMI\nA3\tTemporality T4 historical\n"));
        assertTrue(ann.contains("A4\tCertainty T5 possible\n"));
        assertTrue(ann.contains("N8\tReference T7 MEDSIFT:drg_sulfonamide\tsulfonamide, \"sulfa\"\n"), ann);
        assertTrue(ann.endsWith("\n"));
    }

    @Test
    void everyTextBoundMatchesItsFragmentsLikeBratChecks() throws IOException {
        for (String line : ann(OutputFixtures.note()).split("\n")) {
            String[] cols = line.split("\t", -1);
            assertEquals(line.startsWith("A") || line.startsWith("R") ? 2 : 3, cols.length, line);
            if (!line.startsWith("T")) {
                continue;
            }
            String spans = cols[1].substring(cols[1].indexOf(' ') + 1);
            StringBuilder joined = new StringBuilder();
            for (String frag : spans.split(";")) {
                String[] se = frag.split(" ");
                String covered = OutputFixtures.NOTE.substring(Integer.parseInt(se[0]), Integer.parseInt(se[1]));
                assertTrue(covered.indexOf('\n') < 0 && covered.indexOf('\t') < 0);
                joined.append(joined.length() == 0 ? "" : " ").append(covered);
            }
            assertEquals(cols[2], joined.toString());
        }
    }

    @Test
    void splitsAtEveryKindOfLineBreakAndSkipsEmptyFragments() {
        String text = "a\r\nb\u2028c\td";
        assertEquals(List.of("0-1", "3-4", "5-6", "7-8"), BratWriter.fragments(text, 0, text.length()).stream()
                .map(f -> f[0] + "-" + f[1]).toList());
    }

    @Test
    void conceptIdsBecomeBratReferences() {
        assertEquals("MEDSIFT:dis_asthma", BratWriter.conceptRef("medsift:dis_asthma"));
        assertEquals("SNOMEDCT:22298006", BratWriter.conceptRef("snomedct:22298006"));
        assertEquals("MEDSIFT:plain_id", BratWriter.conceptRef("plain id"));
    }

    @Test
    void shippedAnnotationConfIsTheGeneratedOne() throws IOException {
        try (InputStream in = BratWriter.class.getResourceAsStream("annotation.conf")) {
            assertEquals(BratWriter.annotationConf(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (org.medsift.core.model.SemanticGroup g : org.medsift.core.model.SemanticGroup.values()) {
            assertTrue(BratWriter.annotationConf().contains("\n" + g.name() + "\n"));
        }
        assertTrue(BratWriter.toolsConf().contains("[normalization]\nSNOMEDCT\t"));
    }
}
