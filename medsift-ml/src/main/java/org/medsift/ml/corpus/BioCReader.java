package org.medsift.ml.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.medsift.core.text.Text;

/**
 * Reads BioC XML collections ({@code <collection><document><id/><passage><offset/><text/><annotation>...}).
 * A document's text is rebuilt from its passages (and the sentences of passages without text): each piece is put
 * at its {@code <offset>}, which BioC counts from the start of the document, and gaps are filled with spaces, so
 * annotation offsets index the text unchanged (BC5CDR's BioC files give the title at 0 and the abstract at title
 * length + 1, the PubTator text). An annotation's type is its {@code <infon key="type">}, renamed through the
 * {@link TypeMapping}; an annotation with several {@code <location>}s is read as their extent, as brat's
 * discontinuous spans are. A single-location annotation's {@code <text>} must equal the covered text (surrounding
 * whitespace aside). Relations and other infons are skipped.
 *
 * <p>Hardened: DTDs and external entities are refused (the parser never opens another file or URL), elements may
 * nest at most {@value #MAX_DEPTH} deep and a document's text may hold at most {@value #MAX_DOCUMENT_CHARS} chars.
 * A malformed file stops the read with an {@link AnnotationFormatException} naming the file and line.
 */
public final class BioCReader {
    /** Deepest element nesting accepted; BioC needs 6 (collection, document, passage, sentence, annotation, infon). */
    static final int MAX_DEPTH = 16;
    /** Longest document text accepted, in chars. */
    static final int MAX_DOCUMENT_CHARS = 16 << 20;

    private static final XMLInputFactory FACTORY = hardenedFactory();

    private BioCReader() {
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Reads every document of {@code file}. */
    public static List<AnnotatedDocument> read(Path file, TypeMapping mapping) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), mapping);
        }
    }

    /** Reads a BioC collection from {@code in} (not closed); {@code name} is used in messages. */
    public static List<AnnotatedDocument> read(InputStream in, String name, TypeMapping mapping) throws IOException {
        XMLStreamReader r;
        try {
            synchronized (FACTORY) { // XMLInputFactory is not specified as thread-safe
                r = FACTORY.createXMLStreamReader(in);
            }
        } catch (XMLStreamException e) {
            throw new AnnotationFormatException(name + ": not XML: " + e.getMessage());
        }
        try {
            return new Parse(r, name, mapping).collection();
        } catch (XMLStreamException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNumber() : -1;
            throw AnnotationFormatException.at(name, line, "malformed XML: " + firstLine(e.getMessage()));
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a stream the caller owns frees nothing further
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.lastIndexOf("Message: ");
        String m = i >= 0 ? s.substring(i + 9) : s;
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }

    /** One pass over one stream. */
    private static final class Parse {
        private final XMLStreamReader r;
        private final String name;
        private final TypeMapping mapping;
        private int depth;

        private String docId;
        private final StringBuilder text = new StringBuilder();
        private final List<Pending> pending = new ArrayList<>();

        Parse(XMLStreamReader r, String name, TypeMapping mapping) {
            this.r = r;
            this.name = name;
            this.mapping = mapping;
        }

        /** An annotation read before the whole document text is known. */
        private record Pending(int line, String id, String type, int start, int end, boolean single, String text) {
        }

        private int line() {
            return r.getLocation().getLineNumber();
        }

        private AnnotationFormatException error(String message) {
            return AnnotationFormatException.at(name, line(), message);
        }

        /** Advances to the next start or end element, tracking depth; DTDs are refused. */
        private int next() throws XMLStreamException, AnnotationFormatException {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw error("DOCTYPE declarations are not accepted in BioC input (no DTDs, no entities)");
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw error("undeclared entity '&" + r.getLocalName() + ";'");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (++depth > MAX_DEPTH) {
                        throw error("elements nested more than " + MAX_DEPTH + " deep");
                    }
                    return ev;
                }
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    return ev;
                }
            }
            return XMLStreamConstants.END_DOCUMENT;
        }

        /** The text content of the current element, which must hold no elements. */
        private String content() throws XMLStreamException, AnnotationFormatException {
            String element = r.getLocalName();
            StringBuilder sb = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE) {
                    sb.append(r.getText());
                    if (sb.length() > MAX_DOCUMENT_CHARS) {
                        throw error("<" + element + "> longer than " + MAX_DOCUMENT_CHARS + " chars");
                    }
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw error("undeclared entity '&" + r.getLocalName() + ";'");
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    throw error("<" + r.getLocalName() + "> inside <" + element + ">; expected text only");
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    return sb.toString();
                }
            }
            throw error("<" + element + "> not closed");
        }

        /** Skips the current element and everything in it. */
        private void skip() throws XMLStreamException, AnnotationFormatException {
            int target = depth - 1;
            while (depth > target) {
                if (next() == XMLStreamConstants.END_DOCUMENT) {
                    throw error("file ends inside an element");
                }
            }
        }

        List<AnnotatedDocument> collection() throws XMLStreamException, IOException {
            List<AnnotatedDocument> docs = new ArrayList<>();
            if (next() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("collection")) {
                throw error("root element " + (r.isStartElement() ? "<" + r.getLocalName() + ">" : "missing")
                        + "; expected <collection>");
            }
            while (next() == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("document")) {
                    docs.add(document());
                } else {
                    skip(); // source, date, key, infon
                }
            }
            return docs;
        }

        private AnnotatedDocument document() throws XMLStreamException, IOException {
            int startLine = line();
            docId = null;
            text.setLength(0);
            pending.clear();
            while (next() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "id" -> docId = content().trim();
                    case "passage" -> passage();
                    default -> skip(); // infon, relation
                }
            }
            if (docId == null || docId.isEmpty()) {
                throw AnnotationFormatException.at(name, startLine, "<document> without an <id>");
            }
            String content = text.toString();
            List<EntitySpan> spans = new ArrayList<>();
            for (Pending p : pending) {
                if (p.end > content.length()) {
                    throw AnnotationFormatException.at(name, p.line, "annotation " + p.id + " of document " + docId
                            + " at [" + p.start + ", " + p.end + ") is beyond its text (" + content.length()
                            + " chars)");
                }
                String covered = content.substring(p.start, p.end);
                if (p.single && p.text != null && !covered.equals(p.text) && !covered.strip().equals(p.text.strip())) {
                    throw AnnotationFormatException.at(name, p.line, "annotation " + p.id + " of document " + docId
                            + " has text '" + p.text + "' but the passage text at [" + p.start + ", " + p.end
                            + ") is '" + covered + "'");
                }
                spans.add(new EntitySpan(p.start, p.end, mapping.map(p.type)));
            }
            return new AnnotatedDocument(Text.of(docId, content), spans);
        }

        private void passage() throws XMLStreamException, IOException {
            int offset = -1;
            String passageText = null;
            while (next() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "offset" -> offset = offset(content(), "passage");
                    case "text" -> {
                        passageText = content();
                        place(offset, passageText, "passage");
                    }
                    case "sentence" -> sentence();
                    case "annotation" -> annotation();
                    default -> skip();
                }
            }
        }

        private void sentence() throws XMLStreamException, IOException {
            int offset = -1;
            while (next() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "offset" -> offset = offset(content(), "sentence");
                    case "text" -> place(offset, content(), "sentence");
                    case "annotation" -> annotation();
                    default -> skip();
                }
            }
        }

        private int offset(String raw, String where) throws AnnotationFormatException {
            try {
                int v = Integer.parseInt(raw.trim());
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error("<" + where + "> offset '" + raw.trim() + "' is not a non-negative number");
        }

        /** Puts a passage's or sentence's text at its document offset. */
        private void place(int offset, String piece, String where) throws AnnotationFormatException {
            if (offset < 0) {
                throw error("<" + where + "> <text> before its <offset>");
            }
            if (offset < text.length()) {
                throw error("<" + where + "> at offset " + offset + " overlaps the text before it, which ends at "
                        + text.length() + "; expected offsets in increasing order");
            }
            if ((long) offset + piece.length() > MAX_DOCUMENT_CHARS) {
                throw error("document text would exceed " + MAX_DOCUMENT_CHARS + " chars");
            }
            while (text.length() < offset) {
                text.append(' ');
            }
            text.append(piece);
        }

        private void annotation() throws XMLStreamException, IOException {
            int line = line();
            String id = r.getAttributeValue(null, "id");
            id = id == null ? "(no id)" : id;
            String type = null;
            String annText = null;
            int start = Integer.MAX_VALUE;
            int end = -1;
            int locations = 0;
            while (next() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "infon" -> {
                        String key = r.getAttributeValue(null, "key");
                        String value = content().trim();
                        if ("type".equals(key)) {
                            type = value;
                        }
                    }
                    case "location" -> {
                        String o = r.getAttributeValue(null, "offset");
                        String l = r.getAttributeValue(null, "length");
                        if (o == null || l == null) {
                            throw error("<location> of annotation " + id + " needs offset and length attributes");
                        }
                        int s = offset(o, "location");
                        int len = offset(l, "location length");
                        if (len == 0) {
                            throw error("<location> of annotation " + id + " has length 0");
                        }
                        start = Math.min(start, s);
                        end = Math.max(end, s + len);
                        locations++;
                        skip();
                    }
                    case "text" -> annText = content();
                    default -> skip();
                }
            }
            if (type == null || type.isEmpty()) {
                throw AnnotationFormatException.at(name, line, "annotation " + id
                        + " has no <infon key=\"type\">; expected the entity type there");
            }
            if (locations == 0) {
                throw AnnotationFormatException.at(name, line, "annotation " + id + " has no <location>");
            }
            pending.add(new Pending(line, id, type, start, end, locations == 1, annText));
        }
    }
}
