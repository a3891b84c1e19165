package org.medsift.vocab.umls;

/**
 * One row of an RRF concept-names file: {@code MRCONSO.RRF} of the UMLS or {@code RXNCONSO.RRF} of RxNorm, which
 * share the 18-column layout {@code CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|
 * SUPPRESS|CVF|} (RxNorm: RXCUI, RXAUI for CUI, AUI). Only the columns importers use are kept.
 *
 * @param cui      concept id (CUI or RXCUI)
 * @param lat      language ({@code ENG})
 * @param ts       term status ({@code P} preferred LUI of the CUI)
 * @param stt      string type ({@code PF} preferred form of the term)
 * @param ispref   {@code Y} when the atom is the preferred atom of its string
 * @param sab      source abbreviation ({@code SNOMEDCT_US}, {@code RXNORM})
 * @param tty      term type in the source ({@code PT}, {@code SY}, {@code AB}, {@code BN})
 * @param code     the source's code ({@code NOCODE} when none)
 * @param str      the string
 * @param suppress {@code N} (not suppressible), {@code O} (obsolete), {@code E} (editor-suppressed),
 *                 {@code Y} (suppressible term type)
 * @param line     line number in the file (1-based)
 */
public record ConsoRow(String cui, String lat, String ts, String stt, String ispref, String sab, String tty,
        String code, String str, String suppress, int line) {
    /** Number of fields of a row (not counting the empty field after the trailing bar). */
    public static final int FIELDS = 18;

    /** Whether this row is the preferred name of its concept in the UMLS sense (TS=P, STT=PF, ISPREF=Y). */
    public boolean preferred() {
        return "P".equals(ts) && "PF".equals(stt) && "Y".equals(ispref);
    }

    static ConsoRow of(String[] f, int line) {
        return new ConsoRow(f[0], f[1], f[2], f[4], f[6], f[11], f[12], f[13], f[14], f[16], line);
    }
}
