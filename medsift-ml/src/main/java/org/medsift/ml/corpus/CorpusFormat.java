package org.medsift.ml.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The annotation formats Medsift reads, by their command-line names. */
public enum CorpusFormat {
    /** PubTator ({@code ID|t|}, {@code ID|a|}, tab-separated mentions). */
    PUBTATOR,
    /** brat standoff ({@code .txt} + {@code .ann}). */
    BRAT,
    /** CoNLL BIO (token and tag per line). */
    CONLL,
    /** BioC XML ({@code <collection><document><passage>...}). */
    BIOC;

    /**
     * The format named {@code name} ({@code pubtator}, {@code brat}, {@code conll}, {@code bioc}, any case).
     *
     * @throws IllegalArgumentException naming the value and the names allowed
     */
    public static CorpusFormat parse(String name) {
        for (CorpusFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name
                + "'; expected pubtator, brat, conll or bioc");
    }

    /**
     * Reads {@code path} in this format. A folder is read whole: brat pairs, or every regular file (PubTator,
     * CoNLL, BioC) in name order.
     */
    public List<AnnotatedDocument> read(Path path, TypeMapping mapping) throws IOException {
        if (!Files.exists(path)) {
            throw new AnnotationFormatException(path + ": not found");
        }
        if (this == BRAT) {
            return BratReader.read(path, mapping);
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<AnnotatedDocument> docs = new ArrayList<>();
        for (Path f : files) {
            docs.addAll(switch (this) {
                case PUBTATOR -> PubTatorReader.read(f, mapping);
                case BIOC -> BioCReader.read(f, mapping);
                default -> ConllReader.read(f, mapping);
            });
        }
        return docs;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
