package org.medsift.vocab.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.Lexicon;
import org.medsift.vocab.LexiconBuilder;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.umls.UmlsImporter;

class SyntheticUmlsTest {
    @Test
    void writesDeterministicRrfThatTheUmlsImporterReadsWithoutProblems(@TempDir Path dir) throws Exception {
        long rows = new SyntheticUmls(7, 5_000).write(dir.resolve("a"), 2_000);
        new SyntheticUmls(7, 5_000).write(dir.resolve("b"), 2_000);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/MRCONSO.RRF")), Files.readAllBytes(dir.resolve("b/MRCONSO.RRF")));
        assertTrue(rows > 2.5 * 2_000 && rows < 3.5 * 2_000, "about 3 rows per concept: " + rows);

        LexiconBuilder b = new LexiconBuilder("synthetic", "1");
        ProblemSink problems = ProblemSink.lenient();
        ImportReport r = new UmlsImporter(UmlsImporter.Options.defaults()).importDir(dir.resolve("a"), b, problems,
                null);
        assertEquals(List.of(), problems.problems());
        assertEquals(rows, r.rows());
        Lexicon lex = b.build();
        assertEquals(2_000, lex.conceptCount());
        assertTrue(r.dropped().containsKey("LAT not in [ENG]"));
    }
}
