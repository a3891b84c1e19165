/**
 * HL7 v2 (ER7, versions 2.3 to 2.8) reader: {@link org.medsift.io.hl7v2.Hl7v2Reader} turns a file of one or more
 * messages (batches with FHS/BHS, MLLP framing characters, any segment terminator) into a
 * {@link org.medsift.core.record.ReadResult}: patients (PID), visits (PV1), reports (OBR), results (OBX of value
 * types NM, SN, ST, CE/CWE, DT/TS/DTM ...), medication orders (RXO / RXE), administrations (RXA: Immunization when
 * coded in CVX), diagnoses (DG1), allergies (AL1), procedures (PR1), and notes: TX / FT / ED (text) OBX values of one
 * OBR (or of one MDM message) assembled into one {@link org.medsift.core.record.RecordText} whose
 * {@link org.medsift.core.record.TextPiece pieces} name the OBX segment of every range.
 *
 * <p>Text offsets are char offsets into the decoded text: escape sequences resolved ({@code \F\ \S\ \T\ \R\ \E\},
 * {@code \Xhh..\}, {@code \.br\} to a line break, {@code \H\ \N\} removed). Source ranges ({@code SourceRef.start /
 * end}) are char offsets of the segment in the decoded file. Problem codes {@code HL7V2-*} are listed in
 * docs/problems.md. Readers are immutable and thread-safe.
 */
package org.medsift.io.hl7v2;
