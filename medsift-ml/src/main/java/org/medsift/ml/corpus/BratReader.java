package org.medsift.ml.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.medsift.core.text.Text;

/**
 * Reads brat standoff: {@code NAME.txt} with {@code NAME.ann} beside it. Only text-bound lines
 * ({@code T1<TAB>Type 10 20[;25 30]<TAB>covered text}) become spans; events, relations, attributes, notes and
 * comments are skipped. A discontinuous span is read as its extent, from its first start to its last end (the
 * tagger labels contiguous token runs). The covered text must equal the {@code .txt}'s text (fragments joined by a
 * space, as brat writes them).
 */
public final class BratReader {
    private BratReader() {
    }

    /**
     * Reads {@code path}: a {@code .ann} or {@code .txt} file (its pair is found beside it), or a folder searched
     * recursively for {@code .ann} files with a {@code .txt} beside them, in name order.
     */
    public static List<AnnotatedDocument> read(Path path, TypeMapping mapping) throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> anns;
            try (Stream<Path> s = Files.walk(path)) {
                anns = s.filter(p -> p.getFileName().toString().endsWith(".ann")).sorted().toList();
            }
            for (Path ann : anns) {
                docs.add(readPair(ann, mapping));
            }
        } else {
            String f = path.getFileName().toString();
            Path ann = f.endsWith(".txt") ? path.resolveSibling(f.substring(0, f.length() - 4) + ".ann") : path;
            docs.add(readPair(ann, mapping));
        }
        return docs;
    }

    private static AnnotatedDocument readPair(Path ann, TypeMapping mapping) throws IOException {
        String f = ann.getFileName().toString();
        if (!f.endsWith(".ann")) {
            throw new AnnotationFormatException(ann + ": expected a .ann or .txt file");
        }
        String base = f.substring(0, f.length() - 4);
        Path txt = ann.resolveSibling(base + ".txt");
        if (!Files.isRegularFile(txt)) {
            throw new AnnotationFormatException(ann + ": no " + base + ".txt beside it");
        }
        if (!Files.isRegularFile(ann)) {
            throw new AnnotationFormatException(txt + ": no " + base + ".ann beside it");
        }
        String text = Files.readString(txt, StandardCharsets.UTF_8);
        return new AnnotatedDocument(Text.of(base, text),
                parse(Files.readAllLines(ann, StandardCharsets.UTF_8), text, ann, mapping));
    }

    /** Parses the lines of one {@code .ann} against its {@code text}; {@code name} is used in messages. */
    public static List<EntitySpan> parse(List<String> lines, String text, Object name, TypeMapping mapping)
            throws AnnotationFormatException {
        List<EntitySpan> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isBlank() || line.charAt(0) != 'T') {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 2) {
                throw AnnotationFormatException.at(name, lineNo, "text-bound line '" + line
                        + "' has no tab; expected 'T1<TAB>Type start end<TAB>text'");
            }
            int sp = c[1].indexOf(' ');
            if (sp <= 0) {
                throw AnnotationFormatException.at(name, lineNo, "'" + c[1] + "' is not 'Type start end'");
            }
            String type = c[1].substring(0, sp);
            int start = Integer.MAX_VALUE;
            int end = -1;
            StringBuilder covered = new StringBuilder();
            for (String frag : c[1].substring(sp + 1).split(";")) {
                String[] se = frag.trim().split(" +");
                if (se.length != 2) {
                    throw AnnotationFormatException.at(name, lineNo, "offsets '" + frag
                            + "' are not 'start end'");
                }
                int s = PubTatorReader.integer(se[0], name, lineNo, "start");
                int e = PubTatorReader.integer(se[1], name, lineNo, "end");
                if (e <= s || e > text.length()) {
                    throw AnnotationFormatException.at(name, lineNo, "span [" + s + ", " + e
                            + ") is empty or beyond the text (" + text.length() + " chars)");
                }
                if (covered.length() > 0) {
                    covered.append(' ');
                }
                covered.append(text, s, e);
                start = Math.min(start, s);
                end = Math.max(end, e);
            }
            if (c.length >= 3 && !c[2].equals(covered.toString())) {
                throw AnnotationFormatException.at(name, lineNo, "text '" + c[2] + "' but the .txt has '"
                        + covered + "' at those offsets");
            }
            spans.add(new EntitySpan(start, end, mapping.map(type)));
        }
        return spans;
    }
}
