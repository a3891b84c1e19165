package org.medsift.io.doc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ReadResult;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the body text of a DOCX (WordprocessingML) document, paragraph by paragraph, with the JDK's zip and a
 * hardened SAX parser (no Apache POI: only {@code word/document.xml} is needed, and POI with its XMLBeans schemas
 * would add about 20 MB of dependencies to the class path). Immutable and thread-safe.
 *
 * <pre>{@code
 * ReadResult r = DocxReader.create().read("letter.docx", bytes);
 * RecordText t = r.texts().get(0);   // paragraphs joined by '\n'
 * t.pieces().get(11);                // paragraph 12: [start, end), path "paragraph[12]"
 * }</pre>
 *
 * <p>Text: {@code w:t} runs of every paragraph of the body, tables included (one paragraph per cell paragraph), in
 * document order; {@code w:tab} gives a tab, {@code w:br} / {@code w:cr} a line break, {@code w:noBreakHyphen} a
 * hyphen. Deleted text ({@code w:delText}), field codes ({@code w:instrText}) and the {@code mc:Fallback} copy of
 * drawings are left out. A paragraph nested in another (a text box) is part of the outer paragraph's range,
 * after a line break. Headers, footers, footnotes and comments are not read. Safety: DOCTYPE declarations are
 * refused exactly as the C-CDA reader refuses them (no external or recursive entities), element depth is limited
 * to {@link #MAX_DEPTH}, and {@code word/document.xml} is inflated to at most {@link #MAX_XML_BYTES} and at most
 * {@link #MAX_RATIO} times the size of the whole file.
 */
public final class DocxReader implements DocumentReader {
    public static final String FORMAT = "docx";
    /** Largest file read, in bytes (64 MiB). */
    public static final int MAX_BYTES = 64 << 20;
    /** Largest {@code word/document.xml} inflated, in bytes (32 MiB). */
    public static final int MAX_XML_BYTES = 32 << 20;
    /** Largest inflation ratio of {@code word/document.xml} over the file's size, once past 1 MiB. */
    public static final int MAX_RATIO = 200;
    /** Deepest element nesting accepted. */
    public static final int MAX_DEPTH = 256;
    /** Most chars of text kept (16 Mi chars). */
    public static final int MAX_CHARS = 16 << 20;

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final String DOCUMENT = "word/document.xml";
    private static final byte[] DOCUMENT_NAME = DOCUMENT.getBytes(StandardCharsets.US_ASCII);

    private DocxReader() {
    }

    public static DocxReader create() {
        return new DocxReader();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /**
     * True for a zip ({@code PK\3\4}) that names {@code word/document.xml}. Needs the whole file: the zip's central
     * directory is at its end.
     */
    public static boolean sniff(byte[] bytes) {
        return isZip(bytes) && indexOf(bytes, DOCUMENT_NAME) >= 0;
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public ReadResult read(String file, byte[] bytes) {
        TextBlocks out = new TextBlocks(FORMAT, file, MAX_CHARS);
        if (bytes.length > MAX_BYTES) {
            out.problem("DOCX-0005", Severity.ERROR, "", "file of " + bytes.length + " bytes is larger than "
                    + MAX_BYTES + "; not read");
            return out.failed();
        }
        if (!isZip(bytes)) {
            out.problem("DOCX-0001", Severity.ERROR, "byte 0", "not a zip file (found '" + PdfReader.printable(bytes, 4)
                    + "', expected 'PK\\3\\4'); not read");
            return out.failed();
        }
        byte[] xml = documentXml(bytes, out);
        if (xml == null) {
            return out.failed();
        }
        Body body = new Body(out);
        try {
            parser().parse(new ByteArrayInputStream(xml), body);
            body.flush();
        } catch (SAXParseException e) {
            body.flush();
            String msg = String.valueOf(e.getMessage());
            boolean doctype = msg.contains("DOCTYPE");
            boolean depth = msg.contains("maxElementDepth") || msg.contains("depth");
            String code = doctype ? "DOCX-0003" : depth ? "DOCX-0006" : "DOCX-0004";
            String what = doctype ? "a DOCTYPE declaration (DTDs and external entities are refused); not read"
                    : (depth ? "elements nested deeper than " + MAX_DEPTH : "not well-formed XML or not in its declared "
                    + "encoding: " + PdfReader.shortMessage(e)) + "; the " + out.blocks()
                    + " paragraphs before it are kept, the rest is not read";
            out.problem(code, Severity.ERROR, DOCUMENT + " " + e.getLineNumber() + ":" + e.getColumnNumber(),
                    DOCUMENT + " has " + what);
            if (doctype) {
                return out.failed();
            }
        } catch (SAXException | IOException e) {
            out.problem("DOCX-0004", Severity.ERROR, DOCUMENT, "not readable as XML (" + PdfReader.shortMessage(e)
                    + "); not read");
            return out.failed();
        }
        return out.result("DOCX, " + out.blocks() + (out.blocks() == 1 ? " paragraph" : " paragraphs"));
    }

    /**
     * The inflated {@code word/document.xml}, bounded; null (with a problem) when absent, too large, or the zip
     * breaks before it ends.
     */
    private static byte[] documentXml(byte[] bytes, TextBlocks out) {
        List<String> names = new ArrayList<>();
        String where = "zip entry 1";
        int k = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                where = "zip entry " + ++k + " (" + e.getName() + ")";
                if (!e.getName().equals(DOCUMENT)) {
                    if (names.size() < 8) {
                        names.add(e.getName());
                    }
                    continue;
                }
                long limit = Math.min(MAX_XML_BYTES, Math.max(1L << 20, (long) MAX_RATIO * bytes.length));
                byte[] xml = readAtMost(zip, limit);
                if (xml == null) {
                    out.problem("DOCX-0005", Severity.ERROR, DOCUMENT, DOCUMENT + " inflates to more than " + limit
                            + " bytes (a file of " + bytes.length + " bytes; limits " + MAX_XML_BYTES + " bytes and "
                            + MAX_RATIO + " times the file); not read");
                }
                return xml;
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream throws IllegalArgumentException for an entry name that is not valid UTF-8
            out.problem("DOCX-0001", Severity.ERROR, where, "the zip cannot be read at " + where + " ("
                    + e.getClass().getSimpleName() + ": " + PdfReader.shortMessage(e) + "); not read");
            return null;
        }
        out.problem("DOCX-0002", Severity.ERROR, DOCUMENT, "a zip without " + DOCUMENT + " (entries: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + "): not a DOCX document; not read");
        return null;
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 << 10];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            if (buf.size() + (long) n > limit) {
                return null;
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    /** A SAX parser with the C-CDA reader's hardening: DOCTYPE refused, no external access, depth limited. */
    private static SAXParser parser() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            SAXParser p = f.newSAXParser();
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            p.setProperty("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    /** Collects paragraphs; one per read. */
    private static final class Body extends DefaultHandler {
        private final TextBlocks out;
        private final StringBuilder para = new StringBuilder();
        private int paraDepth;
        private int runDepth;
        private int textDepth;
        private int fallbackDepth;
        private int paragraphs;

        Body(TextBlocks out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) {
            if (MC.equals(uri) && local.equals("Fallback")) {
                fallbackDepth++;
            }
            if (!W.equals(uri) || fallbackDepth > 0) {
                return;
            }
            switch (local) {
                case "p" -> {
                    if (paraDepth++ > 0) {
                        para.append('\n');
                    }
                }
                case "r" -> runDepth++;
                case "t" -> textDepth++;
                case "tab" -> inRun('\t');
                case "br", "cr" -> inRun('\n');
                case "noBreakHyphen" -> inRun('-');
                default -> { }
            }
        }

        private void inRun(char c) {
            // w:tab also defines tab stops inside w:pPr: only a tab inside a run is text
            if (runDepth > 0 && paraDepth > 0) {
                para.append(c);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            if (MC.equals(uri) && local.equals("Fallback")) {
                fallbackDepth--;
            }
            if (!W.equals(uri) || fallbackDepth > 0) {
                return;
            }
            switch (local) {
                case "p" -> {
                    if (--paraDepth == 0) {
                        paragraphs++;
                        out.add(para, "paragraph[" + paragraphs + "]", "DOCX-0007");
                        para.setLength(0);
                    }
                }
                case "r" -> runDepth--;
                case "t" -> textDepth--;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (textDepth > 0 && paraDepth > 0 && fallbackDepth == 0) {
                para.append(ch, start, length);
            }
        }

        /** Keeps a paragraph cut short by an XML error. */
        void flush() {
            if (paraDepth > 0 && para.length() > 0) {
                paragraphs++;
                out.add(para, "paragraph[" + paragraphs + "]", "DOCX-0007");
                para.setLength(0);
                paraDepth = 0;
            }
        }
    }
}
