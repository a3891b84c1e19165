package org.medsift.core.record;

import java.util.List;
import org.medsift.core.problem.Problem;

/**
 * What a reader got from one input: patients, structured entries, texts and problems. A reader returns a result
 * even for bad input (with problems); it throws only on bugs.
 *
 * @param format   the format read ({@code hl7v2}, {@code fhir}, {@code ccda} ...)
 * @param file     the input's name as given to the reader
 * @param units    messages, documents or resources read (for throughput)
 * @param patients patients, in order of first appearance
 * @param entries  structured entries
 * @param texts    free texts to run extraction on
 * @param problems problems found, in order
 */
public record ReadResult(String format, String file, int units, List<PatientInfo> patients,
        List<ClinicalEntry> entries, List<RecordText> texts, List<Problem> problems) {
    public ReadResult {
        if (format == null || file == null) {
            throw new IllegalArgumentException("format and file are required");
        }
        patients = List.copyOf(patients);
        entries = List.copyOf(entries);
        texts = List.copyOf(texts);
        problems = List.copyOf(problems);
    }
}
