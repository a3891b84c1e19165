package org.medsift.app.ingest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.codesystems.V3ActCode;
import org.medsift.core.model.Code;
import org.medsift.core.record.ClinicalEntry;
import org.medsift.core.record.PatientInfo;
import org.medsift.core.record.SourceRef;

/**
 * Maps structured entries and patients read from HL7 v2 and C-CDA to FHIR R4 resources. Ids are name-based UUIDs
 * of the entry id, so the same input gives the same resources. Unparsable values stay as {@code valueString};
 * dates that do not parse are left out (the raw value is still in the source named by {@code meta.source}).
 */
public final class RecordResources {
    private static final Set<String> INTERPRETATIONS = Set.of("L", "H", "LL", "HH", "N", "A", "AA", "<", ">", "S",
            "R", "I", "U", "D", "B", "W", "HU", "LU", "POS", "NEG", "IND", "DET", "ND", "NR", "RR");
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private RecordResources() {
    }

    /** A name-based UUID of a key. */
    public static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** {@code meta.source} for a source: the percent-encoded {@code file#path}. */
    static String metaSource(SourceRef s) {
        return "urn:medsift:source:" + URLEncoder.encode(s.file() + "#" + s.path(), StandardCharsets.UTF_8);
    }

    /** The Patient of a patient read from a record (identifier, name, gender, birth date as the source says). */
    public static Patient patient(PatientInfo p) {
        Patient r = new Patient();
        r.setId(uuid("patient:" + p.key()));
        r.getMeta().setSource(metaSource(p.source()));
        if (!p.identifier().isEmpty()) {
            var id = r.addIdentifier().setValue(p.identifier());
            String sys = p.identifierSystem();
            if (sys.startsWith("urn:") || sys.startsWith("http")) {
                id.setSystem(sys);
            } else if (sys.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
                id.setSystem("urn:oid:" + sys);
            } else if (!sys.isEmpty()) {
                id.getAssigner().setDisplay(sys);
            }
        }
        if (!p.family().isEmpty() || !p.given().isEmpty()) {
            var n = r.addName();
            if (!p.family().isEmpty()) {
                n.setFamily(p.family());
            }
            for (String g : p.given().split(" ")) {
                if (!g.isBlank()) {
                    n.addGiven(g);
                }
            }
        }
        if (!p.gender().isEmpty()) {
            r.setGender(Enumerations.AdministrativeGender.fromCode(p.gender()));
        }
        String birth = FhirTimes.dateTime(p.birthDate());
        if (!birth.isEmpty()) {
            try {
                r.getBirthDateElement().setValueAsString(birth.length() > 10 ? birth.substring(0, 10) : birth);
            } catch (ca.uhn.fhir.parser.DataFormatException e) {
                r.setBirthDateElement(null); // left out; the raw value stays in the source
            }
        }
        narrative(r, "Patient read from a record");
        return r;
    }

    /**
     * The resource of one entry.
     *
     * @param e        the entry
     * @param subject  reference to the patient (a fullUrl)
     * @param children fullUrls of the Observations grouped by this entry (for a report), possibly empty
     */
    public static Resource map(ClinicalEntry e, String subject, List<String> children) {
        org.hl7.fhir.r4.model.DomainResource r = switch (e.kind()) {
            case OBSERVATION -> observation(e, subject);
            case REPORT -> report(e, subject, children);
            case ENCOUNTER -> encounter(e, subject);
            case CONDITION -> condition(e, subject);
            case ALLERGY -> allergy(e, subject);
            case MEDICATION_ORDER -> medicationRequest(e, subject);
            case MEDICATION_STATEMENT -> medicationStatement(e, subject);
            case IMMUNIZATION -> immunization(e, subject);
            case PROCEDURE -> procedure(e, subject);
        };
        r.setId(uuid("entry:" + e.id()));
        r.getMeta().setSource(metaSource(e.source()));
        narrative(r, e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " read from a record"
                + (e.text().isEmpty() ? "" : ": " + e.text()));
        return r;
    }

    static CodeableConcept concept(List<Code> codes, String text, String fallback) {
        CodeableConcept cc = new CodeableConcept();
        for (Code c : codes) {
            Coding coding = cc.addCoding().setSystem(c.system()).setCode(c.code().trim());
            if (!c.display().isBlank()) {
                coding.setDisplay(c.display());
            }
        }
        if (!text.isBlank()) {
            cc.setText(text);
        } else if (codes.isEmpty()) {
            cc.setText(fallback);
        }
        return cc;
    }

    private static Observation observation(ClinicalEntry e, String subject) {
        Observation o = new Observation();
        o.setStatus(switch (e.status().toUpperCase(Locale.ROOT)) {
            case "F", "COMPLETED", "FINAL" -> Observation.ObservationStatus.FINAL;
            case "C" -> Observation.ObservationStatus.CORRECTED;
            case "P", "R", "S", "ACTIVE" -> Observation.ObservationStatus.PRELIMINARY;
            case "X" -> Observation.ObservationStatus.CANCELLED;
            case "D", "W" -> Observation.ObservationStatus.ENTEREDINERROR;
            case "I" -> Observation.ObservationStatus.REGISTERED;
            default -> Observation.ObservationStatus.UNKNOWN;
        });
        o.setCode(concept(e.codes(), e.text(), "observation without a code in the source"));
        o.setSubject(new Reference(subject));
        if (e.numeric().isPresent()) {
            Quantity q = new Quantity().setValue(e.numeric().getAsDouble());
            if (!e.unit().isBlank()) {
                q.setUnit(e.unit());
            }
            o.setValue(q);
        } else if (!e.valueCodes().isEmpty()) {
            o.setValue(concept(e.valueCodes(), "", ""));
        } else if (!e.value().isBlank()) {
            o.setValue(new StringType(e.value() + (e.unit().isBlank() ? "" : " " + e.unit())));
        }
        if (!e.referenceRange().isBlank()) {
            o.addReferenceRange().setText(e.referenceRange());
        }
        for (String f : e.interpretation().split(",")) {
            String t = f.trim();
            if (INTERPRETATIONS.contains(t.toUpperCase(Locale.ROOT))) {
                o.addInterpretation().addCoding().setSystem(INTERPRETATION).setCode(t.toUpperCase(Locale.ROOT));
            } else if (!t.isEmpty()) {
                o.addInterpretation().setText(t);
            }
        }
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            o.setEffective(dateTime(when));
        }
        return o;
    }

    private static DiagnosticReport report(ClinicalEntry e, String subject, List<String> children) {
        DiagnosticReport d = new DiagnosticReport();
        d.setStatus(switch (e.status().toUpperCase(Locale.ROOT)) {
            case "F" -> DiagnosticReport.DiagnosticReportStatus.FINAL;
            case "P", "R", "S" -> DiagnosticReport.DiagnosticReportStatus.PRELIMINARY;
            case "C" -> DiagnosticReport.DiagnosticReportStatus.CORRECTED;
            case "X" -> DiagnosticReport.DiagnosticReportStatus.CANCELLED;
            case "I" -> DiagnosticReport.DiagnosticReportStatus.REGISTERED;
            default -> DiagnosticReport.DiagnosticReportStatus.UNKNOWN;
        });
        d.setCode(concept(e.codes(), e.text(), "report without a code in the source"));
        d.setSubject(new Reference(subject));
        children.forEach(c -> d.addResult(new Reference(c)));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            d.setEffective(dateTime(when));
        }
        return d;
    }

    private static Encounter encounter(ClinicalEntry e, String subject) {
        Encounter enc = new Encounter();
        enc.setStatus(e.status().equals("finished") ? Encounter.EncounterStatus.FINISHED
                : Encounter.EncounterStatus.UNKNOWN);
        V3ActCode cls = switch (e.value().toUpperCase(Locale.ROOT)) {
            case "I" -> V3ActCode.IMP;
            case "O" -> V3ActCode.AMB;
            case "E" -> V3ActCode.EMER;
            case "P" -> V3ActCode.PRENC;
            default -> null;
        };
        if (cls != null) {
            enc.setClass_(new Coding(cls.getSystem(), cls.toCode(), cls.getDisplay()));
        } else {
            enc.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "UNK", "unknown"));
        }
        if (!e.codes().isEmpty()) {
            enc.addType(concept(e.codes(), e.text(), ""));
        }
        enc.setSubject(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            enc.getPeriod().setStartElement(dateTime(when));
        }
        return enc;
    }

    private static Condition condition(ClinicalEntry e, String subject) {
        Condition c = new Condition();
        c.setCode(concept(e.codes(), e.text(), "condition without a code in the source"));
        c.setSubject(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            c.setOnset(dateTime(when));
        }
        return c;
    }

    private static AllergyIntolerance allergy(ClinicalEntry e, String subject) {
        AllergyIntolerance a = new AllergyIntolerance();
        a.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical")
                .setCode("active");
        a.setCode(concept(e.codes(), e.text(), "substance not coded in the source"));
        a.setPatient(new Reference(subject));
        return a;
    }

    private static MedicationRequest medicationRequest(ClinicalEntry e, String subject) {
        MedicationRequest m = new MedicationRequest();
        m.setStatus(MedicationRequest.MedicationRequestStatus.UNKNOWN);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setMedication(concept(e.codes(), e.text(), "medication not coded in the source"));
        m.setSubject(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            m.setAuthoredOnElement(dateTime(when));
        }
        return m;
    }

    private static MedicationStatement medicationStatement(ClinicalEntry e, String subject) {
        MedicationStatement m = new MedicationStatement();
        m.setStatus(switch (e.status().toLowerCase(Locale.ROOT)) {
            case "completed", "cp" -> MedicationStatement.MedicationStatementStatus.COMPLETED;
            case "active" -> MedicationStatement.MedicationStatementStatus.ACTIVE;
            case "re", "na" -> MedicationStatement.MedicationStatementStatus.NOTTAKEN;
            default -> MedicationStatement.MedicationStatementStatus.UNKNOWN;
        });
        m.setMedication(concept(e.codes(), e.text(), "medication not coded in the source"));
        m.setSubject(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            m.setEffective(dateTime(when));
        }
        return m;
    }

    private static Immunization immunization(ClinicalEntry e, String subject) {
        Immunization im = new Immunization();
        String st = e.status().toUpperCase(Locale.ROOT);
        im.setStatus(st.equals("RE") || st.equals("NA") || st.equals("NOT-DONE")
                ? Immunization.ImmunizationStatus.NOTDONE : Immunization.ImmunizationStatus.COMPLETED);
        im.setVaccineCode(concept(e.codes(), e.text(), "vaccine not coded in the source"));
        im.setPatient(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty() && dateTime(when) != null) {
            im.setOccurrence(dateTime(when));
        } else {
            im.setOccurrence(new StringType("not stated in the source"));
        }
        return im;
    }

    private static Procedure procedure(ClinicalEntry e, String subject) {
        Procedure p = new Procedure();
        p.setStatus(switch (e.status().toLowerCase(Locale.ROOT)) {
            case "active" -> Procedure.ProcedureStatus.INPROGRESS;
            case "cancelled", "aborted" -> Procedure.ProcedureStatus.STOPPED;
            case "new" -> Procedure.ProcedureStatus.PREPARATION;
            case "", "completed" -> Procedure.ProcedureStatus.COMPLETED;
            default -> Procedure.ProcedureStatus.UNKNOWN;
        });
        p.setCode(concept(e.codes(), e.text(), "procedure not coded in the source"));
        p.setSubject(new Reference(subject));
        String when = FhirTimes.dateTime(e.effective());
        if (!when.isEmpty()) {
            p.setPerformed(dateTime(when));
        }
        return p;
    }

    /** A DateTimeType, or null when HAPI refuses the value (it is then left out). */
    private static DateTimeType dateTime(String when) {
        try {
            return new DateTimeType(when);
        } catch (ca.uhn.fhir.parser.DataFormatException e) {
            return null;
        }
    }

    private static void narrative(org.hl7.fhir.r4.model.DomainResource r, String line) {
        r.getText().setStatus(Narrative.NarrativeStatus.GENERATED);
        r.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(line) + "</div>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
