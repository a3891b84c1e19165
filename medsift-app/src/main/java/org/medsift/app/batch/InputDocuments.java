package org.medsift.app.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;

/**
 * Finds input documents and decodes them into text, reporting bad input as problems.
 *
 * <p>Problem codes (docs/problems.md):
 * <ul>
 *   <li>{@code TEXT-0001} WARNING: the file is empty (or whitespace only); processed, no findings.</li>
 *   <li>{@code TEXT-0002} WARNING: the bytes are not valid UTF-8; the text is decoded as Windows-1252 instead, so
 *   nothing is lost, and offsets refer to that decoding.</li>
 *   <li>{@code TEXT-0003} ERROR: the file looks binary (NUL bytes, or more than 10% control bytes in its first
 *   8 KiB); not processed.</li>
 *   <li>{@code TEXT-0004} ERROR: the file is larger than the document size limit; not processed.</li>
 *   <li>{@code TEXT-0005} ERROR: the file cannot be read.</li>
 *   <li>{@code TEXT-0006} INFO: a byte-order mark was removed (UTF-8) or used (UTF-16).</li>
 * </ul>
 */
public final class InputDocuments {
    /** Default document size limit: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private InputDocuments() {
    }

    /** One input: where it came from, its document id (path relative to its root) and its bytes or problem. */
    public record Input(Path path, String id) {
    }

    /** The result of decoding one input. {@code text} is null when the input was not processable. */
    public record Decoded(String id, String text, List<Problem> problems, long bytes) {
        public boolean processable() {
            return text != null;
        }
    }

    /**
     * Expands paths: a file is itself; a folder contributes its {@code *.txt} files recursively, sorted. Document
     * ids are paths relative to the folder given (or the file name for a file given directly).
     *
     * @throws IOException when a path does not exist or a folder cannot be listed
     */
    public static List<Input> expand(List<Path> paths) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(p)) {
                    files = s.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                            .sorted().toList();
                }
                for (Path f : files) {
                    out.add(new Input(f, p.relativize(f).toString().replace('\\', '/')));
                }
            } else if (Files.exists(p)) {
                out.add(new Input(p, p.getFileName().toString()));
            } else {
                throw new java.nio.file.NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    /** Reads and decodes one file. Never throws for bad content; an unreadable file gives TEXT-0005. */
    public static Decoded read(Input input, long maxBytes) {
        try {
            long size = Files.size(input.path());
            if (size > maxBytes) {
                return new Decoded(input.id(), null, List.of(new Problem("TEXT-0004", Severity.ERROR,
                        Location.of(input.id()), "file is " + size + " bytes, larger than the document size limit of "
                        + maxBytes + " bytes (--max-size); not processed", "")), size);
            }
            return decode(input.id(), Files.readAllBytes(input.path()));
        } catch (IOException e) {
            return new Decoded(input.id(), null, List.of(new Problem("TEXT-0005", Severity.ERROR,
                    Location.of(input.id()), "cannot read file: " + e.getClass().getSimpleName(), "")), 0);
        }
    }

    /** Reads standard input (or any stream) as one document. */
    public static Decoded read(String id, InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            return new Decoded(id, null, List.of(new Problem("TEXT-0004", Severity.ERROR, Location.of(id),
                    "input is larger than the document size limit of " + maxBytes + " bytes (--max-size); not processed",
                    "")), bytes.length);
        }
        return decode(id, bytes);
    }

    /** Decodes bytes into text with the checks listed in the class documentation. */
    public static Decoded decode(String id, byte[] bytes) {
        List<Problem> problems = new ArrayList<>(1);
        Location where = Location.of(id);
        int binaryAt = binaryOffset(bytes);
        if (binaryAt >= 0) {
            problems.add(new Problem("TEXT-0003", Severity.ERROR, where, "file looks binary (control byte 0x"
                    + String.format("%02x", bytes[binaryAt] & 0xff) + " at byte " + binaryAt
                    + "); expected UTF-8 text; not processed", ""));
            return new Decoded(id, null, problems, bytes.length);
        }
        String text;
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
            problems.add(new Problem("TEXT-0006", Severity.INFO, where, "UTF-8 byte-order mark removed", ""));
        } else if (bytes.length >= 2 && (((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
                || ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE))) {
            charset = StandardCharsets.UTF_16;
            problems.add(new Problem("TEXT-0006", Severity.INFO, where, "UTF-16 byte-order mark found; decoded as UTF-16",
                    ""));
        }
        try {
            text = strict(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (MalformedInputException e) {
            int bad = offset + badByteOffset(bytes, offset);
            problems.add(new Problem("TEXT-0002", Severity.WARNING, where, "invalid " + charset.name()
                    + " at byte " + bad + " (0x" + String.format("%02x", bytes[Math.min(bad, bytes.length - 1)] & 0xff)
                    + "); expected UTF-8; decoded as windows-1252 instead, offsets refer to that decoding", ""));
            text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        } catch (CharacterCodingException e) {
            problems.add(new Problem("TEXT-0002", Severity.WARNING, where, "undecodable bytes; decoded as windows-1252",
                    ""));
            text = new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
        }
        if (text.isBlank()) {
            problems.add(new Problem("TEXT-0001", Severity.WARNING, where,
                    bytes.length == 0 ? "file is empty; expected note text" : "file holds only whitespace; expected note text",
                    ""));
        }
        return new Decoded(id, text, problems, bytes.length);
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int badByteOffset(byte[] bytes, int from) {
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        d.decode(in, out, true);
        return in.position() - from;
    }

    /** Offset of the byte that makes the content look binary, or -1. */
    static int binaryOffset(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int controls = 0;
        int firstControl = -1;
        boolean utf16 = bytes.length >= 2 && (((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)
                || ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE));
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0 && !utf16) {
                return i;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x0b) {
                controls++;
                if (firstControl < 0) {
                    firstControl = i;
                }
            }
        }
        return n > 0 && controls * 10 > n ? firstControl : -1;
    }
}
