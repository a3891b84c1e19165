package org.medsift.core.record;

import java.util.List;
import org.medsift.core.text.Text;

/**
 * A free text found in a record (an OBX / MDM note, a DocumentReference attachment, a C-CDA section narrative),
 * decoded to plain text.
 *
 * @param id          a stable id for outputs and problems (file and path based; no patient data)
 * @param content     the decoded text; finding offsets are UTF-16 char offsets into it
 * @param patientKey  the patient it belongs to ({@link PatientInfo#key()}), or empty when not known
 * @param title       a short title (section title, document type), possibly empty
 * @param date        the document date as written in the source (ISO or HL7 DTM), possibly empty
 * @param source      where the whole text came from
 * @param pieces      decoded ranges and their sources, in order; may be empty when the text is one piece
 */
public record RecordText(String id, String content, String patientKey, String title, String date,
        SourceRef source, List<TextPiece> pieces) {
    public RecordText {
        if (id == null || content == null || source == null) {
            throw new IllegalArgumentException("id, content and source are required");
        }
        patientKey = patientKey == null ? "" : patientKey;
        title = title == null ? "" : title;
        date = date == null ? "" : date;
        pieces = List.copyOf(pieces == null ? List.of() : pieces);
        for (TextPiece p : pieces) {
            if (p.end() > content.length()) {
                throw new IllegalArgumentException("piece [" + p.start() + ", " + p.end() + ") beyond text length "
                        + content.length());
            }
        }
    }

    /** The text as a {@link Text} for extraction. */
    public Text toText() {
        return Text.of(id, content);
    }
}
