package org.medsift.ml.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames corpus entity types before training or scoring ({@code SpecificDisease=Disease}); a type without an
 * entry keeps its name. Immutable.
 */
public final class TypeMapping {
    /** The mapping that keeps every type. */
    public static final TypeMapping IDENTITY = new TypeMapping(Map.of());

    private final Map<String, String> map;

    private TypeMapping(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    /**
     * Parses {@code FROM=TO[,FROM=TO...]}.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code FROM=TO}
     */
    public static TypeMapping parse(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec != null && !spec.isBlank()) {
            for (String entry : spec.split(",")) {
                put(m, entry, "type mapping '" + spec + "'");
            }
        }
        return new TypeMapping(m);
    }

    /**
     * Reads a mapping file: one {@code FROM=TO} or {@code FROM<TAB>TO} per line; blank lines and {@code #}
     * comments are skipped.
     */
    public static TypeMapping read(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                put(m, line.replace('\t', '='), file + ":" + (i + 1));
            } catch (IllegalArgumentException e) {
                throw new AnnotationFormatException(e.getMessage());
            }
        }
        return new TypeMapping(m);
    }

    private static void put(Map<String, String> m, String entry, String where) {
        String[] kv = entry.split("=", -1);
        if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
            throw new IllegalArgumentException(where + ": entry '" + entry + "' is not FROM=TO");
        }
        m.put(kv[0].trim(), kv[1].trim());
    }

    /** The mapped name of {@code type}. */
    public String map(String type) {
        return map.getOrDefault(type, type);
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
