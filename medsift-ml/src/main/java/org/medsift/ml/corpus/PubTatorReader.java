package org.medsift.ml.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medsift.core.text.Text;

/**
 * Reads PubTator files (BC5CDR, NCBI-disease): per document a {@code ID|t|title} line, an {@code ID|a|abstract}
 * line, then {@code ID<TAB>start<TAB>end<TAB>mention<TAB>type[<TAB>ids]} annotation lines; documents are separated
 * by blank lines. The text is the title, a space and the abstract (PubTator's own offset convention). Relation lines
 * ({@code ID<TAB>CID<TAB>...}) are skipped. Every mention must equal the text it covers
 * (surrounding whitespace aside: NCBI-disease has mentions with trailing spaces that its offsets leave out).
 */
public final class PubTatorReader {
    private PubTatorReader() {
    }

    /** Reads every document of {@code file}, renaming types through {@code mapping}. */
    public static List<AnnotatedDocument> read(Path file, TypeMapping mapping) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), mapping);
        }
    }

    /** Reads PubTator from {@code in}; {@code name} is used in messages. */
    public static List<AnnotatedDocument> read(BufferedReader in, String name, TypeMapping mapping)
            throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        String id = null;
        String title = null;
        String text = null;
        List<EntitySpan> spans = new ArrayList<>();
        int lineNo = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                if (id != null) {
                    docs.add(document(id, text, spans));
                    id = null;
                    title = null;
                    text = null;
                    spans = new ArrayList<>();
                }
                continue;
            }
            int bar = line.indexOf('|');
            int tab = line.indexOf('\t');
            if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                String docId = line.substring(0, bar);
                char part = line.charAt(bar + 1);
                String body = line.substring(bar + 3);
                if (part == 't') {
                    if (id != null) {
                        throw AnnotationFormatException.at(name, lineNo, "title of '" + docId
                                + "' before a blank line ends document '" + id + "'");
                    }
                    id = docId;
                    title = body;
                    text = body;
                } else if (part == 'a') {
                    if (id == null || !id.equals(docId) || title == null || text.length() != title.length()) {
                        throw AnnotationFormatException.at(name, lineNo, "abstract of '" + docId
                                + "' without its title line 'ID|t|title' just before it");
                    }
                    text = title + " " + body;
                } else {
                    throw AnnotationFormatException.at(name, lineNo, "part '" + part + "' of '" + docId
                            + "'; expected 't' (title) or 'a' (abstract)");
                }
                continue;
            }
            String[] c = line.split("\t", -1);
            if (id == null) {
                throw AnnotationFormatException.at(name, lineNo, "annotation line before any 'ID|t|title' line");
            }
            if (!c[0].equals(id)) {
                throw AnnotationFormatException.at(name, lineNo, "annotation of document '" + c[0]
                        + "' inside document '" + id + "'");
            }
            if (c.length == 4 && !c[1].isEmpty() && Character.isLetter(c[1].charAt(0))) {
                continue; // a relation line: ID<TAB>CID<TAB>chemical<TAB>disease
            }
            if (c.length < 5) {
                throw AnnotationFormatException.at(name, lineNo, "found " + c.length
                        + " tab-separated fields, expected ID, start, end, mention, type[, ids]");
            }
            int start = integer(c[1], name, lineNo, "start");
            int end = integer(c[2], name, lineNo, "end");
            if (end <= start || end > text.length()) {
                throw AnnotationFormatException.at(name, lineNo, "span [" + start + ", " + end
                        + ") is empty or beyond the text of '" + id + "' (" + text.length() + " chars)");
            }
            String covered = text.substring(start, end);
            if (!covered.equals(c[3]) && !covered.strip().equals(c[3].strip())) {
                throw AnnotationFormatException.at(name, lineNo, "mention '" + c[3] + "' but the text at ["
                        + start + ", " + end + ") is '" + covered + "'");
            }
            if (c[4].isBlank()) {
                throw AnnotationFormatException.at(name, lineNo, "empty entity type");
            }
            spans.add(new EntitySpan(start, end, mapping.map(c[4].trim())));
        }
        if (id != null) {
            docs.add(document(id, text, spans));
        }
        return docs;
    }

    private static AnnotatedDocument document(String id, String text, List<EntitySpan> spans) {
        return new AnnotatedDocument(Text.of(id, text), spans);
    }

    static int integer(String s, Object file, int line, String what) throws AnnotationFormatException {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw AnnotationFormatException.at(file, line, what + " offset " + v + " is negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw AnnotationFormatException.at(file, line, what + " offset '" + s + "' is not a number");
        }
    }
}
