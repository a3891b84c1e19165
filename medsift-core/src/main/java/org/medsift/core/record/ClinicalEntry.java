package org.medsift.core.record;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.medsift.core.model.Code;

/**
 * One structured entry read from a record, kept as the source states it; nothing is normalized beyond decoding.
 *
 * @param kind           what it is
 * @param id             a stable id within the read (file and path based)
 * @param patientKey     the patient ({@link PatientInfo#key()}), or empty when not known
 * @param codes          the codes of the entry (test, problem, drug, vaccine), possibly empty
 * @param text           the code's text or the original display, possibly empty
 * @param status         the source's status word (HL7 OBX-11, C-CDA statusCode), possibly empty
 * @param valueType      the value's type (HL7 OBX-2, C-CDA xsi:type), possibly empty
 * @param value          the raw value as written, possibly empty; kept even when it does not parse
 * @param numeric        the value as a number when it is one
 * @param unit           the unit as written (UCUM when the source says so), possibly empty
 * @param valueCodes     a coded value (CE / CWE, C-CDA CD), possibly empty
 * @param referenceRange the reference range as written, possibly empty
 * @param interpretation abnormal flags / interpretation codes as written, possibly empty
 * @param effective      the clinically relevant time as written (HL7 DTM or ISO), possibly empty
 * @param parentId       the id of the entry that groups this one (an OBR report), or empty
 * @param source         where it was read
 */
public record ClinicalEntry(EntryKind kind, String id, String patientKey, List<Code> codes, String text,
        String status, String valueType, String value, OptionalDouble numeric, String unit, List<Code> valueCodes,
        String referenceRange, String interpretation, String effective, String parentId, SourceRef source) {
    public ClinicalEntry {
        if (kind == null || id == null || source == null) {
            throw new IllegalArgumentException("kind, id and source are required");
        }
        patientKey = nz(patientKey);
        codes = List.copyOf(codes == null ? List.of() : codes);
        text = nz(text);
        status = nz(status);
        valueType = nz(valueType);
        value = nz(value);
        numeric = numeric == null ? OptionalDouble.empty() : numeric;
        unit = nz(unit);
        valueCodes = List.copyOf(valueCodes == null ? List.of() : valueCodes);
        referenceRange = nz(referenceRange);
        interpretation = nz(interpretation);
        effective = nz(effective);
        parentId = nz(parentId);
    }

    /** A builder, for readers that fill entries field by field. */
    public static Builder builder(EntryKind kind, String id, SourceRef source) {
        return new Builder(kind, id, source);
    }

    /** The first code, if any. */
    public Optional<Code> findCode() {
        return codes.isEmpty() ? Optional.empty() : Optional.of(codes.get(0));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Fills a {@link ClinicalEntry}; not thread-safe. */
    public static final class Builder {
        private final EntryKind kind;
        private final String id;
        private final SourceRef source;
        private String patientKey = "";
        private List<Code> codes = List.of();
        private String text = "";
        private String status = "";
        private String valueType = "";
        private String value = "";
        private OptionalDouble numeric = OptionalDouble.empty();
        private String unit = "";
        private List<Code> valueCodes = List.of();
        private String referenceRange = "";
        private String interpretation = "";
        private String effective = "";
        private String parentId = "";

        private Builder(EntryKind kind, String id, SourceRef source) {
            this.kind = kind;
            this.id = id;
            this.source = source;
        }

        public Builder patientKey(String v) { patientKey = v; return this; }
        public Builder codes(List<Code> v) { codes = v; return this; }
        public Builder text(String v) { text = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder valueType(String v) { valueType = v; return this; }
        public Builder value(String v) { value = v; return this; }
        public Builder numeric(OptionalDouble v) { numeric = v; return this; }
        public Builder unit(String v) { unit = v; return this; }
        public Builder valueCodes(List<Code> v) { valueCodes = v; return this; }
        public Builder referenceRange(String v) { referenceRange = v; return this; }
        public Builder interpretation(String v) { interpretation = v; return this; }
        public Builder effective(String v) { effective = v; return this; }
        public Builder parentId(String v) { parentId = v; return this; }

        public ClinicalEntry build() {
            return new ClinicalEntry(kind, id, patientKey, codes, text, status, valueType, value, numeric, unit,
                    valueCodes, referenceRange, interpretation, effective, parentId, source);
        }
    }
}
