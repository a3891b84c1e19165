package org.medsift.nlp.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Golden fixtures: {@code fixtures/<kind>/<case>.txt} beside {@code <case>.expected.txt}. Run with
 * {@code -Dmedsift.updateGolden=true} to rewrite the expected files in {@code src/test/resources} (then review the
 * diff before committing).
 */
public final class GoldenFiles {
    private static final String SUFFIX = ".expected.txt";

    private GoldenFiles() {
    }

    /** The input files of a fixture folder, sorted. */
    public static List<Path> inputs(String kind) {
        try {
            Path dir = Paths.get(GoldenFiles.class.getClassLoader().getResource("fixtures/" + kind).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".txt") && !p.toString().endsWith(SUFFIX)).sorted()
                        .collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String read(Path input) {
        try {
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares {@code actual} with the golden file of {@code input}, or rewrites it in update mode. */
    public static void assertMatches(String kind, Path input, String actual) {
        String name = input.getFileName().toString();
        Path expected = input.resolveSibling(name.substring(0, name.length() - 4) + SUFFIX);
        try {
            if (Boolean.getBoolean("medsift.updateGolden")) {
                Path source = Paths.get("src/test/resources/fixtures", kind, expected.getFileName().toString());
                Files.writeString(source, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(expected)) {
                throw new AssertionError("golden file " + expected.getFileName() + " is missing; run with "
                        + "-Dmedsift.updateGolden=true and review it. Actual:\n" + actual);
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "fixtures/" + kind + "/" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s[from, to)} with line breaks, tabs and controls escaped, so that one item fits on one line. */
    public static String escape(CharSequence s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from + 8);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
