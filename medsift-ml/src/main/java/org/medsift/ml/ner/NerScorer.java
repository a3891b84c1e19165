package org.medsift.ml.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medsift.ml.corpus.EntitySpan;

/**
 * Entity scores per type. Exact: a predicted span is right when a gold span has the same start, end and type.
 * Overlap: a predicted span is right when it shares a char with a gold span of its type (precision), and a gold
 * span is found when a predicted span of its type shares a char with it (recall). Not thread-safe.
 */
public final class NerScorer {
    /** Counts of one type. */
    public static final class Counts {
        int gold;
        int predicted;
        int exact;
        int overlapPredicted;
        int overlapGold;

        public int gold() {
            return gold;
        }

        public int predicted() {
            return predicted;
        }

        public double exactPrecision() {
            return ratio(exact, predicted);
        }

        public double exactRecall() {
            return ratio(exact, gold);
        }

        public double exactF1() {
            return f1(exactPrecision(), exactRecall());
        }

        public double overlapPrecision() {
            return ratio(overlapPredicted, predicted);
        }

        public double overlapRecall() {
            return ratio(overlapGold, gold);
        }

        public double overlapF1() {
            return f1(overlapPrecision(), overlapRecall());
        }

        void add(Counts o) {
            gold += o.gold;
            predicted += o.predicted;
            exact += o.exact;
            overlapPredicted += o.overlapPredicted;
            overlapGold += o.overlapGold;
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : a / (double) b;
        }

        private static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> byType = new TreeMap<>();
    private final List<String> errors = new ArrayList<>();
    private int documents;

    /** Adds one document's gold and predicted spans; {@code text} is used for the error list. */
    public void add(String docId, String text, List<EntitySpan> gold, List<EntitySpan> predicted) {
        documents++;
        for (EntitySpan g : gold) {
            Counts c = counts(g.type());
            c.gold++;
            boolean exact = false;
            boolean overlap = false;
            for (EntitySpan p : predicted) {
                if (p.type().equals(g.type())) {
                    exact |= p.start() == g.start() && p.end() == g.end();
                    overlap |= p.overlaps(g);
                }
            }
            if (exact) {
                c.exact++;
            }
            if (overlap) {
                c.overlapGold++;
            }
            if (!exact) {
                errors.add(docId + "\tFN\t" + g.type() + "\t" + g.start() + "\t" + g.end() + "\t"
                        + flat(text.substring(g.start(), g.end())));
            }
        }
        for (EntitySpan p : predicted) {
            Counts c = counts(p.type());
            c.predicted++;
            boolean exact = false;
            boolean overlap = false;
            for (EntitySpan g : gold) {
                if (p.type().equals(g.type())) {
                    exact |= p.start() == g.start() && p.end() == g.end();
                    overlap |= p.overlaps(g);
                }
            }
            if (overlap) {
                c.overlapPredicted++;
            }
            if (!exact) {
                errors.add(docId + "\tFP\t" + p.type() + "\t" + p.start() + "\t" + p.end() + "\t"
                        + flat(text.substring(p.start(), p.end())));
            }
        }
    }

    private Counts counts(String type) {
        return byType.computeIfAbsent(type, t -> new Counts());
    }

    /** Counts per type, by type name. */
    public Map<String, Counts> byType() {
        return byType;
    }

    /** The sum over all types (micro average). */
    public Counts total() {
        Counts t = new Counts();
        byType.values().forEach(t::add);
        return t;
    }

    public int documents() {
        return documents;
    }

    /** Errors, one per line: {@code doc<TAB>FN|FP<TAB>type<TAB>start<TAB>end<TAB>text}. */
    public List<String> errors() {
        return errors;
    }

    /** A table: one row per type and one for all, exact and overlap P / R / F1 and the counts. */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-14s %6s %6s   %6s %6s %6s   %6s %6s %6s%n", "type", "gold", "pred",
                "P", "R", "F1", "ovl P", "ovl R", "ovl F1"));
        for (Map.Entry<String, Counts> e : byType.entrySet()) {
            row(b, e.getKey(), e.getValue());
        }
        if (byType.size() > 1) {
            row(b, "(all)", total());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Counts c) {
        b.append(String.format(Locale.ROOT, "%-14s %6d %6d   %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f%n", name, c.gold,
                c.predicted, c.exactPrecision(), c.exactRecall(), c.exactF1(), c.overlapPrecision(),
                c.overlapRecall(), c.overlapF1()));
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
