package org.medsift.nlp.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MeasuredValue;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.ReferenceRange;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;

/**
 * Finds lab results and vital signs with their values and produces {@link Layers#MEASUREMENTS}.
 *
 * <ul>
 *   <li><b>Labs</b>: a {@link SemanticGroup#LAB} mention followed (after at most three filler tokens such as
 *   {@code :}, {@code =}, {@code of}, {@code was}, {@code level}) by a value: a number, a range ({@code 80-90}), a
 *   comparator ({@code <5}), a titre ({@code 1:160}) or a qualitative result ({@code positive}); then an optional
 *   unit (normalized to UCUM by {@link Ucum}; an unknown unit is kept as written), flag ({@code H}, {@code (L)},
 *   {@code critical}) and reference range ({@code (ref 3.5-5.0)}). Without a written flag the interpretation comes
 *   from the range. In a table row (the name ends a cell: a pipe follows, or a run of spaces or a tab, as in
 *   {@code | Na | 138 | mmol/L | 135-145 |} or a column-aligned panel) pipes between cells are skipped, the unit
 *   may stand a column away (after a flag column too), and a bare {@code 135-145} in a later column is the
 *   reference range.</li>
 *   <li><b>Vital signs</b>, by name: {@code BP 132/84}, {@code HR 88}, {@code T 38.2 C} / {@code 100.4 F},
 *   {@code RR 18}, {@code SpO2 96% on RA}, weight, height, BMI, pain score ({@code 7/10}); LOINC codes of the FHIR
 *   vital-signs profile. A missing unit is inferred where it is unambiguous (a temperature above 50 is Fahrenheit;
 *   a pulse is per minute). Single-letter names (T, P, R) need a plausible value.</li>
 * </ul>
 *
 * <p>Requires TOKENS and CONCEPTS. Immutable and thread-safe; scanning allocates only when it finds something.
 */
public final class MeasurementAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "measurements";

    private static final String[] VITAL_KEYS = {"blood-pressure", "heart-rate", "respiratory-rate",
        "body-temperature", "oxygen-saturation", "body-weight", "body-height", "bmi", "pain-score"};
    /** LOINC codes of the FHIR R4 vital-signs profile (hl7.org/fhir/R4/observation-vitalsigns.html). */
    static final String[][] VITAL_LOINC = {{"85354-9", "Blood pressure panel with all children optional"},
        {"8867-4", "Heart rate"}, {"9279-1", "Respiratory rate"}, {"8310-5", "Body temperature"},
        {"59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry"}, {"29463-7", "Body weight"},
        {"8302-2", "Body height"}, {"39156-5", "Body mass index (BMI) [Ratio]"},
        {"72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}};
    private static final String[] VITAL_NAMES = {"Blood pressure", "Heart rate", "Respiratory rate",
        "Body temperature", "Oxygen saturation", "Body weight", "Body height", "Body mass index", "Pain score"};
    /** Plausible ranges, to accept a bare single-letter name and to infer units. */
    private static final double[][] PLAUSIBLE = {{40, 300}, {20, 250}, {4, 80}, {30, 110}, {50, 100}, {0.3, 700},
        {20, 250}, {8, 100}, {0, 10}};
    private static final WordTable VITAL1 = table("bp", 0, "b/p", 0, "nibp", 0, "hr", 1, "pulse", 1, "p", 1,
            "rr", 2, "resp", 2, "respirations", 2, "r", 2, "t", 3, "temp", 3, "temperature", 3, "tmax", 3,
            "tm", 3, "tc", 3, "spo2", 4, "sao2", 4, "sat", 4, "sats", 4, "o2sat", 4, "saturation", 4, "pox", 4,
            "wt", 5, "weight", 5, "ht", 6, "height", 6, "bmi", 7, "pain", 8);
    private static final WordTable SINGLE_LETTER = WordTable.setOf("p", "r", "t");
    private static final WordTable FILLER = WordTable.setOf(":", "=", "-", "of", "is", "was", "at", "level",
            "levels", "value", "count", "result", "results", "today", "now", "measured", "on", "admission",
            "were", "are", "be");
    private static final WordTable CODED = table("positive", 0, "pos", 0, "negative", 1, "neg", 1, "detected", 2,
            "reactive", 4, "nonreactive", 5, "non-reactive", 5, "undetectable", 3);
    private static final String[] CODED_NAMES = {"positive", "negative", "detected", "not detected", "reactive",
        "nonreactive"};
    private static final WordTable FLAGS = table("h", 0, "high", 0, "l", 1, "low", 1, "hh", 2, "ll", 3,
            "critical", 4, "crit", 4, "abnormal", 5, "abn", 5, "a", 5, "*", 5);
    private static final String[] FLAG_CODES = {"H", "L", "HH", "LL", "AA", "A"};
    private static final WordTable RANGE_WORDS = WordTable.setOf("ref", "reference", "range", "normal", "nl", "rr",
            "norm", "nml");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.CONCEPTS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.MEASUREMENTS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        doc.put(Layers.MEASUREMENTS, extract(doc));
    }

    static List<Measurement> extract(Document doc) {
        TokenTable tokens = doc.require(Layers.TOKENS);
        List<ConceptMention> concepts = doc.require(Layers.CONCEPTS);
        TokenView v = new TokenView(doc.text().content(), tokens);
        List<Measurement> out = new ArrayList<>();
        int maxEnd = -1;
        boolean[] taken = null;
        for (ConceptMention m : concepts) {
            if (m.group() != SemanticGroup.LAB || m.firstToken() < maxEnd) {
                continue;
            }
            maxEnd = m.endToken();
            Measurement x = new Parse(v).lab(m);
            if (x != null) {
                out.add(x);
                if (taken == null) {
                    taken = new boolean[tokens.size()];
                }
                for (int t = m.firstToken(); t < tokens.tokenAtOrAfter(x.end()) && t < taken.length; t++) {
                    taken[t] = true;
                }
            }
        }
        for (int t = 0; t < tokens.size(); t++) {
            if (taken != null && taken[t]) {
                continue;
            }
            int vital = v.lookup(t, VITAL1);
            if (vital < 0 && !v.is(t, "blood") && !v.is(t, "heart") && !v.is(t, "respiratory") && !v.is(t, "o2")
                    && !v.is(t, "oxygen") && !v.is(t, "body")) {
                continue;
            }
            Parse p = new Parse(v);
            Measurement x = p.vital(t);
            if (x != null) {
                out.add(x);
                t = tokens.tokenAtOrAfter(x.end()) - 1;
            }
        }
        out.sort((a, b) -> Integer.compare(a.nameStart(), b.nameStart()));
        return List.copyOf(out);
    }

    /** One parse attempt (created only at a candidate name). */
    private static final class Parse {
        final TokenView v;
        final int n;
        int unitStart = -1;
        int unitEnd = -1;
        String unit = "";
        String ucum = "";
        int flagStart = -1;
        int flagEnd = -1;
        String interpretation = "";
        ReferenceRange range;
        int next;
        /** The lab name ends a table cell: columns split by pipes or by runs of spaces or a tab, on one line. */
        boolean row;

        Parse(TokenView v) {
            this.v = v;
            this.n = v.size();
        }

        Measurement lab(ConceptMention m) {
            row = tableCellEnds(m.endToken());
            int t = skipFiller(skipCells(m.endToken()));
            MeasuredValue value = value(t);
            if (value == null) {
                return null;
            }
            if (value.kind() != MeasuredValue.Kind.CODED) {
                unit(next, null);
            }
            tail();
            if (row && unitStart < 0 && flagStart >= 0 && value.kind() != MeasuredValue.Kind.CODED) {
                // a flag column before the unit column: "Potassium   5.9 H   mmol/L   3.5-5.1"
                unit(next, null);
                tail();
            }
            if (interpretation.isEmpty()) {
                interpretation = fromRange(value, range);
            }
            if (interpretation.isEmpty() && value.kind() == MeasuredValue.Kind.CODED) {
                interpretation = value.coded().equals("positive") || value.coded().equals("detected")
                        || value.coded().equals("reactive") ? "POS" : "NEG";
            }
            return new Measurement(Measurement.Kind.LAB, m.conceptId(), m.preferredName(), m.codes(), m.start(),
                    m.end(), value, unitStart, unitEnd, unit, ucum, range, interpretation, flagStart, flagEnd, "",
                    m.assertion());
        }

        Measurement vital(int t) {
            int vital = v.lookup(t, VITAL1);
            int nameEnd = t + 1;
            if (v.is(t, "blood") && v.is(t + 1, "pressure")) {
                vital = 0;
                nameEnd = t + 2;
            } else if ((v.is(t, "heart") || v.is(t, "pulse")) && v.is(t + 1, "rate")) {
                vital = 1;
                nameEnd = t + 2;
            } else if ((v.is(t, "respiratory") || v.is(t, "resp")) && v.is(t + 1, "rate")) {
                vital = 2;
                nameEnd = t + 2;
            } else if ((v.is(t, "o2") || v.is(t, "oxygen")) && (v.is(t + 1, "sat") || v.is(t + 1, "sats")
                    || v.is(t + 1, "saturation"))) {
                vital = 4;
                nameEnd = t + 2;
            } else if (v.is(t, "pulse") && (v.is(t + 1, "ox") || v.is(t + 1, "oximetry"))) {
                vital = 4;
                nameEnd = t + 2;
            } else if (v.is(t, "body") && v.is(t + 1, "mass") && v.is(t + 2, "index")) {
                vital = 7;
                nameEnd = t + 3;
            } else if (v.is(t, "body") && v.is(t + 1, "temperature")) {
                vital = 3;
                nameEnd = t + 2;
            } else if (vital == 8 && (v.is(t + 1, "score") || v.is(t + 1, "scale") || v.is(t + 1, "level"))) {
                nameEnd = t + 2;
            }
            if (vital < 0) {
                return null;
            }
            boolean single = v.in(t, SINGLE_LETTER) && nameEnd == t + 1;
            int vt = single ? (v.isChar(nameEnd, ':') ? nameEnd + 1 : nameEnd) : skipFiller(nameEnd);
            if (vt >= n || v.newline(vt) && single) {
                return null;
            }
            MeasuredValue value;
            String qualifier = "";
            if (vital == 0) {
                value = ratio(vt, '/');
                if (value == null) {
                    return null;
                }
                if (!plausible(0, value.number()) || !(value.second() >= 20 && value.second() <= 200)) {
                    return null;
                }
                unit(next, "mm[Hg]");
                if (unit.isEmpty()) {
                    unit = "mmHg";
                    ucum = "mm[Hg]";
                }
            } else if (vital == 8) {
                value = score(vt);
                if (value == null) {
                    return null;
                }
                unit = "";
                ucum = "{score}";
            } else {
                value = number(vt);
                if (value == null) {
                    return null;
                }
                double x = value.number();
                if (!plausible(vital, x)) {
                    return null;
                }
                unit(next, vitalUnits(vital));
                if (unit.isEmpty()) {
                    inferUnit(vital, x);
                } else if (vital == 3 && !(ucum.equals("Cel") || ucum.equals("[degF]"))) {
                    return null;
                }
                if (vital == 3 && (ucum.equals("Cel") ? x < 30 || x > 45 : x < 85 || x > 113)) {
                    return null; // "85 degrees Celsius" is no body temperature (MTSamples review)
                }
                if (vital == 4) {
                    qualifier = qualifier();
                }
            }
            if (single && (value.kind() != MeasuredValue.Kind.NUMBER && vital != 0)) {
                return null;
            }
            return new Measurement(Measurement.Kind.VITAL, VITAL_KEYS[vital], VITAL_NAMES[vital],
                    List.of(new Code(CodeSystems.LOINC, VITAL_LOINC[vital][0], VITAL_LOINC[vital][1])),
                    v.start(t), v.end(nameEnd - 1), value, unitStart, unitEnd, unit, ucum, null, "", -1, -1,
                    qualifier, Assertion.DEFAULT);
        }

        private boolean plausible(int vital, double x) {
            return x >= PLAUSIBLE[vital][0] && x <= PLAUSIBLE[vital][1];
        }

        private String vitalUnits(int vital) {
            switch (vital) {
                case 1: case 2: return "/min";
                case 3: return "temp";
                case 4: return "%";
                case 5: return "mass";
                case 6: return "length";
                case 7: return "kg/m2";
                default: return null;
            }
        }

        private void inferUnit(int vital, double x) {
            switch (vital) {
                case 1: case 2: unit = "/min"; ucum = "/min"; break;
                case 3:
                    if (x > 50) {
                        unit = "F";
                        ucum = "[degF]";
                    } else {
                        unit = "C";
                        ucum = "Cel";
                    }
                    break;
                case 4: unit = "%"; ucum = "%"; break;
                case 7: unit = "kg/m2"; ucum = "kg/m2"; break;
                default: break;
            }
        }

        private String qualifier() {
            int t = next;
            if (!v.is(t, "on") && !v.is(t, "at")) {
                return "";
            }
            int last = t;
            for (int k = t + 1; k < Math.min(n, t + 5); k++) {
                byte kind = v.kind(k);
                if (v.newline(k) || kind == TokenKind.PUNCT || (kind == TokenKind.SYMBOL && !v.isChar(k, '%'))) {
                    break;
                }
                if (k > t + 1 && v.in(k, VITAL1)) {
                    break;
                }
                last = k;
            }
            if (last == t) {
                return "";
            }
            return v.text().subSequence(v.start(t), v.end(last)).toString();
        }

        /**
         * Whether a table cell ends before token {@code t} on its line: a pipe follows, or two or more spaces or a
         * tab ("| Na | 138 | mmol/L | 135-145 |", "Sodium     138     mmol/L     135-145").
         */
        private boolean tableCellEnds(int t) {
            if (t <= 0 || t >= n || v.newline(t)) {
                return false;
            }
            if (v.isChar(t, '|')) {
                return true;
            }
            int gap = v.start(t) - v.end(t - 1);
            return gap >= 2 || (gap == 1 && v.text().charAt(v.end(t - 1)) == '\t');
        }

        /** In a table row, skips the pipes between cells (never past the line's end). */
        private int skipCells(int t) {
            while (row && t < n && v.isChar(t, '|') && !(v.newline(t) && t > 0)) {
                t++;
            }
            return t;
        }

        private int skipFiller(int t) {
            for (int k = 0; k < 3 && t < n && v.in(t, FILLER) && !v.newline(t); k++) {
                t++;
            }
            return t;
        }

        /** A value at token t for a lab, or null; sets {@link #next}. */
        private MeasuredValue value(int t) {
            if (t >= n) {
                return null;
            }
            int c = v.lookup(t, CODED);
            if (c >= 0) {
                next = t + 1;
                return new MeasuredValue(MeasuredValue.Kind.CODED, v.start(t), v.end(t), cover(t, t + 1), Double.NaN,
                        Double.NaN, "", CODED_NAMES[c]);
            }
            if (v.is(t, "not") && v.is(t + 1, "detected")) {
                next = t + 2;
                return new MeasuredValue(MeasuredValue.Kind.CODED, v.start(t), v.end(t + 1), cover(t, t + 2),
                        Double.NaN, Double.NaN, "", "not detected");
            }
            String cmp = null;
            int k = t;
            if (v.isChar(k, '<') || v.isChar(k, '>') || v.isChar(k, '\u2264') || v.isChar(k, '\u2265')) {
                char ch = v.text().charAt(v.start(k));
                cmp = ch == '\u2264' ? "<=" : ch == '\u2265' ? ">=" : String.valueOf(ch);
                k++;
                if (v.isChar(k, '=') && v.glued(k)) {
                    cmp += "=";
                    k++;
                }
            } else if ((v.is(k, "less") || v.is(k, "greater")) && v.is(k + 1, "than")) {
                cmp = v.is(k, "less") ? "<" : ">";
                k += 2;
            }
            if (cmp != null) {
                double x = v.number(k);
                if (Double.isNaN(x)) {
                    return null;
                }
                next = k + 1;
                return new MeasuredValue(MeasuredValue.Kind.COMPARATOR, v.start(t), v.end(k), cover(t, k + 1), x,
                        Double.NaN, cmp, "");
            }
            if (v.kind(t) == TokenKind.NUMERIC_PATTERN) {
                return ratio(t, ':');
            }
            MeasuredValue num = number(t);
            if (num == null) {
                return null;
            }
            // a range: 80-90, 80 to 90
            if (next == t + 1 && (v.isChar(t + 1, '-') || v.is(t + 1, "to")) && !Double.isNaN(v.number(t + 2))
                    && v.number(t + 2) >= num.number()) {
                next = t + 3;
                return new MeasuredValue(MeasuredValue.Kind.RANGE, v.start(t), v.end(t + 2), cover(t, t + 3),
                        num.number(), v.number(t + 2), "", "");
            }
            return num;
        }

        /** A plain number, or the numeric prefix of an ALNUM ({@code 38.2C}); the suffix is left as unit. */
        private MeasuredValue number(int t) {
            if (t >= n) {
                return null;
            }
            double x = v.number(t);
            if (!Double.isNaN(x)) {
                next = t + 1;
                return new MeasuredValue(MeasuredValue.Kind.NUMBER, v.start(t), v.end(t), cover(t, t + 1), x,
                        Double.NaN, "", "");
            }
            if (v.kind(t) == TokenKind.ALNUM) {
                int s = v.start(t);
                int e = v.end(t);
                int np = TokenView.numberPrefix(v.text(), s, e);
                if (np > 0) {
                    String code = Ucum.find(v.text(), s + np, e);
                    if (code != null) {
                        next = t + 1;
                        unitStart = s + np;
                        unitEnd = e;
                        unit = v.text().subSequence(s + np, e).toString();
                        ucum = code;
                        return new MeasuredValue(MeasuredValue.Kind.NUMBER, s, s + np,
                                v.text().subSequence(s, s + np).toString(), TokenView.parse(v.text(), s, s + np),
                                Double.NaN, "", "");
                    }
                }
            }
            return null;
        }

        /** {@code 132/84} (one token or three), {@code 1:160}. */
        private MeasuredValue ratio(int t, char sep) {
            if (t >= n) {
                return null;
            }
            CharSequence s = v.text();
            if (v.kind(t) == TokenKind.NUMERIC_PATTERN) {
                int st = v.start(t);
                int en = v.end(t);
                int at = -1;
                for (int i = st; i < en; i++) {
                    if (s.charAt(i) == sep) {
                        if (at >= 0) {
                            return null;
                        }
                        at = i;
                    } else if (!(Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                        return null;
                    }
                }
                if (at < 0) {
                    return null;
                }
                double a = TokenView.parse(s, st, at);
                double b = TokenView.parse(s, at + 1, en);
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    return null;
                }
                next = t + 1;
                return new MeasuredValue(MeasuredValue.Kind.RATIO, st, en, cover(t, t + 1), a, b, "", "");
            }
            double a = v.number(t);
            if (!Double.isNaN(a) && v.isChar(t + 1, sep) && !Double.isNaN(v.number(t + 2))) {
                next = t + 3;
                return new MeasuredValue(MeasuredValue.Kind.RATIO, v.start(t), v.end(t + 2), cover(t, t + 3), a,
                        v.number(t + 2), "", "");
            }
            return null;
        }

        /** Pain: {@code 7/10}, {@code 7 out of 10}, {@code 7}. */
        private MeasuredValue score(int t) {
            MeasuredValue r = ratio(t, '/');
            if (r != null) {
                if (r.second() != 10 || r.number() > 10) {
                    return null;
                }
                return new MeasuredValue(MeasuredValue.Kind.NUMBER, r.start(), r.end(), r.raw(), r.number(),
                        Double.NaN, "", "");
            }
            double x = v.number(t);
            if (Double.isNaN(x) || x > 10) {
                return null;
            }
            if (v.is(t + 1, "out") && v.is(t + 2, "of") && v.number(t + 3) == 10) {
                next = t + 4;
                return new MeasuredValue(MeasuredValue.Kind.NUMBER, v.start(t), v.end(t + 3), cover(t, t + 4), x,
                        Double.NaN, "", "");
            }
            next = t + 1;
            return new MeasuredValue(MeasuredValue.Kind.NUMBER, v.start(t), v.end(t), cover(t, t + 1), x,
                    Double.NaN, "", "");
        }

        /**
         * A unit at token t: the run of tokens without whitespace between them, looked up in {@link Ucum}; for
         * vital signs only units of the expected kind are taken.
         */
        private void unit(int t, String expect) {
            if (row && expect == null) {
                t = skipCells(t);
            }
            if (unitStart >= 0 || t >= n || v.newline(t)) {
                return;
            }
            if (t > 0 && v.start(t) - v.end(t - 1) > 1 && !(row && expect == null)) {
                return;
            }
            // multi-word units first
            if (v.is(t, "mm") && v.is(t + 1, "hg")) {
                setUnit(t, t + 2, "mm[Hg]");
                return;
            }
            if ((v.is(t, "beats") || v.is(t, "breaths")) && v.is(t + 1, "per") && (v.is(t + 2, "minute")
                    || v.is(t + 2, "min"))) {
                setUnit(t, t + 3, "/min");
                return;
            }
            if (v.is(t, "degrees") || v.is(t, "deg") || v.isChar(t, '\u00b0')) {
                int k = t + 1;
                String code = v.is(k, "f") || v.is(k, "fahrenheit") ? "[degF]"
                        : v.is(k, "c") || v.is(k, "celsius") ? "Cel" : null;
                if (code != null) {
                    setUnit(t, k + 1, code);
                }
                return;
            }
            if (v.is(t, "per") && v.is(t + 1, "minute")) {
                setUnit(t, t + 2, "/min");
                return;
            }
            // glued run
            int e = t + 1;
            while (e < n && v.glued(e) && !stop(e)) {
                e++;
            }
            if (stop(t)) {
                return;
            }
            for (int end = e; end > t; end--) {
                String code = Ucum.find(v.text(), v.start(t), v.end(end - 1));
                if (code != null && accepts(expect, code)) {
                    setUnit(t, end, code);
                    return;
                }
            }
            if (expect == null && e - t >= 2 && v.kind(t) == TokenKind.WORD && containsSlash(t, e)) {
                // unknown lab unit: kept as written, no UCUM code
                unitStart = v.start(t);
                unitEnd = v.end(e - 1);
                unit = v.text().subSequence(unitStart, unitEnd).toString();
                ucum = "";
                next = e;
            }
        }

        private boolean containsSlash(int t, int e) {
            for (int k = t; k < e; k++) {
                if (v.isChar(k, '/')) {
                    return true;
                }
            }
            return false;
        }

        private boolean stop(int t) {
            return v.isChar(t, ',') || v.isChar(t, ';') || v.isChar(t, '(') || v.isChar(t, ')')
                    || v.isChar(t, '[') || v.isChar(t, ']') || v.isChar(t, ':') || v.newline(t)
                    || (v.isChar(t, '.') && (t + 1 >= n || !v.glued(t + 1)));
        }

        private boolean accepts(String expect, String code) {
            if (expect == null) {
                // labs: a lone H or L is a flag, not an hour or a litre
                return !code.equals("L") && !code.equals("h") && !code.equals("Cel") && !code.equals("[degF]")
                        && !code.equals("m") && !code.equals("[in_i]");
            }
            switch (expect) {
                case "temp": return code.equals("Cel") || code.equals("[degF]");
                case "mass": return code.equals("kg") || code.equals("[lb_av]") || code.equals("g");
                case "length": return code.equals("cm") || code.equals("m") || code.equals("[in_i]")
                        || code.equals("[ft_i]");
                default: return code.equals(expect);
            }
        }

        private void setUnit(int t, int end, String code) {
            unitStart = v.start(t);
            unitEnd = v.end(end - 1);
            unit = v.text().subSequence(unitStart, unitEnd).toString();
            ucum = code;
            next = end;
        }

        /** Flag and reference range after the value and unit, in either order. */
        private void tail() {
            for (int round = 0; round < 2; round++) {
                int t = skipCells(next);
                if (t >= n || v.newline(t)) {
                    return;
                }
                if (flagStart < 0 && flag(t)) {
                    continue;
                }
                if (range == null && referenceRange(t)) {
                    continue;
                }
                return;
            }
        }

        private boolean flag(int t) {
            int k = t;
            boolean paren = v.isChar(k, '(') || v.isChar(k, '[');
            if (paren) {
                k++;
            }
            int f = v.lookup(k, FLAGS);
            if (f < 0 || (v.isChar(k, '*') && paren)) {
                return false;
            }
            if (paren && !(v.isChar(k + 1, ')') || v.isChar(k + 1, ']'))) {
                return false;
            }
            int end = paren ? k + 2 : k + 1;
            flagStart = v.start(t);
            flagEnd = v.end(end - 1);
            interpretation = FLAG_CODES[f];
            next = end;
            return true;
        }

        private boolean referenceRange(int t) {
            int k = t;
            boolean paren = v.isChar(k, '(') || v.isChar(k, '[');
            if (paren) {
                k++;
            }
            boolean named = false;
            while (k < n && v.in(k, RANGE_WORDS)) {
                k++;
                named = true;
            }
            if (v.isChar(k, ':')) {
                k++;
            }
            if (!paren && !named && !row) {
                return false; // a bare "3.5-5.0" is a range only in a table's column
            }
            double lo = v.number(k);
            if (Double.isNaN(lo) || !(v.isChar(k + 1, '-') || v.is(k + 1, "to")) || Double.isNaN(v.number(k + 2))) {
                return false;
            }
            double hi = v.number(k + 2);
            int e = k + 3;
            // an optional unit inside the brackets
            while (paren && e < n && e < k + 6 && !v.isChar(e, ')') && !v.isChar(e, ']') && !v.newline(e)) {
                e++;
            }
            if (paren) {
                if (!(v.isChar(e, ')') || v.isChar(e, ']'))) {
                    return false;
                }
                e++;
            }
            range = new ReferenceRange(v.start(t), v.end(e - 1), lo, hi, cover(t, e));
            next = e;
            return true;
        }

        private String cover(int from, int to) {
            return v.text().subSequence(v.start(from), v.end(to - 1)).toString();
        }
    }

    /** Interpretation from a reference range when no flag was written: H above, L below, empty otherwise. */
    static String fromRange(MeasuredValue value, ReferenceRange range) {
        if (range == null || value.kind() != MeasuredValue.Kind.NUMBER) {
            return "";
        }
        if (!Double.isNaN(range.high()) && value.number() > range.high()) {
            return "H";
        }
        if (!Double.isNaN(range.low()) && value.number() < range.low()) {
            return "L";
        }
        return "N";
    }

    private static WordTable table(Object... kv) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return new WordTable(m);
    }
}
