package org.medsift.io.hl7v2;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ClinicalEntry;
import org.medsift.core.record.EntryKind;
import org.medsift.core.record.PatientInfo;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.record.SourceRef;
import org.medsift.core.record.TextPiece;

/**
 * Reads HL7 v2 ER7 files. Immutable and thread-safe; see the package documentation for what is read.
 *
 * <pre>{@code
 * ReadResult r = Hl7v2Reader.create().read("adt.hl7", bytes);
 * r.entries();   // Observation, Encounter ... entries with SourceRef paths such as MSG00012/OBX[3]
 * r.texts();     // notes assembled from TX / FT / ED OBX values, offsets into the decoded text
 * r.problems();  // HL7V2-* problems, with their segment
 * }</pre>
 */
public final class Hl7v2Reader {
    /** The format name used in results and summaries. */
    public static final String FORMAT = "hl7v2";
    /** Largest file read, in bytes (64 MiB). */
    public static final int MAX_BYTES = 64 << 20;
    /** Most segments in one message; more are counted in a problem and skipped. */
    public static final int MAX_SEGMENTS = 100_000;

    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("LN", CodeSystems.LOINC), Map.entry("LOINC", CodeSystems.LOINC),
            Map.entry("SCT", CodeSystems.SNOMED_CT), Map.entry("SNM", CodeSystems.SNOMED_CT),
            Map.entry("SNOMED", CodeSystems.SNOMED_CT), Map.entry("SNM3", CodeSystems.SNOMED_CT),
            Map.entry("RXNORM", CodeSystems.RXNORM), Map.entry("RXN", CodeSystems.RXNORM),
            Map.entry("CVX", CodeSystems.CVX), Map.entry("I10", CodeSystems.ICD10CM),
            Map.entry("I10C", CodeSystems.ICD10CM), Map.entry("ICD10CM", CodeSystems.ICD10CM),
            Map.entry("UCUM", "http://unitsofmeasure.org"), Map.entry("NDC", "http://hl7.org/fhir/sid/ndc"),
            Map.entry("I9C", "http://hl7.org/fhir/sid/icd-9-cm"), Map.entry("I9CDX", "http://hl7.org/fhir/sid/icd-9-cm"),
            Map.entry("CPT", "http://www.ama-assn.org/go/cpt"), Map.entry("C4", "http://www.ama-assn.org/go/cpt"));

    private Hl7v2Reader() {
    }

    public static Hl7v2Reader create() {
        return new Hl7v2Reader();
    }

    /** True when the bytes look like ER7: after BOM, MLLP start and white space, {@code MSH|}, {@code FHS|} or {@code BHS|}. */
    public static boolean sniff(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < head.length && (head[i] == 0x0B || head[i] == ' ' || head[i] == '\r' || head[i] == '\n'
                || head[i] == '\t')) {
            i++;
        }
        if (i + 4 > head.length) {
            return false;
        }
        String s = new String(head, i, 3, StandardCharsets.US_ASCII);
        return (s.equals("MSH") || s.equals("FHS") || s.equals("BHS")) && head[i + 3] != ' ' && head[i + 3] != '\n';
    }

    /** Reads a file's bytes: UTF-8 unless MSH-18 names ISO 8859-1; invalid UTF-8 is decoded as Windows-1252. */
    public ReadResult read(String file, byte[] bytes) {
        List<Problem> early = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            early.add(new Problem("HL7V2-0009", Severity.ERROR, Location.of(file), "file of " + bytes.length
                    + " bytes is larger than " + MAX_BYTES + "; not read", ""));
            return new ReadResult(FORMAT, file, 0, List.of(), List.of(), List.of(), early);
        }
        String content;
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        int eol = firstLineEnd(head);
        String msh18 = eol < 0 ? head : head.substring(0, eol);
        if (msh18.contains("8859/1") || msh18.contains("8859-1")) {
            content = new String(bytes, StandardCharsets.ISO_8859_1);
        } else {
            try {
                content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                int bad = firstBadUtf8(bytes);
                early.add(new Problem("HL7V2-0008", Severity.WARNING, new Location(file, "byte " + bad),
                        "bytes are not valid UTF-8 (byte 0x" + Integer.toHexString(bytes[bad] & 0xff) + " at " + bad
                                + ") and MSH-18 names no other character set; decoded as Windows-1252", ""));
                content = new String(bytes, Charset.forName("windows-1252"));
            }
        }
        if (!content.isEmpty() && content.charAt(0) == '\uFEFF') {
            content = " " + content.substring(1); // keep offsets: the BOM becomes a space
        }
        return read(file, content, early);
    }

    /** Reads decoded file content. */
    public ReadResult read(String file, String content) {
        return read(file, content, new ArrayList<>());
    }

    private ReadResult read(String file, String content, List<Problem> problems) {
        Run run = new Run(file, problems);
        int n = content.length();
        int lineStart = 0;
        List<Segment> message = null;
        Delimiters d = Delimiters.DEFAULT;
        int lineNo = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? content.charAt(i) : '\r';
            if (c != '\r' && c != '\n' && c != '\u001c') {
                continue;
            }
            int s = lineStart;
            int e = i;
            lineStart = i + 1;
            while (s < e && (content.charAt(s) == '\u000b' || content.charAt(s) == ' ' || content.charAt(s) == '\t')) {
                s++;
            }
            if (s >= e) {
                continue;
            }
            lineNo++;
            String line = content.substring(s, e);
            String name = line.length() >= 3 ? line.substring(0, 3) : line;
            boolean header = name.equals("MSH") || name.equals("FHS") || name.equals("BHS");
            if (header) {
                Delimiters hd = Delimiters.fromHeader(line);
                if (hd == null) {
                    run.problem("HL7V2-0002", Severity.ERROR, name + " (line " + lineNo + ")", name
                            + " has no encoding characters (MSH-1, MSH-2); the message is truncated or not HL7 v2", line);
                    continue;
                }
                d = hd;
            }
            if (!validName(line, d)) {
                run.problem("HL7V2-0005", Severity.WARNING, "line " + lineNo, "line " + lineNo
                        + " does not start with a segment name (3 upper-case letters or digits and '" + d.field
                        + "'); skipped", line.length() > 80 ? line.substring(0, 80) : line);
                continue;
            }
            if (name.equals("FHS") || name.equals("BHS") || name.equals("BTS") || name.equals("FTS")) {
                if (message != null) {
                    run.message(message);
                    message = null;
                }
                continue;
            }
            if (name.equals("MSH")) {
                if (message != null) {
                    run.message(message);
                }
                message = new ArrayList<>();
            } else if (message == null) {
                run.problem("HL7V2-0001", Severity.WARNING, name + " (line " + lineNo + ")", "segment " + name
                        + " before any MSH; skipped", "");
                continue;
            }
            if (message.size() >= MAX_SEGMENTS) {
                if (message.size() == MAX_SEGMENTS) {
                    run.problem("HL7V2-0009", Severity.ERROR, "line " + lineNo, "message has more than "
                            + MAX_SEGMENTS + " segments; the rest is skipped", "");
                    message.add(null);
                }
                continue;
            }
            message.add(Segment.parse(line, message.size(), s, d));
        }
        if (message != null) {
            run.message(message);
        }
        long starts = content.chars().filter(ch -> ch == 0x0B).count();
        long ends = content.chars().filter(ch -> ch == 0x1C).count();
        if (starts > ends) {
            run.problem("HL7V2-0002", Severity.WARNING, "char " + content.lastIndexOf('\u000b'), (starts - ends)
                    + " MLLP frame(s) opened (0x0B) but not closed (0x1C): the last message may be truncated", "");
        }
        if (run.messages == 0 && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR)) {
            run.problem("HL7V2-0001", Severity.ERROR, "line 1", "no MSH segment found; not an HL7 v2 message", "");
        }
        return new ReadResult(FORMAT, file, run.messages, new ArrayList<>(run.patients.values()), run.entries,
                run.texts, problems);
    }

    private static boolean validName(String line, Delimiters d) {
        if (line.length() < 3) {
            return false;
        }
        for (int k = 0; k < 3; k++) {
            char ch = line.charAt(k);
            if (!(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9')) {
                return false;
            }
        }
        return line.length() == 3 || line.charAt(3) == d.field;
    }

    private static int firstLineEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\r' || s.charAt(i) == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int firstBadUtf8(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int x = b[i] & 0xff;
            int need = x < 0x80 ? 0 : x >= 0xC2 && x < 0xE0 ? 1 : x >= 0xE0 && x < 0xF0 ? 2 : x >= 0xF0 && x < 0xF5 ? 3 : -1;
            if (need < 0 || i + need >= b.length + (need == 0 ? 1 : 0)) {
                return i;
            }
            for (int k = 1; k <= need; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += need;
        }
        return 0;
    }

    /** State of one read: not shared between threads. */
    private static final class Run {
        final String file;
        final List<Problem> problems;
        final Map<String, PatientInfo> patients = new LinkedHashMap<>();
        final List<ClinicalEntry> entries = new ArrayList<>();
        final List<RecordText> texts = new ArrayList<>();
        int messages;
        // per message
        String msgId;
        String msgType;
        String patientKey;
        String reportId;
        String noteTitle;
        String noteDate;
        Map<String, Integer> ordinals;
        StringBuilder note;
        List<TextPiece> pieces;
        String noteId;

        Run(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        void problem(String code, Severity sev, String path, String message, String raw) {
            problems.add(new Problem(code, sev, new Location(file, path), message, raw));
        }

        String path(Segment s) {
            return msgId + "/" + s.name + "[" + ordinals.merge(s.name, 1, Integer::sum) + "]";
        }

        SourceRef ref(Segment s, String path) {
            return new SourceRef(file, path, s.start, s.end);
        }

        String unescape(Segment s, String raw, String path) {
            if (raw.indexOf(s.d.escape) < 0) {
                return raw;
            }
            StringBuilder sb = new StringBuilder(raw.length());
            boolean[] bad = new boolean[1];
            s.d.unescape(raw, sb, bad);
            if (bad[0]) {
                problem("HL7V2-0003", Severity.WARNING, path, "unknown or unclosed escape sequence; kept as written",
                        raw.length() > 80 ? raw.substring(0, 80) : raw);
            }
            return sb.toString();
        }

        void message(List<Segment> segs) {
            messages++;
            Segment msh = segs.get(0);
            ordinals = new HashMap<>();
            String ctrl = msh.comp(10, 1);
            msgId = ctrl.isEmpty() ? "msg" + messages : "MSH-10=" + ctrl.replace('/', '_');
            msgType = msh.comp(9, 1) + (msh.comp(9, 2).isEmpty() ? "" : "^" + msh.comp(9, 2));
            patientKey = "";
            reportId = "";
            noteTitle = msgType;
            noteDate = msh.comp(7, 1);
            note = new StringBuilder();
            pieces = new ArrayList<>();
            noteId = file + "#" + msgId + "/note";
            if (msh.fieldCount() < 12 || ctrl.isEmpty() || msh.comp(9, 1).isEmpty()) {
                problem("HL7V2-0002", Severity.WARNING, msgId + "/MSH[1]", "MSH has " + msh.fieldCount()
                        + " fields" + (ctrl.isEmpty() ? ", no MSH-10 control id" : "")
                        + (msh.comp(9, 1).isEmpty() ? ", no MSH-9 message type" : "")
                        + "; expected at least 12 (MSH-9 type, MSH-10 control id, MSH-12 version): truncated?", "");
            }
            path(msh);
            for (int k = 1; k < segs.size(); k++) {
                Segment s = segs.get(k);
                if (s == null) {
                    break;
                }
                try {
                    segment(s);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("reading " + s.name + " of " + msgId + " in " + file, e);
                }
            }
            flushNote();
        }

        void segment(Segment s) {
            String p = path(s);
            switch (s.name) {
                case "PID" -> pid(s, p);
                case "PV1" -> entries.add(ClinicalEntry.builder(EntryKind.ENCOUNTER, id(p), ref(s, p))
                        .patientKey(patientKey).value(s.comp(2, 1)).text(s.comp(19, 1)).effective(s.comp(44, 1))
                        .status(s.comp(45, 1).isEmpty() ? "" : "finished").build());
                case "OBR" -> {
                    flushNote();
                    reportId = id(p);
                    noteId = file + "#" + p;
                    noteTitle = s.comp(4, 2).isEmpty() ? s.comp(4, 1) : s.comp(4, 2);
                    if (!s.comp(7, 1).isEmpty()) {
                        noteDate = s.comp(7, 1);
                    }
                    entries.add(ClinicalEntry.builder(EntryKind.REPORT, reportId, ref(s, p)).patientKey(patientKey)
                            .codes(codes(s, s.firstRep(s.field(4)))).text(s.comp(4, 2)).status(s.comp(25, 1))
                            .effective(s.comp(7, 1)).build());
                }
                case "TXA" -> {
                    noteTitle = s.comp(2, 1);
                    if (!s.comp(4, 1).isEmpty()) {
                        noteDate = s.comp(4, 1);
                    }
                }
                case "OBX" -> obx(s, p);
                case "NTE" -> {
                    List<String> reps = s.repetitions(3);
                    StringBuilder t = new StringBuilder();
                    for (String r : reps) {
                        t.append(t.length() > 0 ? "\n" : "").append(unescape(s, r, p + "-3"));
                    }
                    appendNote(t.toString(), s, p + "-3");
                }
                case "DG1" -> coded(s, p, EntryKind.CONDITION, 3, 5);
                case "AL1" -> coded(s, p, EntryKind.ALLERGY, 3, 6);
                case "PR1" -> coded(s, p, EntryKind.PROCEDURE, 3, 5);
                case "RXO" -> coded(s, p, EntryKind.MEDICATION_ORDER, 1, 0);
                case "RXE" -> coded(s, p, EntryKind.MEDICATION_ORDER, 2, 1);
                case "RXA" -> {
                    List<Code> cs = codes(s, s.firstRep(s.field(5)));
                    boolean vaccine = cs.stream().anyMatch(c -> c.system().equals(CodeSystems.CVX));
                    entries.add(ClinicalEntry.builder(vaccine ? EntryKind.IMMUNIZATION : EntryKind.MEDICATION_STATEMENT,
                            id(p), ref(s, p)).patientKey(patientKey).codes(cs).text(s.comp(5, 2))
                            .status(s.comp(20, 1)).effective(s.comp(3, 1)).value(s.comp(6, 1)).unit(s.comp(7, 1))
                            .build());
                }
                default -> { }
            }
        }

        String id(String path) {
            return file + "#" + path;
        }

        void coded(Segment s, String p, EntryKind kind, int codeField, int dateField) {
            String raw = s.firstRep(s.field(codeField));
            entries.add(ClinicalEntry.builder(kind, id(p), ref(s, p)).patientKey(patientKey).codes(codes(s, raw))
                    .text(s.comp(raw, 2).isEmpty() && kind == EntryKind.CONDITION ? s.comp(4, 1) : s.comp(raw, 2))
                    .effective(dateField > 0 ? s.comp(dateField, 1) : "").build());
        }

        void pid(Segment s, String p) {
            String id = "";
            String authority = "";
            for (String rep : s.repetitions(3)) {
                if (!s.comp(rep, 1).isEmpty()) {
                    id = s.comp(rep, 1);
                    authority = s.sub(rep, 4, 1).isEmpty() ? s.sub(rep, 4, 2) : s.sub(rep, 4, 1);
                    break;
                }
            }
            if (id.isEmpty()) {
                id = s.comp(2, 1);
            }
            patientKey = id.isEmpty() ? file + "#" + msgId : (authority.isEmpty() ? "" : authority + "|") + id;
            if (id.isEmpty()) {
                problem("HL7V2-0007", Severity.WARNING, p + "-3", "PID-3 has no patient identifier; the patient is "
                        + "keyed by the message", "");
            }
            String name = s.firstRep(s.field(5));
            String given = (s.comp(name, 2) + " " + s.comp(name, 3)).trim();
            PatientInfo info = new PatientInfo(patientKey, authority, id, s.sub(name, 1, 1), given,
                    hl7Date(s.comp(7, 1)), gender(s.comp(8, 1)), ref(s, p));
            patients.putIfAbsent(patientKey, info);
        }

        void obx(Segment s, String p) {
            String type = s.comp(2, 1).toUpperCase(Locale.ROOT);
            String raw5 = s.field(5);
            List<Code> code = codes(s, s.firstRep(s.field(3)));
            String title = s.comp(3, 2);
            boolean mdm = msgType.startsWith("MDM");
            if (type.equals("TX") || type.equals("FT") || (mdm && type.equals("ST"))) {
                StringBuilder t = new StringBuilder();
                List<String> reps = Segment.split(raw5, s.d.repetition);
                for (int k = 0; k < reps.size(); k++) {
                    t.append(k > 0 ? "\n" : "").append(unescape(s, reps.get(k), p + "-5"));
                }
                if (note.length() == 0 && !title.isEmpty()) {
                    noteTitle = title;
                }
                appendNote(t.toString(), s, p + "-5");
                return;
            }
            if (type.equals("ED")) {
                ed(s, p);
                return;
            }
            ClinicalEntry.Builder b = ClinicalEntry.builder(EntryKind.OBSERVATION, id(p), ref(s, p))
                    .patientKey(patientKey).codes(code).text(title).valueType(type).status(s.comp(11, 1))
                    .unit(s.comp(6, 2).isEmpty() || !s.comp(6, 1).isEmpty() ? s.comp(6, 1) : s.comp(6, 2))
                    .referenceRange(s.comp(7, 1)).interpretation(String.join(",", flags(s)))
                    .effective(s.comp(14, 1).isEmpty() ? s.comp(19, 1) : s.comp(14, 1)).parentId(reportId);
            if (!raw5.isEmpty() && type.isEmpty()) {
                problem("HL7V2-0004", Severity.WARNING, p + "-2", "OBX-5 has a value but OBX-2 (value type) is "
                        + "empty; kept as a string", raw5);
            }
            switch (type) {
                case "NM" -> {
                    String v = unescape(s, s.firstRep(raw5), p + "-5").trim();
                    b.value(v);
                    if (!v.isEmpty()) {
                        try {
                            b.numeric(OptionalDouble.of(Double.parseDouble(v.startsWith("+") ? v.substring(1) : v)));
                        } catch (NumberFormatException e) {
                            problem("HL7V2-0004", Severity.WARNING, p + "-5", "OBX-5 '" + v + "' is not a number; "
                                    + "OBX-2=NM; kept raw", v);
                        }
                    }
                }
                case "SN" -> {
                    String v5 = s.firstRep(raw5);
                    String cmp = s.comp(v5, 1);
                    String n1 = s.comp(v5, 2);
                    String sep = s.comp(v5, 3);
                    String n2 = s.comp(v5, 4);
                    b.value((cmp + n1 + sep + n2).trim());
                    if ((cmp.isEmpty() || cmp.equals("=")) && sep.isEmpty() && n2.isEmpty() && !n1.isEmpty()) {
                        try {
                            b.numeric(OptionalDouble.of(Double.parseDouble(n1)));
                        } catch (NumberFormatException e) {
                            problem("HL7V2-0004", Severity.WARNING, p + "-5", "OBX-5 SN number '" + n1
                                    + "' is not a number; kept raw", n1);
                        }
                    }
                }
                case "CE", "CWE", "CNE", "CF" -> {
                    List<Code> vc = codes(s, s.firstRep(raw5));
                    b.valueCodes(vc).value(s.comp(s.firstRep(raw5), 2).isEmpty() ? s.comp(s.firstRep(raw5), 1)
                            : s.comp(s.firstRep(raw5), 2));
                }
                default -> b.value(unescape(s, s.firstRep(raw5), p + "-5").replace(s.d.component, ' ').trim());
            }
            entries.add(b.build());
        }

        List<String> flags(Segment s) {
            List<String> out = new ArrayList<>();
            for (String r : s.repetitions(8)) {
                String f = s.comp(r, 1);
                if (!f.isEmpty()) {
                    out.add(f);
                }
            }
            return out;
        }

        void ed(Segment s, String p) {
            String v = s.firstRep(s.field(5));
            String type = s.comp(v, 2);
            String subtype = s.comp(v, 3);
            String encoding = s.comp(v, 4);
            String data = s.rawComp(v, 5);
            String mime = (type + "/" + subtype).toLowerCase(Locale.ROOT);
            boolean text = mime.startsWith("text") || mime.contains("plain") || mime.equals("/");
            byte[] bytes;
            if (encoding.equalsIgnoreCase("Base64")) {
                try {
                    bytes = Base64.getMimeDecoder().decode(data.replace("\\.br\\", "").trim());
                    if (!validBase64(data)) {
                        throw new IllegalArgumentException("characters outside the base64 alphabet");
                    }
                } catch (IllegalArgumentException e) {
                    problem("HL7V2-0006", Severity.WARNING, p + "-5.5", "ED data (" + data.length()
                            + " chars) is not valid base64: " + e.getMessage() + "; not decoded", "");
                    return;
                }
            } else {
                bytes = s.d.unescape(data).getBytes(StandardCharsets.UTF_8);
            }
            if (!text) {
                problem("HL7V2-0010", Severity.INFO, p + "-5", "ED attachment of type " + type + "/" + subtype + " ("
                        + bytes.length + " bytes) is not text; not extracted", "");
                return;
            }
            appendNote(new String(bytes, StandardCharsets.UTF_8), s, p + "-5.5");
        }

        static boolean validBase64(String data) {
            String t = data.replace("\\.br\\", "");
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '='
                        && !Character.isWhitespace(c)) {
                    return false;
                }
            }
            return true;
        }

        void appendNote(String t, Segment s, String path) {
            if (t.isBlank()) {
                if (note.length() > 0) {
                    note.append('\n');
                }
                return;
            }
            if (note.length() > 0 && note.charAt(note.length() - 1) != '\n') {
                note.append('\n');
            }
            int start = note.length();
            note.append(t);
            pieces.add(new TextPiece(start, note.length(), ref(s, path)));
        }

        void flushNote() {
            if (note != null && !note.toString().isBlank()) {
                texts.add(new RecordText(noteId, note.toString(), patientKey, noteTitle, noteDate,
                        new SourceRef(file, noteId.substring(file.length() + 1), -1, -1), pieces));
            }
            note = new StringBuilder();
            pieces = new ArrayList<>();
        }

        List<Code> codes(Segment s, String raw) {
            List<Code> out = new ArrayList<>(2);
            addCode(out, s.comp(raw, 1), s.comp(raw, 2), s.comp(raw, 3));
            addCode(out, s.comp(raw, 4), s.comp(raw, 5), s.comp(raw, 6));
            return out;
        }

        static void addCode(List<Code> out, String code, String display, String system) {
            if (code.isBlank()) {
                return;
            }
            out.add(new Code(system(system), code.trim(), display));
        }
    }

    /** The FHIR system URI of an HL7 v2 coding-system name (table 0396); unknown names get a Medsift URI. */
    static String system(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        String known = SYSTEMS.get(n);
        if (known != null) {
            return known;
        }
        if (n.startsWith("HL7") && n.length() == 7) {
            return "http://terminology.hl7.org/CodeSystem/v2-" + n.substring(3);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
        }
        return "https://medsift.org/fhir/CodeSystem/hl7v2-local" + (sb.length() == 0 ? "" : "/" + sb);
    }

    /** {@code YYYYMMDD...} to {@code YYYY-MM-DD} (or shorter); "" when not a date. */
    static String hl7Date(String v) {
        String t = v.trim();
        int digits = 0;
        while (digits < t.length() && digits < 8 && Character.isDigit(t.charAt(digits))) {
            digits++;
        }
        return switch (digits) {
            case 4 -> t.substring(0, 4);
            case 6 -> t.substring(0, 4) + "-" + t.substring(4, 6);
            case 8 -> t.substring(0, 4) + "-" + t.substring(4, 6) + "-" + t.substring(6, 8);
            default -> "";
        };
    }

    private static String gender(String g) {
        return switch (g.toUpperCase(Locale.ROOT)) {
            case "M" -> "male";
            case "F" -> "female";
            case "O", "A", "N" -> "other";
            case "U" -> "unknown";
            default -> "";
        };
    }
}
