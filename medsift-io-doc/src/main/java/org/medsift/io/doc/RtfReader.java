package org.medsift.io.doc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ReadResult;

/**
 * Reads the body text of an RTF document, paragraph by paragraph, with a small own parser. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ReadResult r = RtfReader.create().read("note.rtf", bytes);
 * r.texts().get(0).pieces().get(0);   // paragraph 1: [start, end), path "paragraph[1]"
 * }</pre>
 *
 * <p>Why not {@code javax.swing.text.rtf.RTFEditorKit}: it stops at the first extra {@code '}'} with an
 * {@code IOException} that has no position (the rest of the document is lost), accepts unclosed groups silently,
 * gives no paragraph offsets without walking Swing's element tree, and loads the {@code java.desktop} module.
 * This parser reports both with a {@code line:col}, reads on, and maps paragraphs directly.
 *
 * <p>Text: {@code \par}, {@code \row} and {@code \sect} end a paragraph (so piece {@code i} is paragraph
 * {@code i + 1}, empty paragraphs included); {@code \line} and {@code \page} give a line break, {@code \tab} and
 * {@code \cell} a tab; {@code \'hh} bytes are decoded in the document's code page ({@code \ansicpg}, {@code \mac},
 * {@code \pc}, {@code \pca}; Windows-1252 by default), {@code &#92;uN} as UTF-16 with its {@code &#92;ucN} fallback
 * skipped; font, colour and style tables, document info, pictures, objects, headers, footers, footnotes, field
 * instructions and every {@code \*} destination are left out (field results are kept). Per-font code pages
 * ({@code \fcharset}) are not applied.
 */
public final class RtfReader implements DocumentReader {
    public static final String FORMAT = "rtf";
    /** Largest file read, in bytes (64 MiB). */
    public static final int MAX_BYTES = 64 << 20;
    /** Deepest group nesting tracked; deeper groups are read with their parent's state. */
    public static final int MAX_DEPTH = 1024;
    /** Most chars of text kept (16 Mi chars). */
    public static final int MAX_CHARS = 16 << 20;
    /** Most problems reported per document for unmatched braces and bad escapes; the rest are counted. */
    static final int MAX_PROBLEMS = 100;

    private static final Set<String> SKIPPED = Set.of("fonttbl", "colortbl", "stylesheet", "info", "pict", "object",
            "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "footnote",
            "listtable", "listoverridetable", "rsidtbl", "generator", "themedata", "colorschememapping", "datastore",
            "latentstyles", "xmlnstbl", "fldinst", "filetbl", "revtbl", "pgdsctbl", "userprops", "docvar", "xe", "tc",
            "bkmkstart", "bkmkend", "annotation", "atnid", "atnauthor", "nonshppict", "shpinst", "template");

    private RtfReader() {
    }

    public static RtfReader create() {
        return new RtfReader();
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /** True when the file starts with {@code {\rtf} (after a UTF-8 byte-order mark and white space). */
    public static boolean sniff(byte[] head) {
        return start(head) >= 0;
    }

    private static int start(byte[] b) {
        int i = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i + 5 <= b.length && b[i] == '{' && b[i + 1] == '\\' && b[i + 2] == 'r' && b[i + 3] == 't'
                && b[i + 4] == 'f' ? i : -1;
    }

    @Override
    public ReadResult read(String file, byte[] bytes) {
        TextBlocks out = new TextBlocks(FORMAT, file, MAX_CHARS);
        if (bytes.length > MAX_BYTES) {
            out.problem("RTF-0005", Severity.ERROR, "", "file of " + bytes.length + " bytes is larger than "
                    + MAX_BYTES + "; not read");
            return out.failed();
        }
        int from = start(bytes);
        if (from < 0) {
            out.problem("RTF-0001", Severity.ERROR, "1:1", "the file does not start with '{\\rtf' (found '"
                    + PdfReader.printable(bytes, 6) + "'); not read");
            return out.failed();
        }
        new Parser(bytes, out).run(from);
        return out.result("RTF, " + out.blocks() + (out.blocks() == 1 ? " paragraph" : " paragraphs"));
    }

    /** One parse; not shared. */
    private static final class Parser {
        private final byte[] b;
        private final TextBlocks out;
        private final StringBuilder para = new StringBuilder();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final boolean[] skip = new boolean[MAX_DEPTH + 1];
        private final int[] uc = new int[MAX_DEPTH + 1];
        private Charset charset = Charset.forName("windows-1252");
        private int depth;
        private int fallback;
        private int paragraphs;
        private int reported;
        private int unreported;
        private boolean deepReported;

        Parser(byte[] b, TextBlocks out) {
            this.b = b;
            this.out = out;
            uc[0] = 1;
        }

        /** The state index of the current group (groups deeper than MAX_DEPTH share the deepest state). */
        private int g() {
            return Math.min(depth, MAX_DEPTH);
        }

        void run(int i) {
            int n = b.length;
            while (i < n) {
                int c = b[i] & 0xff;
                if (c == '{') {
                    flushBytes();
                    fallback = 0;
                    depth++;
                    if (depth <= MAX_DEPTH) {
                        skip[depth] = skip[depth - 1];
                        uc[depth] = uc[depth - 1];
                    } else if (!deepReported) {
                        deepReported = true;
                        out.problem("RTF-0006", Severity.WARNING, lineCol(i), "groups nested deeper than " + MAX_DEPTH
                                + "; deeper groups are read with the state of their parent");
                    }
                    i++;
                } else if (c == '}') {
                    flushBytes();
                    fallback = 0;
                    if (depth == 0) {
                        report("RTF-0002", i, "a '}' without a matching '{'; ignored, the rest is read");
                    } else {
                        depth--;
                        if (depth == 0 && !blank(i + 1)) {
                            report("RTF-0002", i, "the document's group closes here but " + (n - i - 1) + " bytes "
                                    + "follow (an extra '}'?); they are read as well");
                        }
                    }
                    i++;
                } else if (c == '\\') {
                    i = control(i);
                } else if (c == '\r' || c == '\n') {
                    i++;
                } else {
                    if (c >= 0x80) {
                        byteChar(c);
                    } else {
                        flushBytes();
                        text((char) c);
                    }
                    i++;
                }
            }
            flushBytes();
            if (depth > 0) {
                out.problem("RTF-0003", Severity.WARNING, lineCol(n), depth + (depth == 1 ? " group is" : " groups are")
                        + " not closed at the end of the file (truncated?); the text read so far is kept");
            }
            if (para.length() > 0) {
                endParagraph();
            }
            if (unreported > 0) {
                out.problem("RTF-0002", Severity.WARNING, "", unreported + " more brace / escape problems not listed");
            }
        }

        private boolean blank(int from) {
            for (int k = from; k < b.length; k++) {
                if (b[k] != ' ' && b[k] != '\r' && b[k] != '\n' && b[k] != '\t' && b[k] != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Reads the control word or symbol at {@code i} (a backslash); returns the index after it. */
        private int control(int i) {
            int n = b.length;
            if (i + 1 >= n) {
                return n;
            }
            int c = b[i + 1] & 0xff;
            if (!isLetter(c)) {
                return symbol(i, c);
            }
            int j = i + 1;
            while (j < n && isLetter(b[j] & 0xff) && j - i <= 32) {
                j++;
            }
            String word = new String(b, i + 1, j - i - 1, java.nio.charset.StandardCharsets.US_ASCII);
            boolean hasParam = false;
            int param = 0;
            int k = j;
            boolean neg = k < n && b[k] == '-';
            if (neg) {
                k++;
            }
            long v = 0;
            while (k < n && b[k] >= '0' && b[k] <= '9' && k - j < 11) {
                v = v * 10 + (b[k] - '0');
                hasParam = true;
                k++;
            }
            if (hasParam) {
                param = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, neg ? -v : v));
                j = k;
            }
            if (j < n && b[j] == ' ') {
                j++;
            }
            if (word.equals("bin")) {
                flushBytes();
                long end = (long) j + Math.max(0, param);
                if (end > n) {
                    report("RTF-0007", i, "\\bin" + param + " runs past the end of the file");
                }
                return (int) Math.min(end, n);
            }
            if (!word.equals("u")) {
                flushBytes();
            }
            word(word, hasParam, param, i);
            return j;
        }

        private int symbol(int i, int c) {
            switch (c) {
                case '\'' -> {
                    int h = i + 3 < b.length ? hex(b[i + 2]) : -1;
                    int l = i + 3 < b.length ? hex(b[i + 3]) : -1;
                    if (h < 0 || l < 0) {
                        flushBytes();
                        report("RTF-0007", i, "\\' not followed by two hex digits; kept as written");
                        text('\\');
                        text('\'');
                        return i + 2;
                    }
                    byteChar(h * 16 + l);
                    return i + 4;
                }
                case '\\', '{', '}' -> {
                    flushBytes();
                    text((char) c);
                }
                case '~' -> {
                    flushBytes();
                    text('\u00A0');
                }
                case '_' -> {
                    flushBytes();
                    text('-');
                }
                case '*' -> skip[g()] = true;
                case '\r', '\n' -> {
                    flushBytes();
                    if (!skip[g()]) {
                        endParagraph();
                    }
                }
                default -> flushBytes(); // \- optional hyphen, \: index sub-entry, \| formula: no text
            }
            return i + 2;
        }

        private void word(String w, boolean hasParam, int param, int at) {
            if (SKIPPED.contains(w)) {
                skip[g()] = true;
                return;
            }
            switch (w) {
                case "par", "row", "sect" -> {
                    if (!skip[g()]) {
                        endParagraph();
                    }
                }
                case "line", "page" -> text('\n');
                case "tab", "cell", "nestcell" -> text('\t');
                case "emdash" -> text('\u2014');
                case "endash" -> text('\u2013');
                case "bullet" -> text('\u2022');
                case "lquote" -> text('\u2018');
                case "rquote" -> text('\u2019');
                case "ldblquote" -> text('\u201C');
                case "rdblquote" -> text('\u201D');
                case "emspace", "enspace", "qmspace" -> text(' ');
                case "uc" -> uc[g()] = Math.max(0, param);
                case "u" -> {
                    flushBytes();
                    if (hasParam) {
                        text((char) (param < 0 ? param + 65536 : param));
                        fallback = uc[g()];
                    }
                }
                case "ansicpg" -> codePage("windows-" + param, "Cp" + param, at);
                case "mac" -> codePage("x-MacRoman", "MacRoman", at);
                case "pc" -> codePage("IBM437", "Cp437", at);
                case "pca" -> codePage("IBM850", "Cp850", at);
                default -> { }
            }
        }

        private void codePage(String name, String alias, int at) {
            for (String s : new String[] {name, alias}) {
                try {
                    charset = Charset.forName(s);
                    return;
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    // try the alias, then report
                }
            }
            out.problem("RTF-0004", Severity.WARNING, lineCol(at), "code page '" + name + "' is not known to this "
                    + "Java runtime; \\'hh bytes are decoded as " + charset.name());
        }

        private void byteChar(int v) {
            if (fallback > 0) {
                fallback--;
                return;
            }
            if (!skip[g()]) {
                pending.write(v);
            }
        }

        /** Decodes the pending {@code \'hh} bytes (multi-byte code pages need them together). */
        private void flushBytes() {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            pending.reset();
            try {
                para.append(charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalStateException("REPLACE decoders do not throw", e);
            }
        }

        private void text(char c) {
            if (fallback > 0) {
                fallback--;
                return;
            }
            if (!skip[g()]) {
                para.append(c);
            }
        }

        private void endParagraph() {
            flushBytes();
            paragraphs++;
            out.add(para, "paragraph[" + paragraphs + "]", "RTF-0008");
            para.setLength(0);
        }

        private void report(String code, int at, String message) {
            if (reported++ < MAX_PROBLEMS) {
                out.problem(code, Severity.WARNING, lineCol(at), message);
            } else {
                unreported++;
            }
        }

        /** 1-based {@code line:col} of byte {@code at} (lines end at LF). */
        private String lineCol(int at) {
            int line = 1;
            int col = 1;
            for (int k = 0; k < at && k < b.length; k++) {
                if (b[k] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return line + ":" + col;
        }

        private static boolean isLetter(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static int hex(byte c) {
            return Character.digit((char) (c & 0xff), 16);
        }
    }
}
