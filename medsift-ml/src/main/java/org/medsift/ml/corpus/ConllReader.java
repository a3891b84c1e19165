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
 * Reads CoNLL BIO: one token per line, the token in the first column and its tag ({@code O}, {@code B-Type},
 * {@code I-Type}) in the last, columns separated by tabs (or spaces when there is no tab); a blank line ends a
 * sentence and a {@code -DOCSTART-} line a document. The text is rebuilt with one space between tokens and one
 * newline between sentences, and span offsets index that text. An {@code I-Type} that does not continue an entity
 * of the same type starts one (the lenient reading of conlleval).
 */
public final class ConllReader {
    private ConllReader() {
    }

    /** Reads {@code file}; a file without {@code -DOCSTART-} lines is one document named after it. */
    public static List<AnnotatedDocument> read(Path file, TypeMapping mapping) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String base = file.getFileName().toString();
            return read(r, file.toString(), base, mapping);
        }
    }

    /** Reads CoNLL from {@code in}; {@code name} is used in messages and {@code base} in document ids. */
    public static List<AnnotatedDocument> read(BufferedReader in, String name, String base, TypeMapping mapping)
            throws IOException {
        List<AnnotatedDocument> docs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<EntitySpan> spans = new ArrayList<>();
        boolean sentenceOpen = false;
        int entityStart = -1;
        int entityEnd = -1;
        String entityType = null;
        int lineNo = 0;
        String line;
        while (true) {
            line = in.readLine();
            lineNo++;
            boolean eof = line == null;
            boolean docStart = !eof && line.startsWith("-DOCSTART-");
            boolean blank = eof || docStart || line.isBlank();
            if (blank) {
                if (entityType != null) {
                    spans.add(new EntitySpan(entityStart, entityEnd, entityType));
                    entityType = null;
                }
                if (sentenceOpen) {
                    text.append('\n');
                    sentenceOpen = false;
                }
                if ((eof || docStart) && text.length() > 0) {
                    docs.add(new AnnotatedDocument(Text.of(base + "#" + (docs.size() + 1), text.toString()), spans));
                    text.setLength(0);
                    spans = new ArrayList<>();
                }
                if (eof) {
                    break;
                }
                continue;
            }
            String[] c = line.indexOf('\t') >= 0 ? line.split("\t") : line.trim().split(" +");
            if (c.length < 2) {
                throw AnnotationFormatException.at(name, lineNo, "'" + line
                        + "' has one column; expected a token and a BIO tag");
            }
            String token = c[0].trim();
            String tag = c[c.length - 1].trim();
            if (token.isEmpty()) {
                throw AnnotationFormatException.at(name, lineNo, "empty token");
            }
            if (sentenceOpen) {
                text.append(' ');
            }
            sentenceOpen = true;
            int start = text.length();
            text.append(token);
            int end = text.length();
            if (tag.equals("O")) {
                if (entityType != null) {
                    spans.add(new EntitySpan(entityStart, entityEnd, entityType));
                    entityType = null;
                }
            } else if ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2) {
                String type = mapping.map(tag.substring(2));
                boolean continues = tag.charAt(0) == 'I' && type.equals(entityType);
                if (continues) {
                    entityEnd = end;
                } else {
                    if (entityType != null) {
                        spans.add(new EntitySpan(entityStart, entityEnd, entityType));
                    }
                    entityType = type;
                    entityStart = start;
                    entityEnd = end;
                }
            } else {
                throw AnnotationFormatException.at(name, lineNo, "tag '" + tag
                        + "'; expected O, B-Type or I-Type");
            }
        }
        return docs;
    }
}
