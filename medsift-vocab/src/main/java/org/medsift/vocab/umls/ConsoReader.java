package org.medsift.vocab.umls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.medsift.core.problem.ProblemSink;
import org.medsift.vocab.load.ImportReport;
import org.medsift.vocab.load.LineReader;

/**
 * Streams an RRF concept-names file ({@code MRCONSO.RRF}, {@code RXNCONSO.RRF}) as groups of rows of one concept.
 * Release files are sorted by concept id, so a group is a run of rows with the same id; a concept whose rows are
 * not contiguous arrives as several groups. Rows with the wrong number of fields or an empty id or string are
 * reported ({@code <prefix>-0001}, {@code <prefix>-0003}) and skipped; lines that are not UTF-8 too
 * ({@code <prefix>-0002}).
 */
public final class ConsoReader {
    private final String problemPrefix;

    /** @param problemPrefix problem code prefix ({@code VOCAB-UMLS}, {@code VOCAB-RXNORM}) */
    public ConsoReader(String problemPrefix) {
        this.problemPrefix = problemPrefix;
    }

    /**
     * Reads the file and hands each concept's rows to {@code sink} (the list is reused: copy what you keep).
     *
     * @param progress called with the number of rows read every million rows; may be {@code null}
     */
    public void read(Path file, ProblemSink problems, ImportReport report, Consumer<List<ConsoRow>> sink,
            LongConsumer progress) throws IOException {
        List<ConsoRow> group = new ArrayList<>();
        try (LineReader in = new LineReader(file, problems, problemPrefix + "-0002", report)) {
            String line;
            while ((line = in.next()) != null) {
                report.row();
                if (progress != null && report.rows() % 1_000_000 == 0) {
                    progress.accept(report.rows());
                }
                if (line.isEmpty()) {
                    in.report("empty line; expected " + ConsoRow.FIELDS + " bar-separated fields", line,
                            problemPrefix + "-0001");
                    continue;
                }
                String[] f = LineReader.split(line, '|');
                if (f.length != ConsoRow.FIELDS) {
                    in.report("found " + f.length + " bar-separated fields, expected " + ConsoRow.FIELDS
                            + " (CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF)",
                            line, problemPrefix + "-0001");
                    continue;
                }
                if (f[0].isBlank() || f[14].isBlank()) {
                    in.report((f[0].isBlank() ? "concept id (field 1)" : "STR (field 15)")
                            + " is empty; expected a value", line, problemPrefix + "-0003");
                    continue;
                }
                ConsoRow row = ConsoRow.of(f, in.lineNumber());
                if (!group.isEmpty() && !group.get(0).cui().equals(row.cui())) {
                    sink.accept(group);
                    group.clear();
                }
                group.add(row);
            }
        }
        if (!group.isEmpty()) {
            sink.accept(group);
        }
    }
}
