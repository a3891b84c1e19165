package org.medsift.vocab.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.LexiconBuilder;

/** Fixture folders of the importer tests: {@code fixtures/<format>/...}, with malformed inputs in {@code bad/}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir(String format) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + format).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the cases in {@code fixtures/<format>/bad}: sub-folders, or files other than {@code *.expected}. */
    public static Stream<String> badCases(String format) throws IOException {
        try (Stream<Path> s = Files.list(dir(format).resolve("bad"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".expected")).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    /** The expected problems of a bad case: {@code <case>/expected.txt} or {@code <base>.expected}. */
    public static List<String> expected(String format, String badCase) throws IOException {
        Path bad = dir(format).resolve("bad").resolve(badCase);
        Path f = Files.isDirectory(bad) ? bad.resolve("expected.txt")
                : bad.resolveSibling(badCase.substring(0, badCase.lastIndexOf('.')) + ".expected");
        return Files.readAllLines(f);
    }

    /** Problems as {@code CODE FILE @ line N} lines. */
    public static List<String> found(ProblemSink problems) {
        return problems.problems().stream().map(p -> p.code() + " " + p.where()).collect(Collectors.toList());
    }

    public static LexiconBuilder builder() {
        return new LexiconBuilder("fixture-test", "1");
    }
}
