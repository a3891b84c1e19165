package org.medsift.app.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;

class InputDocumentsTest {
    private static final Path BAD = Path.of("src/test/resources/fixtures/text/bad");

    static Stream<Path> badFiles() throws IOException {
        return Files.list(BAD).filter(p -> p.toString().endsWith(".txt")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsTheProblemNamedByTheFixture(Path file) {
        String expectedCode = file.getFileName().toString().substring(0, "TEXT-0000".length());
        InputDocuments.Decoded d = InputDocuments.read(new InputDocuments.Input(file, file.getFileName().toString()),
                InputDocuments.DEFAULT_MAX_BYTES);
        assertTrue(d.problems().stream().anyMatch(p -> p.code().equals(expectedCode)),
                () -> "expected " + expectedCode + " for " + file + ", got " + d.problems());
        for (Problem p : d.problems()) {
            assertEquals(file.getFileName().toString(), p.where().documentId());
            assertFalse(p.message().isBlank());
        }
        if (expectedCode.equals("TEXT-0003")) {
            assertFalse(d.processable(), "binary input must not be processed");
        } else {
            assertTrue(d.processable(), "non-binary bad input is still processed");
        }
    }

    @Test
    void keepsEveryCharOfInvalidUtf8ByDecodingAsWindows1252() {
        byte[] bytes = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        InputDocuments.Decoded d = InputDocuments.decode("doc", bytes);
        assertEquals("Caf\u00e9 au lait", d.text());
        Problem p = d.problems().get(0);
        assertEquals("TEXT-0002", p.code());
        assertEquals(Severity.WARNING, p.severity());
        assertTrue(p.message().contains("byte 3"), p.message());
    }

    @Test
    void removesUtf8ByteOrderMarkAndSaysSo() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};
        InputDocuments.Decoded d = InputDocuments.decode("doc", bytes);
        assertEquals("ok", d.text());
        assertEquals("TEXT-0006", d.problems().get(0).code());
        assertEquals(Severity.INFO, d.problems().get(0).severity());
    }

    @Test
    void refusesFilesOverTheSizeLimitWithoutReadingThem(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[4096]);
        InputDocuments.Decoded d = InputDocuments.read(new InputDocuments.Input(big, "big.txt"), 1024);
        assertNull(d.text());
        assertEquals("TEXT-0004", d.problems().get(0).code());
        assertTrue(d.problems().get(0).message().contains("4096 bytes"));
        assertTrue(d.problems().get(0).message().contains("1024"));
    }

    @Test
    void expandsFoldersToSortedTxtFilesWithRelativeIds(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/two.txt"), "x");
        Files.writeString(dir.resolve("one.txt"), "x");
        Files.writeString(dir.resolve("skip.pdf"), "x");
        List<InputDocuments.Input> in = InputDocuments.expand(List.of(dir));
        assertEquals(List.of("b/two.txt", "one.txt"), in.stream().map(InputDocuments.Input::id).toList());
    }

    @Test
    void treatsUtf8ClinicalTextAsClean() {
        InputDocuments.Decoded d = InputDocuments.decode("doc", "T 38.2 \u00b0C, SpO\u2082 96%".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), d.problems());
    }
}
