package org.medsift.lexicon.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.medsift.core.model.SemanticGroup;
import org.medsift.vocab.TermKind;

/**
 * Reads the curated clinical lexicon ({@code src/main/lexicon/curated/*.tsv}; format in {@code FORMAT.md} there).
 * A malformed line fails the build with the file, line number, what was found and what was expected: the curated
 * files are the project's own, so an error is a bug to fix, not data to skip. Build-time only.
 */
final class CuratedSource {
    static final String SOURCE_ID = "curated";

    private CuratedSource() {
    }

    static List<SourceConcept> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no curated lexicon files (*.tsv) in " + dir);
        }
        List<SourceConcept> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = f.getFileName() + ":" + (i + 1);
                String[] cols = line.split("\t", -1);
                if (cols.length != 5) {
                    throw new IllegalArgumentException(where + ": found " + cols.length
                            + " tab-separated columns, expected 5 (id, group, preferred, synonyms, note)");
                }
                String id = cols[0].trim();
                if (!id.matches("[a-z0-9_]+")) {
                    throw new IllegalArgumentException(where + ": id '" + id + "' is not [a-z0-9_]+");
                }
                if (!ids.add(id)) {
                    throw new IllegalArgumentException(where + ": id '" + id + "' is used twice");
                }
                SemanticGroup group;
                try {
                    group = SemanticGroup.valueOf(cols[1].trim());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": group '" + cols[1] + "' is not one of "
                            + java.util.Arrays.toString(SemanticGroup.values()), e);
                }
                String preferred = cols[2].trim();
                if (preferred.isEmpty()) {
                    throw new IllegalArgumentException(where + ": preferred name is empty");
                }
                SourceConcept c = new SourceConcept("medsift:" + id, preferred, group, SOURCE_ID);
                c.term(preferred, TermKind.NAME);
                for (String syn : cols[3].split("\\|")) {
                    String s = syn.trim();
                    if (s.isEmpty()) {
                        continue;
                    }
                    TermKind kind = TermKind.NAME;
                    if (s.startsWith("ABBR:")) {
                        kind = TermKind.ABBREVIATION;
                        s = s.substring(5).trim();
                    } else if (s.startsWith("AMBIG:")) {
                        kind = TermKind.AMBIGUOUS;
                        s = s.substring(6).trim();
                    } else if (s.startsWith("BN:")) {
                        kind = TermKind.BRAND;
                        s = s.substring(3).trim();
                    }
                    if (!s.isEmpty()) {
                        c.term(s, kind);
                    }
                }
                out.add(c);
            }
        }
        return out;
    }
}
