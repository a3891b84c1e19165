package org.medsift.nlp.medication;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medsift.core.model.CodedText;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.Medication;
import org.medsift.core.model.MedicationAttribute;
import org.medsift.core.model.MedicationAttribute.Kind;
import org.medsift.core.model.Quantity;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.model.Timing;
import org.medsift.core.pipeline.Annotator;
import org.medsift.core.pipeline.Workspace;
import org.medsift.core.text.Document;
import org.medsift.core.text.LayerKey;
import org.medsift.core.text.Layers;
import org.medsift.core.text.SpanTable;
import org.medsift.core.text.TokenKind;
import org.medsift.core.text.TokenTable;
import org.medsift.nlp.measure.TokenView;
import org.medsift.nlp.measure.WordTable;

/**
 * Links every drug mention ({@link SemanticGroup#DRUG} in {@link Layers#CONCEPTS}) to its signature in the same
 * sentence and produces {@link Layers#MEDICATIONS}: strength, dose amount, form, route, frequency, duration, PRN
 * with its reason, and status, each with its span and a normalized value (UCUM quantities, FHIR Timing, SNOMED CT
 * route and form codes where confirmed).
 *
 * <p>How attributes find their drug: the sentence's tokens are scanned once with {@link SigScanner}; each attribute
 * goes to the nearest drug on its left when the gap from that drug's last element is at most {@value #MAX_GAP}
 * tokens ("metoprolol 25 mg po bid, lisinopril 10 mg daily"). It goes to the drug on its right when no drug on the
 * left is close, when it is followed by "of" and the drug ("500 mg of amoxicillin", "a 10-mg dose of oxycodone"),
 * when it is a status word just before a drug ("started metoprolol", unless "and" or a comma comes between), or
 * when it is a strength right before a drug (at most one word between) and a comma, "and", "or", "with" or "plus"
 * closes the phrase of the drug on its left ("0.5% Marcaine plain and 1% lidocaine"). A drug written in
 * parentheses, or joined by a slash or hyphen, right after another ("Lamictal (lamotrigine)", "hydrocodone/acetaminophen") is an alias of the first, not a new
 * medication; so is a drug named as the substance of a dose in parentheses right after another ("vitamin D3
 * ointment (20 micro g/g of tacalcitol)": the dose stays with vitamin D3), and a second drug inside the same
 * hyphenated word ("phenol-glycerine"). Attributes that reach no drug are dropped: a route or number alone is not a medication.
 *
 * <p>Requires TOKENS, SENTENCES and CONCEPTS (run after the context annotator so drugs carry their assertions).
 * Immutable and thread-safe; the scanner comes from the thread's {@link Workspace}.
 */
public final class MedicationAnnotator implements Annotator {
    /** The annotator name, {@value}. */
    public static final String NAME = "medications";
    /** The most tokens between a drug (or its last attribute) and the next attribute attached to it. */
    static final int MAX_GAP = 8;
    /** The most tokens between an attribute and a drug on its right that takes it. */
    static final int MAX_RIGHT_GAP = 3;

    private static final Workspace.Key<SigScanner> SCANNER = Workspace.Key.of(SigScanner::new);

    private final ClinicalDrugIndex clinicalDrugs;

    /** Without clinical-drug codes. */
    public MedicationAnnotator() {
        this(ClinicalDrugIndex.empty());
    }

    /** With the RxNorm clinical drugs of {@code clinicalDrugs} ({@link ClinicalDrugIndex#of}). */
    public MedicationAnnotator(ClinicalDrugIndex clinicalDrugs) {
        this.clinicalDrugs = clinicalDrugs;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<LayerKey<?>> requires() {
        return Set.of(Layers.TOKENS, Layers.SENTENCES, Layers.CONCEPTS);
    }

    @Override
    public Set<LayerKey<?>> produces() {
        return Set.of(Layers.MEDICATIONS);
    }

    @Override
    public void annotate(Document doc, Workspace workspace) {
        List<Medication> meds = extract(doc, workspace.get(SCANNER));
        if (clinicalDrugs.size() > 0) {
            List<Medication> coded = null;
            for (int i = 0; i < meds.size(); i++) {
                org.medsift.core.model.Code scd = clinicalDrugs.find(meds.get(i));
                if (scd != null) {
                    if (coded == null) {
                        coded = new java.util.ArrayList<>(meds);
                    }
                    coded.set(i, meds.get(i).withClinicalDrug(scd));
                }
            }
            if (coded != null) {
                meds = List.copyOf(coded);
            }
        }
        doc.put(Layers.MEDICATIONS, meds);
    }

    /** One drug being built. */
    private static final class Drug {
        final ConceptMention mention;
        final List<ConceptMention> aliases = new ArrayList<>(0);
        final List<Attr> attrs = new ArrayList<>(4);
        int first;
        int end;
        int frontier;

        Drug(ConceptMention m) {
            mention = m;
            first = m.firstToken();
            end = m.endToken();
            frontier = end;
        }
    }

    /** One attribute found, with its normalized parts. */
    private record Attr(Kind kind, int first, int end, MedicationAttribute attribute, Quantity q1, Quantity q2,
            CodedText coded, Timing timing, String text) {
    }

    static List<Medication> extract(Document doc, SigScanner scanner) {
        List<ConceptMention> concepts = doc.require(Layers.CONCEPTS);
        TokenTable tokens = doc.require(Layers.TOKENS);
        SpanTable sentences = doc.require(Layers.SENTENCES);
        TokenView v = new TokenView(doc.text().content(), tokens);
        List<Medication> out = new ArrayList<>();
        int ci = 0;
        List<Drug> drugs = new ArrayList<>();
        List<Attr> attrs = new ArrayList<>();
        java.util.Set<Long> labs = new java.util.HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            int sFirst = sentences.firstToken(s);
            int sEnd = sentences.endToken(s);
            drugs.clear();
            attrs.clear();
            while (ci < concepts.size() && concepts.get(ci).firstToken() < sFirst) {
                ci++;
            }
            Drug prev = null;
            int maxEnd = -1;
            labs.clear();
            for (int k = ci; k < concepts.size() && concepts.get(k).firstToken() < sEnd; k++) {
                if (concepts.get(k).group() == SemanticGroup.LAB) {
                    labs.add(((long) concepts.get(k).firstToken() << 32) | concepts.get(k).endToken());
                }
            }
            while (ci < concepts.size() && concepts.get(ci).firstToken() < sEnd) {
                ConceptMention m = concepts.get(ci++);
                if (m.group() != SemanticGroup.DRUG || m.endToken() > sEnd) {
                    continue;
                }
                if (m.firstToken() < maxEnd) {
                    if (prev != null && m.firstToken() == prev.first && m.endToken() == prev.mention.endToken()
                            && m.start() >= prev.mention.end()) {
                        prev.aliases.add(m); // two drugs in one hyphenated word: "phenol-glycerine"
                    }
                    continue; // nested in or overlapping a longer drug mention
                }
                if (labs.contains(((long) m.firstToken() << 32) | m.endToken())
                        && labResultFollows(v, m.endToken(), sEnd)) {
                    continue; // "Albumin 3.1 g/dL", "magnesium 1.6": a lab result, not the drug
                }
                maxEnd = m.endToken();
                if (prev != null && isDoseOfInParentheses(v, prev.end, m.firstToken())) {
                    prev.aliases.add(m); // its dose stays an attribute of prev: the drug's span does not grow
                    continue;
                }
                if (prev != null && isAlias(v, prev.end, m.firstToken())) {
                    prev.aliases.add(m);
                    prev.end = m.endToken();
                    if (v.isChar(prev.end, ')') || v.isChar(prev.end, ']')) {
                        prev.end++;
                    }
                    prev.frontier = prev.end;
                    continue;
                }
                prev = new Drug(m);
                drugs.add(prev);
            }
            if (drugs.isEmpty()) {
                continue;
            }
            scanner.reset(v, sEnd);
            int di = 0;
            for (int t = sFirst; t < sEnd; ) {
                while (di < drugs.size() && drugs.get(di).end <= t) {
                    di++;
                }
                if (di < drugs.size() && t >= drugs.get(di).first) {
                    Drug d = drugs.get(di);
                    if (t == d.first && d.aliases.isEmpty() && !attrs.isEmpty() && attrs.get(attrs.size() - 1).end == t
                            && d.end == t + 1 && scanner.routeAt(t) == d.end) {
                        // "2 puffs INH": a route word right after another attribute, not a drug (isoniazid)
                        drugs.remove(di);
                        continue;
                    }
                    t = d.end; // inside a drug name
                    continue;
                }
                int skip = scanner.maxDose(t);
                if (skip > t) {
                    t = skip; // "max 3 g per day": a limit, not the dose
                    continue;
                }
                int e = scanner.scan(t);
                if (e > t) {
                    // an attribute must not run into a drug name
                    if (di < drugs.size() && e > drugs.get(di).first) {
                        t++;
                        continue;
                    }
                    attrs.add(attribute(v, scanner, t, e));
                    t = e;
                } else {
                    t++;
                }
            }
            assign(v, drugs, attrs);
            for (Drug d : drugs) {
                out.add(build(d));
            }
        }
        return List.copyOf(out);
    }

    /**
     * A lab result follows token {@code t}: optional filler ({@code :}, {@code =}, {@code level}, {@code was}),
     * then a number that ends the phrase or takes a concentration unit per dL or L ({@code 3.1 g/dL},
     * {@code 1.6 mg/dL}, {@code 4.0 mmol/L}); a drug dose takes mg, mEq, units or a dose form instead.
     */
    static boolean labResultFollows(TokenView v, int t, int sEnd) {
        int k = t;
        while (k < sEnd && (v.isChar(k, ':') || v.isChar(k, '=') || v.is(k, "level") || v.is(k, "was")
                || v.is(k, "is") || v.is(k, "of"))) {
            k++;
        }
        if (k >= sEnd || Double.isNaN(v.number(k))) {
            return false;
        }
        int u = k + 1;
        if (u >= sEnd || v.newline(u) || v.isChar(u, ',') || v.isChar(u, ';') || v.isChar(u, '.')
                || v.isChar(u, '(') || v.isChar(u, ')')) {
            return true;
        }
        return v.isChar(u + 1, '/') && (v.is(u + 2, "dl") || v.is(u + 2, "l"));
    }

    /** Drug {@code next} starting at token {@code at} names the drug ending at {@code prevEnd} again. */
    private static boolean isAlias(TokenView v, int prevEnd, int at) {
        if (at == prevEnd + 1) {
            return v.isChar(prevEnd, '(') || v.isChar(prevEnd, '[') || v.isChar(prevEnd, '/')
                    || (v.isChar(prevEnd, '-') && v.glued(prevEnd) && v.glued(at));
        }
        return false;
    }

    /**
     * Drug {@code next} at token {@code at} is named in parentheses right after the drug ending at {@code prevEnd}
     * (at most one word between, such as a form), as "dose of" it: "vitamin D3 ointment (20 micro g/g of
     * tacalcitol)", "Tylenol (325 mg of acetaminophen)". It says what the first drug is, so it is an alias, and the
     * dose belongs to the first drug.
     */
    private static boolean isDoseOfInParentheses(TokenView v, int prevEnd, int at) {
        int open = v.isChar(prevEnd, '(') ? prevEnd : v.isChar(prevEnd + 1, '(') ? prevEnd + 1 : -1;
        if (open < 0 || at < open + 3 || !v.is(at - 1, "of") || Double.isNaN(v.amount(open + 1))) {
            return false;
        }
        for (int t = open + 1; t < at - 1; t++) {
            if (v.isChar(t, ')') || v.isChar(t, '(') || v.isChar(t, ',') || v.isChar(t, ';')) {
                return false;
            }
        }
        return true;
    }

    private static void assign(TokenView v, List<Drug> drugs, List<Attr> attrs) {
        Drug[] owners = new Drug[attrs.size()];
        for (int ai = 0; ai < attrs.size(); ai++) {
            Attr a = attrs.get(ai);
            Drug left = null;
            Drug right = null;
            for (Drug d : drugs) {
                if (d.end <= a.first) {
                    left = d;
                } else if (d.first >= a.end) {
                    right = d;
                    break;
                }
            }
            Drug owner = null;
            int rightGap = right == null ? Integer.MAX_VALUE : gap(v, a.end, right.first);
            int of = v.isChar(a.end, ')') || v.is(a.end, "dose") || v.is(a.end, "doses") ? a.end + 1 : a.end;
            if (right != null && rightGap <= 2 && (v.is(a.end, "of") || a.kind == Kind.STATUS && left == null)) {
                owner = right;
            } else if (right != null && v.is(of, "of") && isDose(a.kind) && gap(v, of, right.first) <= 3
                    && !punctBetween(v, of, right.first)) {
                owner = right; // "500 mg of cloxacillin", "(48 mg/kg) of extended-release bupropion"
            } else if (right != null && a.kind == Kind.STATUS && rightGap <= 2 && !punctBetween(v, a.end,
                    right.first) && !(left != null && connectorBetween(v, a.end, right.first))) {
                owner = right; // "started metoprolol"; not "lisinopril was continued and metoprolol"
            } else if (right != null && left != null && a.kind == Kind.STRENGTH && rightGap <= 1
                    && !punctBetween(v, a.end, right.first) && connectorBetween(v, left.frontier, a.first)) {
                owner = right; // "0.5% Marcaine and 1% lidocaine": a strength written before the next drug
            } else if (left != null && a.first - left.frontier <= MAX_GAP && !listBreak(v, left.frontier, a.first)) {
                owner = left;
            } else if (right != null && rightGap <= MAX_RIGHT_GAP && !punctBetween(v, a.end, right.first)) {
                owner = right;
            }
            owners[ai] = owner;
            if (owner != null && owner == left) {
                owner.frontier = Math.max(owner.frontier, a.end);
            }
        }
        // a list of doses before "of" and a drug: "190 mg, 175 mg, and 196 mg of methotrexate"
        for (int ai = attrs.size() - 2; ai >= 0; ai--) {
            Attr a = attrs.get(ai);
            Attr b = attrs.get(ai + 1);
            if (owners[ai] == null && owners[ai + 1] != null && a.kind == b.kind && isDose(a.kind)
                    && owners[ai + 1].first >= b.end && onlyConnectors(v, a.end, b.first)) {
                owners[ai] = owners[ai + 1];
            }
        }
        // a second strength right after a drug's strength, as an alternative: "Marcaine 0.5%; 1%", "1% or 2%"
        for (int ai = 1; ai < attrs.size(); ai++) {
            Attr a = attrs.get(ai);
            Attr p = attrs.get(ai - 1);
            if (owners[ai] == null && owners[ai - 1] != null && a.kind == Kind.STRENGTH && p.kind == Kind.STRENGTH
                    && owners[ai - 1].first < p.first && alternativeConnectors(v, p.end, a.first)) {
                owners[ai] = owners[ai - 1];
            }
        }
        for (int ai = 0; ai < attrs.size(); ai++) {
            Drug owner = owners[ai];
            Attr a = attrs.get(ai);
            if (owner != null) {
                owner.attrs.add(a);
            }
        }
    }

    private static boolean isDose(Kind k) {
        return k == Kind.STRENGTH || k == Kind.DOSE_AMOUNT;
    }

    /** Joins a list of doses: "190 mg, 175 mg, and 196 mg". */
    private static final WordTable LIST_JOINERS = WordTable.setOf(",", "and", "or", "then");
    /** Joins alternative strengths of one drug: "0.5%; 1%", "1% or 2%". */
    private static final WordTable ALTERNATIVES = WordTable.setOf(";", ",", "/", "or");
    /** Closes the phrase of a drug before the next one: "0.5% Marcaine plain and 1% lidocaine". */
    private static final WordTable CLOSERS = WordTable.setOf(",", "and", "or", "with", "plus");

    /** Only commas, "and", "or", "then" between {@code from} and {@code to}, and at least one. */
    private static boolean onlyConnectors(TokenView v, int from, int to) {
        return onlyIn(v, from, to, LIST_JOINERS);
    }

    /** Only a semicolon, comma, slash or "or" (one or two tokens) between {@code from} and {@code to}. */
    private static boolean alternativeConnectors(TokenView v, int from, int to) {
        return to - from <= 2 && onlyIn(v, from, to, ALTERNATIVES);
    }

    /** At least one token between {@code from} and {@code to}, all in {@code words}. */
    private static boolean onlyIn(TokenView v, int from, int to, WordTable words) {
        if (to <= from) {
            return false;
        }
        for (int t = from; t < to; t++) {
            if (!v.in(t, words)) {
                return false;
            }
        }
        return true;
    }

    /** A comma, "and", "or", "with" or "plus" between {@code from} and {@code to}: the phrase before is closed. */
    private static boolean connectorBetween(TokenView v, int from, int to) {
        for (int t = Math.max(from, 0); t < to; t++) {
            if (v.in(t, CLOSERS)) {
                return true;
            }
        }
        return false;
    }

    /** Tokens between {@code from} and {@code to}, not counting "of", "the", "on". */
    private static int gap(TokenView v, int from, int to) {
        int g = 0;
        for (int t = from; t < to; t++) {
            if (!(v.is(t, "of") || v.is(t, "the") || v.is(t, "on"))) {
                g++;
            }
        }
        return g;
    }

    private static boolean punctBetween(TokenView v, int from, int to) {
        for (int t = from; t < to; t++) {
            byte k = v.kind(t);
            if (k == TokenKind.PUNCT || k == TokenKind.SYMBOL) {
                return true;
            }
        }
        return false;
    }

    /** A list item starts between: a line starting with a bullet or number, or a semicolon. */
    private static boolean listBreak(TokenView v, int from, int to) {
        for (int t = Math.max(from, 0); t < to; t++) {
            if (v.isChar(t, ';')) {
                return true;
            }
            if (v.newline(t) && (v.isChar(t, '-') || v.isChar(t, '*') || v.isChar(t, '\u2022')
                    || (v.kind(t) == TokenKind.NUMBER && (v.isChar(t + 1, '.') || v.isChar(t + 1, ')'))))) {
                return true;
            }
        }
        return false;
    }

    private static Attr attribute(TokenView v, SigScanner sc, int first, int end) {
        int start = v.start(first);
        int stop = v.end(end - 1);
        Quantity q1 = null;
        Quantity q2 = null;
        CodedText coded = null;
        Timing timing = null;
        String norm;
        switch (sc.kind) {
            case STRENGTH:
            case DOSE_AMOUNT:
            case DURATION:
                q1 = new Quantity(sc.amount, sc.unit, sc.ucum);
                if (!Double.isNaN(sc.perAmount)) {
                    q2 = new Quantity(sc.perAmount, sc.perUnit, sc.perUcum);
                }
                norm = Quantity.format(sc.amount) + (Double.isNaN(sc.amountHigh) ? ""
                        : "-" + Quantity.format(sc.amountHigh)) + (sc.unit.isEmpty() ? "" : " " + sc.unit)
                        + (q2 == null ? "" : "/" + q2);
                break;
            case FREQUENCY:
                timing = new Timing(sc.frequency, sc.frequencyMax, sc.period, sc.periodMax, sc.periodUnit,
                        sc.when.isEmpty() ? List.of() : List.of(sc.when));
                norm = timingText(timing);
                break;
            case ROUTE:
            case FORM:
                coded = new CodedText(sc.text, sc.code);
                norm = sc.text;
                break;
            default:
                norm = sc.text;
        }
        return new Attr(sc.kind, first, end, new MedicationAttribute(sc.kind, start, stop, norm), q1, q2, coded,
                timing, sc.text);
    }

    /** {@code 2/1 d}, {@code 1/4-6 h}, {@code HS}, {@code 1/1 d HS}. */
    static String timingText(Timing t) {
        StringBuilder b = new StringBuilder();
        if (t.frequency() > 0) {
            b.append(t.frequency());
            if (t.frequencyMax() > 0) {
                b.append('-').append(t.frequencyMax());
            }
            b.append('/').append(Quantity.format(t.period()));
            if (t.periodMax() > 0) {
                b.append('-').append(Quantity.format(t.periodMax()));
            }
            b.append(' ').append(t.periodUnit());
        }
        for (String w : t.when()) {
            b.append(b.length() == 0 ? "" : " ").append(w);
        }
        return b.toString();
    }

    private static Medication build(Drug d) {
        List<MedicationAttribute> list = new ArrayList<>(d.attrs.size());
        Quantity strength = null;
        Quantity per = null;
        Quantity dose = null;
        CodedText route = null;
        CodedText form = null;
        Quantity duration = null;
        boolean prn = false;
        String reason = "";
        String status = "";
        int freq = 0;
        int freqMax = 0;
        double period = 0;
        double periodMax = 0;
        String unit = "";
        List<String> when = new ArrayList<>(1);
        boolean timed = false;
        d.attrs.sort((x, y) -> Integer.compare(x.first, y.first));
        for (Attr a : d.attrs) {
            list.add(a.attribute);
            switch (a.kind) {
                case STRENGTH:
                    if (strength == null) {
                        strength = a.q1;
                        per = a.q2;
                    }
                    break;
                case DOSE_AMOUNT:
                    if (dose == null) {
                        dose = a.q1;
                    }
                    break;
                case DURATION:
                    if (duration == null) {
                        duration = a.q1;
                    }
                    break;
                case ROUTE:
                    if (route == null) {
                        route = a.coded;
                    }
                    break;
                case FORM:
                    if (form == null) {
                        form = a.coded;
                    }
                    break;
                case FREQUENCY:
                    timed = true;
                    Timing t = a.timing;
                    if (freq == 0 && t.frequency() > 0) {
                        freq = t.frequency();
                        freqMax = t.frequencyMax();
                        period = t.period();
                        periodMax = t.periodMax();
                        unit = t.periodUnit();
                    }
                    for (String w : t.when()) {
                        if (!when.contains(w)) {
                            when.add(w);
                        }
                    }
                    break;
                case PRN:
                    prn = true;
                    if (reason.isEmpty()) {
                        reason = a.text;
                    }
                    break;
                case STATUS:
                    if (status.isEmpty()) {
                        status = a.text;
                    }
                    break;
                default:
                    break;
            }
        }
        if (form == null && dose != null && (dose.unit().equals("tablet") || dose.unit().equals("capsule"))) {
            // "1 tablet" names the form too
            form = CodedText.of(dose.unit());
        }
        Timing timing = timed ? new Timing(freq, freqMax, period, periodMax, unit, when) : null;
        return new Medication(d.mention, d.aliases, list, strength, per, dose, route, form, timing, duration, prn,
                reason, status);
    }
}
