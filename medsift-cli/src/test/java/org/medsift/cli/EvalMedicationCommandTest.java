package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMedicationCommandTest {
    /** The hand-annotated notes of medsift-app (the documented command points at the same folder). */
    private static final Path GOLD = Path.of("..", "medsift-app", "src", "test", "resources", "fixtures",
            "medication");

    @Test
    void scoresTheAnnotatedNotesPerAttribute(@TempDir Path tmp) throws IOException {
        Path errors = tmp.resolve("errors.txt");
        CliRunner.Result r = CliRunner.run("eval", "medication", "--gold", GOLD.toString(), "--errors",
                errors.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("type              gold    TP    FP    FN  precision   recall      F1"), r.out());
        for (String type : new String[] {"Drug", "Strength", "Frequency", "PRN", "Lab", "Vital", "Value"}) {
            assertTrue(r.out().matches("(?s).*\n" + type + " +\\d+ .*"), type + " row missing:\n" + r.out());
        }
        assertTrue(Files.isRegularFile(errors));
    }

    @Test
    void aMissingFolderIsAUsageError(@TempDir Path tmp) {
        CliRunner.Result r = CliRunner.run("eval", "medication", "--gold", tmp.resolve("none").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.out());
        assertTrue(r.err().contains("--gold folder not found"), r.err());
    }
}
