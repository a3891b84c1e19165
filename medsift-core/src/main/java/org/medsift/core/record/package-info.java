/**
 * What format readers ({@code medsift-io-*}) return: structured entries, patients and texts, each with its
 * provenance, plus the problems found while reading.
 *
 * <p>A {@link org.medsift.core.record.SourceRef} names where something came from: the source file, a path inside it
 * (an HL7 v2 segment and field such as {@code MSH-10=MSG1/OBX[3]-5}, an XPath, a FHIR resource path) and, where
 * known, a half-open UTF-16 char range in that file. A {@link org.medsift.core.record.RecordText} is a decoded text
 * (escape sequences resolved, base64 decoded, HTML and XML markup removed); offsets of findings in it are char
 * offsets into {@link org.medsift.core.record.RecordText#content()}, and its
 * {@link org.medsift.core.record.RecordText#pieces() pieces} say which part of the source each decoded range came
 * from. Records are immutable; readers are thread-safe unless they say otherwise.
 */
package org.medsift.core.record;
