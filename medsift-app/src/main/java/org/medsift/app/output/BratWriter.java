package org.medsift.app.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.Medication;
import org.medsift.core.model.MedicationAttribute;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.model.TemporalExpression;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;

/**
 * Writes findings as brat standoff ({@code .ann}; the text goes beside it as {@code .txt}, unchanged, so that the
 * offsets, UTF-16 chars, point into it).
 *
 * <ul>
 *   <li>{@code T1\tDISORDER 10 20\tchest pain}: one text-bound annotation per mention, typed by semantic group.
 *       A line may not hold a line break, so a mention that spans one is split into fragments at line breaks
 *       (and tabs): {@code T2\tFINDING 30 35;36 40\tchest pain}, the fragments' texts joined by a space as brat
 *       expects.</li>
 *   <li>{@code A1\tNegated T1}, {@code A2\tCertainty T1 possible}, {@code A3\tTemporality T1 historical},
 *       {@code A4\tExperiencer T1 family}, {@code A5\tConditional T1}: attributes for non-default assertion values
 *       only (absent means affirmed, certain, recent, patient, unconditional).</li>
 *   <li>{@code N1\tReference T1 SNOMEDCT:22298006\tMyocardial infarction}: one normalization per code (system
 *       short name, code, display or else the preferred name); a mention without codes gets one for its concept
 *       id ({@code MEDSIFT:dis_asthma}). Codes of systems without a short name in {@link CodeSystems} are not
 *       written.</li>
 * </ul>
 * <ul>
 *   <li>Medications (since the medication stage): {@code T9\tDrug 0 10\tmetoprolol}, one text-bound annotation
 *       per attribute typed {@code Strength}, {@code DoseAmount}, {@code Form}, {@code Route}, {@code Frequency},
 *       {@code Duration}, {@code PRN}, {@code MedStatus}, and a relation per attribute,
 *       {@code R1\tStrengthOf Arg1:T10 Arg2:T9}.</li>
 *   <li>Measurements: {@code Lab} or {@code Vital} for the name, {@code Value}, {@code Unit}, {@code Flag} and
 *       {@code ReferenceRange}, with {@code ValueOf}, {@code UnitOf}, {@code FlagOf}, {@code ReferenceRangeOf}
 *       relations to the name.</li>
 *   <li>Temporal expressions (since the temporal stage): {@code Date}, {@code Time} or {@code TemporalDuration}
 *       (not {@code Duration}, which is the medication attribute), with the normalized value in an
 *       {@code AnnotatorNotes} line: {@code #1\tAnnotatorNotes T12\tvalue=2026-03-04 anchor=DOCUMENT offset=-P3D}
 *       ({@code anchor} and {@code offset} only for relative expressions, {@code value} only when known).</li>
 * </ul>
 * {@link #annotationConf()} and {@link #toolsConf()} give the matching brat configuration (also shipped as
 * {@code org/medsift/app/output/annotation.conf}). Stateless and thread-safe.
 */
public final class BratWriter {
    private static final String BREAKS = "\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029\t";

    private BratWriter() {
    }

    public static BratWriter create() {
        return new BratWriter();
    }

    /** Appends the {@code .ann} lines of a document ({@code \n}-terminated); ids start at 1 per document. */
    public void write(Document doc, Appendable out) throws IOException {
        DocumentView view = new DocumentView(doc);
        String text = view.text.content();
        int t = 0;
        int attr = 0;
        int norm = 0;
        StringBuilder line = new StringBuilder(128);
        for (ConceptMention m : view.mentions) {
            view.covered(m); // bounds check
            List<int[]> frags = fragments(text, m.start(), m.end());
            if (frags.isEmpty()) {
                continue; // nothing but line breaks: brat cannot mark it (the lexicon never matches such a span)
            }
            String tid = "T" + (++t);
            line.setLength(0);
            line.append(tid).append('\t').append(m.group().name()).append(' ');
            for (int i = 0; i < frags.size(); i++) {
                line.append(i == 0 ? "" : ";").append(frags.get(i)[0]).append(' ').append(frags.get(i)[1]);
            }
            line.append('\t');
            for (int i = 0; i < frags.size(); i++) {
                line.append(i == 0 ? "" : " ").append(text, frags.get(i)[0], frags.get(i)[1]);
            }
            out.append(line).append('\n');
            Assertion a = m.assertion();
            if (a.negated()) {
                out.append("A").append(Integer.toString(++attr)).append("\tNegated ").append(tid).append('\n');
            }
            if (a.certainty() != Assertion.Certainty.CERTAIN) {
                attribute(out, ++attr, "Certainty", tid, JsonWriter.lower(a.certainty()));
            }
            if (a.temporality() != Assertion.Temporality.RECENT) {
                attribute(out, ++attr, "Temporality", tid, JsonWriter.lower(a.temporality()));
            }
            if (a.experiencer() != Assertion.Experiencer.PATIENT) {
                attribute(out, ++attr, "Experiencer", tid, JsonWriter.lower(a.experiencer()));
            }
            if (a.conditional()) {
                out.append("A").append(Integer.toString(++attr)).append("\tConditional ").append(tid).append('\n');
            }
            boolean any = false;
            for (Code c : m.codes()) {
                String db = CodeSystems.shortName(c.system());
                if (db.equals(c.system())) {
                    continue; // no short name: brat needs DB:ID with a configured DB
                }
                any = true;
                normalization(out, ++norm, tid, db + ":" + c.code(), c.display().isEmpty() ? m.preferredName()
                        : c.display());
            }
            if (!any) {
                normalization(out, ++norm, tid, conceptRef(m.conceptId()), m.preferredName());
            }
        }
        int[] ids = {t, 0};
        for (Medication med : doc.find(Layers.MEDICATIONS).orElse(List.of())) {
            String drug = textBound(out, text, ids, "Drug", med.drug().start(), med.drug().end());
            if (drug == null) {
                continue;
            }
            for (MedicationAttribute a : med.attributes()) {
                String type = bratType(a.kind());
                String aid = textBound(out, text, ids, type, a.start(), a.end());
                if (aid != null) {
                    relation(out, ids, type + "Of", aid, drug);
                }
            }
        }
        for (Measurement m : doc.find(Layers.MEASUREMENTS).orElse(List.of())) {
            String name = textBound(out, text, ids, m.kind() == Measurement.Kind.LAB ? "Lab" : "Vital",
                    m.nameStart(), m.nameEnd());
            if (name == null) {
                continue;
            }
            part(out, text, ids, "Value", m.value().start(), m.value().end(), name);
            part(out, text, ids, "Unit", m.unitStart(), m.unitEnd(), name);
            part(out, text, ids, "Flag", m.flagStart(), m.flagEnd(), name);
            if (m.referenceRange() != null) {
                part(out, text, ids, "ReferenceRange", m.referenceRange().start(), m.referenceRange().end(), name);
            }
        }
        int notes = 0;
        for (TemporalExpression x : doc.find(Layers.TEMPORALS).orElse(List.of())) {
            String type = switch (x.type()) {
                case DATE -> "Date";
                case TIME -> "Time";
                case DURATION -> "TemporalDuration";
            };
            String id = textBound(out, text, ids, type, x.start(), x.end());
            if (id == null) {
                continue;
            }
            StringBuilder note = new StringBuilder(48);
            if (!x.value().isEmpty()) {
                note.append("value=").append(x.value());
            }
            if (x.relative()) {
                note.append(note.length() > 0 ? " " : "").append("anchor=").append(x.anchor().name());
                if (!x.offset().isEmpty()) {
                    note.append(" offset=").append(x.offset());
                }
            }
            if (note.length() > 0) {
                out.append('#').append(Integer.toString(++notes)).append("\tAnnotatorNotes ").append(id).append('\t')
                        .append(note).append('\n');
            }
        }
    }

    /** The brat entity type of a medication attribute kind. */
    public static String bratType(MedicationAttribute.Kind kind) {
        switch (kind) {
            case STRENGTH: return "Strength";
            case DOSE_AMOUNT: return "DoseAmount";
            case FORM: return "Form";
            case ROUTE: return "Route";
            case FREQUENCY: return "Frequency";
            case DURATION: return "Duration";
            case PRN: return "PRN";
            case STATUS: return "MedStatus";
            default: throw new IllegalStateException("unknown attribute kind " + kind);
        }
    }

    private static void part(Appendable out, String text, int[] ids, String type, int start, int end, String owner)
            throws IOException {
        if (start < 0) {
            return;
        }
        String id = textBound(out, text, ids, type, start, end);
        if (id != null) {
            relation(out, ids, type + "Of", id, owner);
        }
    }

    /** Writes a T line and returns its id, or null when the span is only line breaks. */
    private static String textBound(Appendable out, String text, int[] ids, String type, int start, int end)
            throws IOException {
        List<int[]> frags = fragments(text, start, end);
        if (frags.isEmpty()) {
            return null;
        }
        String tid = "T" + (++ids[0]);
        StringBuilder line = new StringBuilder(64);
        line.append(tid).append('\t').append(type).append(' ');
        for (int i = 0; i < frags.size(); i++) {
            line.append(i == 0 ? "" : ";").append(frags.get(i)[0]).append(' ').append(frags.get(i)[1]);
        }
        line.append('\t');
        for (int i = 0; i < frags.size(); i++) {
            line.append(i == 0 ? "" : " ").append(text, frags.get(i)[0], frags.get(i)[1]);
        }
        out.append(line).append('\n');
        return tid;
    }

    private static void relation(Appendable out, int[] ids, String type, String arg1, String arg2)
            throws IOException {
        out.append('R').append(Integer.toString(++ids[1])).append('\t').append(type).append(" Arg1:").append(arg1)
                .append(" Arg2:").append(arg2).append('\n');
    }

    /** A concept id as brat DB:ID: {@code medsift:dis_asthma} to {@code MEDSIFT:dis_asthma}. */
    static String conceptRef(String conceptId) {
        int colon = conceptId.indexOf(':');
        if (colon > 0) {
            String system = CodeSystems.fromShortName(conceptId.substring(0, colon));
            if (system != null) {
                return CodeSystems.shortName(system) + ":" + conceptId.substring(colon + 1);
            }
        }
        return "MEDSIFT:" + conceptId.replace('\t', ' ').replace(' ', '_');
    }

    private static void attribute(Appendable out, int n, String name, String tid, String value) throws IOException {
        out.append("A").append(Integer.toString(n)).append('\t').append(name).append(' ').append(tid).append(' ')
                .append(value).append('\n');
    }

    private static void normalization(Appendable out, int n, String tid, String ref, String note)
            throws IOException {
        out.append("N").append(Integer.toString(n)).append("\tReference ").append(tid).append(' ').append(ref)
                .append('\t').append(oneLine(note)).append('\n');
    }

    /** The non-empty runs of {@code [start, end)} between line breaks and tabs. */
    static List<int[]> fragments(String text, int start, int end) {
        List<int[]> out = new ArrayList<>(1);
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || BREAKS.indexOf(text.charAt(i)) >= 0) {
                if (i > from) {
                    out.add(new int[] {from, i});
                }
                from = i + 1;
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(BREAKS.indexOf(c) >= 0 ? ' ' : c);
        }
        return b.toString();
    }

    /**
     * brat's {@code annotation.conf} for this output: one entity type per semantic group, the medication and
     * measurement types, their {@code ...Of} relations and the assertion attributes; no events.
     */
    public static String annotationConf() {
        StringBuilder b = new StringBuilder(512);
        b.append("# brat annotation configuration for Medsift output (BratWriter.annotationConf()).\n");
        b.append("# Entity types are Medsift semantic groups; attributes are non-default assertion values.\n");
        b.append("[entities]\n");
        for (SemanticGroup g : SemanticGroup.values()) {
            b.append(g.name()).append('\n');
        }
        b.append("Drug\nStrength\nDoseAmount\nForm\nRoute\nFrequency\nDuration\nPRN\nMedStatus\n");
        b.append("Lab\nVital\nValue\nUnit\nFlag\nReferenceRange\n");
        b.append("Date\nTime\nTemporalDuration\n");
        b.append("\n[relations]\n");
        for (String a : new String[] {"Strength", "DoseAmount", "Form", "Route", "Frequency", "Duration", "PRN",
            "MedStatus"}) {
            b.append(a).append("Of\tArg1:").append(a).append(", Arg2:Drug\n");
        }
        for (String a : new String[] {"Value", "Unit", "Flag", "ReferenceRange"}) {
            b.append(a).append("Of\tArg1:").append(a).append(", Arg2:Lab|Vital\n");
        }
        b.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
        b.append("\n[events]\n");
        b.append("\n[attributes]\n");
        b.append("Negated\tArg:<ENTITY>\n");
        b.append("Certainty\tArg:<ENTITY>, Value:possible\n");
        b.append("Temporality\tArg:<ENTITY>, Value:historical|hypothetical\n");
        b.append("Experiencer\tArg:<ENTITY>, Value:family|other\n");
        b.append("Conditional\tArg:<ENTITY>\n");
        return b.toString();
    }

    /** brat's {@code tools.conf} {@code [normalization]} section naming the code systems used in N lines. */
    public static String toolsConf() {
        return "# brat tools configuration for Medsift output (BratWriter.toolsConf()).\n"
                + "[normalization]\n"
                + "SNOMEDCT\t<URL>:https://browser.ihtsdotools.org/, "
                + "<URLBASE>:https://browser.ihtsdotools.org/?perspective=full&conceptId1=%s\n"
                + "RXNORM\t<URL>:https://mor.nlm.nih.gov/RxNav/, "
                + "<URLBASE>:https://mor.nlm.nih.gov/RxNav/search?searchBy=RXCUI&searchTerm=%s\n"
                + "LOINC\t<URL>:https://loinc.org/, <URLBASE>:https://loinc.org/%s/\n"
                + "ICD10CM\t<URL>:https://www.cdc.gov/nchs/icd/icd-10-cm/, "
                + "<URLBASE>:https://www.icd10data.com/search?s=%s\n"
                + "CVX\t<URL>:https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=cvx, "
                + "<URLBASE>:https://www2a.cdc.gov/vaccines/iis/iisstandards/vaccines.asp?rpt=cvx#%s\n"
                + "UMLS\t<URL>:https://uts.nlm.nih.gov/, <URLBASE>:https://uts.nlm.nih.gov/uts/umls/concept/%s\n"
                + "MEDSIFT\t<URL>:https://medsift.org/, <URLBASE>:https://medsift.org/concept/%s\n";
    }
}
