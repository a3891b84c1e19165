package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6: a lexicon built through the CLI from the Synthea jar's codes (with the Datafaker jar and the curated
 * files, the default's own sources) is the embedded default, byte for byte, and gives byte-identical output on
 * the example notes. The jars are the ones Maven downloaded for medsift-lexicon; when the local repository does not
 * hold them the test is skipped, saying which file is missing.
 */
class DefaultLexiconReproducibleTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "notes");
    private static final Path CURATED = Path.of("..", "medsift-lexicon", "src", "main", "lexicon", "curated");
    /** The run start written in the JSON provenance ({@code JsonWriter}): differs between any two runs. */
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"[^\"]*\"");

    private static Path repository() {
        String local = System.getProperty("maven.repo.local");
        return local != null && !local.isBlank() ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static Path required(Path p, String what) {
        assumeTrue(Files.isRegularFile(p) || Files.isDirectory(p), "skipped: " + what + " not found at " + p
                + " (run the Maven build of medsift-lexicon once to download it)");
        return p;
    }

    @Test
    void buildsTheEmbeddedDefaultByteForByteAndExtractsIdentically(@TempDir Path dir) throws IOException {
        Path repo = repository();
        Path synthea = required(repo.resolve("org/mitre/synthea/synthea/3.0.0/synthea-3.0.0.jar"),
                "the Synthea 3.0.0 jar");
        Path datafaker = required(repo.resolve("net/datafaker/datafaker/2.4.2/datafaker-2.4.2.jar"),
                "the Datafaker 2.4.2 jar");
        Path curated = required(CURATED, "the curated lexicon folder");
        Path lex = dir.resolve("default.lex");

        CliRunner.Result build = CliRunner.run("lexicon", "build", "--default-sources", "--synthea",
                synthea.toString(), "--datafaker", datafaker.toString(), "--curated", curated.toString(), "--out",
                lex.toString());
        assertEquals(ExitCodes.OK, build.exitCode(), build.err());
        assertTrue(build.out().contains("embedded_default: identical"), build.out());
        byte[] embedded = LexiconBuildCommand.embeddedDefault();
        assertNotNull(embedded, "embedded default resource");
        assertArrayEquals(embedded, Files.readAllBytes(lex), "built lexicon differs from the embedded default");

        Path withDefault = dir.resolve("out-default");
        Path withBuilt = dir.resolve("out-built");
        CliRunner.Result a = CliRunner.run("extract", EXAMPLES.toString(), "--out", withDefault.toString(),
                "--format", "json", "--threads", "1", "--no-progress");
        assertEquals(ExitCodes.OK, a.exitCode(), a.err());
        CliRunner.Result b = CliRunner.run("extract", EXAMPLES.toString(), "--out", withBuilt.toString(),
                "--format", "json", "--threads", "1", "--no-progress", "--lexicon", lex.toString());
        assertEquals(ExitCodes.OK, b.exitCode(), b.err());

        List<String> names = jsonFiles(withDefault);
        assertFalse(names.isEmpty(), "no JSON written");
        assertEquals(names, jsonFiles(withBuilt));
        for (String name : names) {
            String x = TIMESTAMP.matcher(Files.readString(withDefault.resolve(name))).replaceAll("\"timestamp\":\"\"");
            String y = TIMESTAMP.matcher(Files.readString(withBuilt.resolve(name))).replaceAll("\"timestamp\":\"\"");
            assertTrue(x.contains("\"preferredName\""), name + ": no findings");
            assertEquals(x, y, name + " differs between the embedded default and the rebuilt lexicon");
        }
    }

    @Test
    void defaultSourcesNeedTheThreeInputsAndNoOther(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("lexicon", "build", "--default-sources", "--out",
                dir.resolve("x.lex").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().contains("--default-sources needs --synthea JAR, --datafaker JAR and --curated DIR"),
                r.err());
        CliRunner.Result s = CliRunner.run("lexicon", "build", "--synthea", "x.jar", "--out",
                dir.resolve("x.lex").toString());
        assertEquals(ExitCodes.USAGE, s.exitCode());
        assertTrue(s.err().contains("go with --default-sources"), s.err());
    }

    private static List<String> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
