package org.medsift.deid;

import java.util.List;
import java.util.Objects;
import org.medsift.core.text.Text;

/**
 * Detects and transforms PHI: returns a new {@link Text} plus an {@link OffsetMap} between output and input, and
 * never changes the input.
 *
 * <ul>
 *   <li>{@link DeidMode#REDACT}: each identifier becomes its type tag ({@code [NAME]}, {@code [DATE]}, ...).</li>
 *   <li>{@link DeidMode#SURROGATE}: names become listed names of the same case shape (each word keyed on the
 *       original word, so "Ocasio" is the same surrogate in every document of the patient); dates move by a
 *       per-patient shift of 1 to 365 days back, kept in their format, so intervals within a patient are kept;
 *       phone numbers end in 555-01xx (reserved for fiction); ids, ZIPs and rooms keep their shape with keyed
 *       digits and letters; e-mails, URLs and IPs become example.org and 192.0.2.x (documentation ranges);
 *       ages of 90 and over become "90+".</li>
 * </ul>
 * Surrogates are derived with HMAC-SHA256 from the {@link DeidKey}, the patient id and the original value: the
 * same key links a patient's documents, another key gives unrelated surrogates. Immutable and thread-safe.
 */
public final class Deidentifier {
    private final PhiDetector detector;
    private final DeidMode mode;
    private final Surrogates surrogates;

    private Deidentifier(PhiDetector detector, DeidMode mode, DeidKey key) {
        this.detector = Objects.requireNonNull(detector, "detector");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.surrogates = mode == DeidMode.SURROGATE ? new Surrogates(Objects.requireNonNull(key, "key"),
                WordLexicon.get()) : null;
    }

    /** Redacts with type tags. */
    public static Deidentifier redacting(PhiDetector detector) {
        return new Deidentifier(detector, DeidMode.REDACT, null);
    }

    /** Replaces with surrogates keyed by {@code key}. */
    public static Deidentifier surrogating(PhiDetector detector, DeidKey key) {
        return new Deidentifier(detector, DeidMode.SURROGATE, key);
    }

    public DeidMode mode() {
        return mode;
    }

    /** The result of de-identifying one text: the new text, the offset map, and the spans found in the input. */
    public record Result(Text text, OffsetMap offsets, List<PhiSpan> spans) {
    }

    /**
     * De-identifies one document.
     *
     * @param patientId groups documents for consistent surrogates (for example the file name, or an id read from
     *                  it); never written to outputs
     */
    public Result deidentify(Text input, String patientId) {
        List<PhiSpan> spans = detector.detect(input.content());
        return apply(input, spans, patientId);
    }

    /** Applies the transformation to given spans (sorted, non-overlapping, as {@link PhiDetector#detect} returns). */
    public Result apply(Text input, List<PhiSpan> spans, String patientId) {
        String s = input.content();
        StringBuilder out = new StringBuilder(s.length() + spans.size() * 4);
        OffsetMap.Builder map = new OffsetMap.Builder();
        int last = 0;
        for (PhiSpan span : spans) {
            out.append(s, last, span.start());
            String original = s.substring(span.start(), span.end());
            String rep = mode == DeidMode.REDACT ? "[" + span.type().name() + "]"
                    : surrogates.replace(patientId, span, original);
            int os = out.length();
            out.append(rep);
            map.add(span.start(), span.end(), os, out.length());
            last = span.end();
        }
        out.append(s, last, s.length());
        return new Result(Text.of(input.id(), out.toString()), map.build(s.length(), out.length()), spans);
    }
}
