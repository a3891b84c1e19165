package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsFiguresAndEndsWithThroughput() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "Patient denies chest pain. History of asthma.\n");
        Files.writeString(dir.resolve("b.txt"), "Assessment: type 2 diabetes mellitus. Metformin 500 mg twice daily.\n");
        CliRunner.Result r = CliRunner.run("bench", "--threads", "2", "--warmup-seconds", "0.2", "--seconds", "0.5",
                dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("notes: 2"), r.out());
        assertTrue(lines.contains("threads: 2"), r.out());
        for (String key : List.of("startup_s: ", "time_s: ", "peak_heap_mb: ", "stage.", "notes_processed: ")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(key)), key + " missing in\n" + r.out());
        }
        assertTrue(lines.get(lines.size() - 1).matches("throughput: \\d+\\.\\d{3} MB/s, \\d+\\.\\d notes/s"),
                lines.get(lines.size() - 1));
        double share = lines.stream().filter(l -> l.startsWith("stage."))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(": ") + 2, l.indexOf('%')))).sum();
        assertEquals(100.0, share, 1.0);
    }

    @Test
    void rejectsBadArguments() {
        assertEquals(ExitCodes.USAGE, CliRunner.run("bench", "--threads", "0", dir.toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("bench", dir.resolve("missing").toString()).exitCode());
    }

    @Test
    void failsWithoutNotes() {
        CliRunner.Result r = CliRunner.run("bench", "--warmup-seconds", "0", "--seconds", "0.1", dir.toString());
        assertEquals(ExitCodes.FAILURE, r.exitCode(), r.out());
    }
}
