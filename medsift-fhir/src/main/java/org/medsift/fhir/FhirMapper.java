package org.medsift.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.FamilyMemberHistory;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.Code;
import org.medsift.core.model.CodeSystems;
import org.medsift.core.model.CodedText;
import org.medsift.core.model.ConceptMention;
import org.medsift.core.model.MeasuredValue;
import org.medsift.core.model.Measurement;
import org.medsift.core.model.Medication;
import org.medsift.core.model.SemanticGroup;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Section;
import org.medsift.core.text.SectionType;
import org.medsift.core.text.Text;
import org.medsift.fhir.FhirMapping.Omission;
import org.medsift.fhir.FhirMapping.Reason;

/**
 * Maps one {@link Document} to an R4 {@code collection} {@link Bundle}: a DocumentReference holding the note text,
 * the Patient (when {@linkplain PatientRef#inBundle(String) in the bundle}), and one resource per distinct finding
 * (concept plus assertion; all source ranges kept). docs/fhir-mapping.md holds the table of finding group and
 * assertion to resource; in short:
 * <ul>
 *   <li>DISORDER, FINDING: Condition (negated: refuted; possible: unconfirmed; historical: clinicalStatus
 *       inactive), or FamilyMemberHistory for family findings, one per relative;</li>
 *   <li>DRUG: MedicationStatement; PROCEDURE: Procedure; LAB: Observation without a value;</li>
 *   <li>DRUG or SUBSTANCE in an Allergies section: AllergyIntolerance;</li>
 *   <li>hypothetical and conditional problems, other experiencers and unmapped groups: no resource, listed in
 *       {@link FhirMapping#omissions()}.</li>
 * </ul>
 * Every finding resource carries {@code meta.source}, a subject (or patient) reference and one
 * {@link MedsiftFhir#SOURCE_TEXT_RANGE} extension per source mention. Resource ids are name-based UUIDs of the
 * document id and the finding, so the same document always gives the same bundle; {@code fullUrl}s are
 * {@code urn:uuid:} URIs and references inside the bundle use them.
 *
 * <p>Immutable and thread-safe.
 */
public final class FhirMapper {
    static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String ALLERGY_VERIFICATION =
            "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    static final String UCUM = "http://unitsofmeasure.org";

    private final String metaSource;
    private final Instant timestamp;

    private FhirMapper(Builder b) {
        this.metaSource = b.metaSource;
        this.timestamp = b.timestamp;
    }

    /** A mapper with {@code meta.source} {@code https://medsift.org/medsift} and no bundle timestamp. */
    public static FhirMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bundle of a document, with a Patient that has only an id derived from the document id. */
    public Bundle toBundle(Document doc) {
        return map(doc, PatientRef.inBundle(uuid("Patient", doc.text().id())))
                .bundle();
    }

    /** The bundle of a document about the given patient. */
    public Bundle toBundle(Document doc, PatientRef patient) {
        return map(doc, patient).bundle();
    }

    /**
     * Maps a document; the document's CONCEPTS layer (empty when absent) gives the findings, its SECTIONS layer
     * (optional) tells allergy lists apart.
     */
    public FhirMapping map(Document doc, PatientRef patient) {
        return new Run(doc, patient).run();
    }

    /** Builds a {@link FhirMapper}. */
    public static final class Builder {
        private String metaSource = "https://medsift.org/medsift";
        private Instant timestamp;

        private Builder() {
        }

        /** {@code meta.source} of every resource: a URI naming the system that produced it, e.g. with version. */
        public Builder metaSource(String uri) {
            if (uri == null || uri.isEmpty() || uri.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("metaSource must be a URI without whitespace");
            }
            this.metaSource = uri;
            return this;
        }

        /** {@code Bundle.timestamp}; unset by default so that output is reproducible. */
        public Builder timestamp(Instant timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public FhirMapper build() {
            return new FhirMapper(this);
        }
    }

    /**
     * A TIMEX3 date value as a FHIR {@code date}: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} (a time of
     * day is cut off: FHIR needs a time zone with it, and the note gives none); {@code null} for an empty value or
     * one with unknown digits ({@code XXXX-03-14}).
     */
    static String fhirDate(String value) {
        int n = value.indexOf('T') >= 0 ? value.indexOf('T') : value.length();
        if (n != 4 && n != 7 && n != 10) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean dash = i == 4 || i == 7;
            if (dash ? c != '-' : c < '0' || c > '9') {
                return null;
            }
        }
        return value.substring(0, n);
    }

    /** Name-based (type 3) UUID of a document id and a key, stable across runs. */
    static String uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes(("medsift\u0000" + kind + "\u0000" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** One mapping of one document. */
    private final class Run {
        private final Document doc;
        private final Text text;
        private final PatientRef patient;
        private final List<Section> sections;
        private final Bundle bundle = new Bundle();
        private final List<Omission> omissions = new ArrayList<>();
        private final Map<String, Finding> findings = new LinkedHashMap<>();
        private final Map<String, Family> families = new LinkedHashMap<>();
        private final Map<Integer, Medication> medications = new java.util.HashMap<>();
        private final java.util.Set<Integer> measuredLabs = new java.util.HashSet<>();
        private final List<Measurement> measurements;
        private final List<org.medsift.core.model.TemporalExpression> dates = new ArrayList<>();
        /** Char start and end of each sentence, in order; empty when the document has no sentence layer. */
        private final int[] sentenceChars;
        private final int[] spans;
        private String docRefUrl;
        private String subjectUrl;

        Run(Document doc, PatientRef patient) {
            this.doc = doc;
            this.text = doc.text();
            this.patient = patient;
            this.sections = doc.find(Layers.SECTIONS).orElse(List.of());
            for (Medication m : doc.find(Layers.MEDICATIONS).orElse(List.of())) {
                medications.put(m.drug().start(), m);
            }
            this.measurements = doc.find(Layers.MEASUREMENTS).orElse(List.of());
            for (Measurement m : measurements) {
                if (m.kind() == Measurement.Kind.LAB) {
                    measuredLabs.add(m.nameStart());
                }
            }
            for (org.medsift.core.model.TemporalExpression t : doc.find(Layers.TEMPORALS).orElse(List.of())) {
                if (t.type() == org.medsift.core.model.TemporalExpression.Type.DATE
                        && fhirDate(t.value()) != null) {
                    dates.add(t);
                }
            }
            org.medsift.core.text.SpanTable sentences = doc.find(Layers.SENTENCES).orElse(null);
            org.medsift.core.text.TokenTable tokens = doc.find(Layers.TOKENS).orElse(null);
            if (sentences == null || tokens == null || dates.isEmpty()) {
                sentenceChars = new int[0];
            } else {
                sentenceChars = new int[sentences.size() * 2];
                for (int i = 0; i < sentences.size(); i++) {
                    sentenceChars[2 * i] = tokens.start(sentences.firstToken(i));
                    sentenceChars[2 * i + 1] = tokens.end(sentences.endToken(i) - 1);
                }
            }
            spans = new int[measurements.size() * 2];
            for (int i = 0; i < measurements.size(); i++) {
                spans[2 * i] = measurements.get(i).start();
                spans[2 * i + 1] = measurements.get(i).end();
            }
        }

        FhirMapping run() {
            String docId = text.id();
            bundle.setId(uuid("Bundle", docId));
            bundle.setType(Bundle.BundleType.COLLECTION);
            if (timestamp != null) {
                bundle.setTimestamp(Date.from(timestamp));
            }
            if (patient.isInBundle()) {
                Patient p = new Patient();
                p.setId(patient.id());
                stamp(p);
                narrate(p, "Patient " + patient.id() + " (an id only, no demographics)");
                subjectUrl = "urn:uuid:" + (isUuid(patient.id()) ? patient.id() : uuid("Patient", patient.id()));
                documentReference(docId);
                add(p, subjectUrl);
            } else {
                subjectUrl = patient.reference();
                documentReference(docId);
            }
            for (ConceptMention m : doc.find(Layers.CONCEPTS).orElse(List.of())) {
                route(m);
            }
            for (Finding f : findings.values()) {
                f.finish();
            }
            for (Measurement m : measurements) {
                if (m.kind() == Measurement.Kind.LAB && (m.assertion().negated()
                        || m.assertion().temporality() == Assertion.Temporality.HYPOTHETICAL
                        || m.assertion().experiencer() != Assertion.Experiencer.PATIENT)) {
                    continue;
                }
                measured(m);
            }
            for (Family f : families.values()) {
                f.finish();
            }
            return new FhirMapping(bundle, omissions);
        }

        private void documentReference(String docId) {
            DocumentReference d = new DocumentReference();
            String id = uuid("DocumentReference", docId);
            d.setId(id);
            stamp(d);
            narrate(d, "Clinical note " + docId + ": " + text.length() + " UTF-16 chars of text/plain");
            d.addIdentifier().setSystem(MedsiftFhir.DOCUMENT_ID_SYSTEM).setValue(docId);
            d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
            d.setSubject(new Reference(subjectUrl));
            byte[] bytes = text.content().getBytes(StandardCharsets.UTF_8);
            Attachment a = new Attachment();
            a.setContentType("text/plain");
            a.setData(bytes);
            a.setSize(bytes.length);
            d.addContent().setAttachment(a);
            docRefUrl = "urn:uuid:" + id;
            // the DocumentReference is the first entry: every other resource points to it
            bundle.addEntry().setFullUrl(docRefUrl).setResource(d);
        }

        private void route(ConceptMention m) {
            Assertion a = m.assertion();
            if (a.experiencer() == Assertion.Experiencer.OTHER) {
                omit(m, Reason.OTHER_EXPERIENCER);
                return;
            }
            SemanticGroup g = m.group();
            boolean allergyList = (g == SemanticGroup.DRUG || g == SemanticGroup.SUBSTANCE) && inAllergies(m);
            boolean family = a.experiencer() == Assertion.Experiencer.FAMILY;
            if (family && g != SemanticGroup.DISORDER && g != SemanticGroup.FINDING) {
                omit(m, Reason.FAMILY_NOT_CONDITION);
                return;
            }
            boolean hypothetical = a.temporality() == Assertion.Temporality.HYPOTHETICAL;
            switch (g) {
                case DISORDER:
                case FINDING:
                    if (hypothetical) {
                        omit(m, Reason.HYPOTHETICAL);
                    } else if (a.conditional()) {
                        omit(m, Reason.CONDITIONAL);
                    } else if (family) {
                        if (a.negated()) {
                            omit(m, Reason.NEGATED_FAMILY_HISTORY);
                        } else {
                            family(m);
                        }
                    } else {
                        finding("Condition", m);
                    }
                    break;
                case DRUG:
                case SUBSTANCE:
                    if (allergyList) {
                        if (hypothetical) {
                            omit(m, Reason.HYPOTHETICAL);
                        } else if (a.conditional()) {
                            omit(m, Reason.CONDITIONAL);
                        } else {
                            finding("AllergyIntolerance", m);
                        }
                    } else if (g == SemanticGroup.DRUG) {
                        finding("MedicationStatement", m);
                    } else {
                        omit(m, Reason.UNMAPPED_GROUP);
                    }
                    break;
                case PROCEDURE:
                    finding("Procedure", m);
                    break;
                case LAB:
                    if (measuredLabs.contains(m.start()) && !a.negated() && !hypothetical && !family) {
                        // mapped with its value as its own Observation (measured)
                        break;
                    }
                    if (insideMeasurement(m)) {
                        // a unit or a value read as a test name ("K" of "K/uL"): part of another result
                        omit(m, Reason.PART_OF_MEASUREMENT);
                        break;
                    }
                    if (a.negated()) {
                        omit(m, Reason.NEGATED_LAB);
                    } else if (hypothetical) {
                        omit(m, Reason.HYPOTHETICAL);
                    } else if (a.conditional()) {
                        omit(m, Reason.CONDITIONAL);
                    } else {
                        finding("Observation", m);
                    }
                    break;
                default:
                    omit(m, Reason.UNMAPPED_GROUP);
            }
        }

        private boolean insideMeasurement(ConceptMention m) {
            for (int i = 0; i < spans.length; i += 2) {
                if (m.start() >= spans[i] && m.end() <= spans[i + 1] && m.start() != spans[i]) {
                    return true;
                }
            }
            return false;
        }

        private void omit(ConceptMention m, Reason reason) {
            omissions.add(new Omission(m, reason));
        }

        private boolean inAllergies(ConceptMention m) {
            // sections are in text order and do not overlap: binary search for the one holding m.start
            int lo = 0;
            int hi = sections.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                Section s = sections.get(mid);
                if (s.end() <= m.start()) {
                    lo = mid + 1;
                } else if (s.start() > m.start()) {
                    hi = mid - 1;
                } else {
                    return s.type() == SectionType.ALLERGIES;
                }
            }
            return false;
        }

        private void finding(String kind, ConceptMention m) {
            String key = kind + "\u0000" + m.conceptId() + "\u0000" + assertionKey(m.assertion());
            findings.computeIfAbsent(key, k -> new Finding(kind, m, uuid(kind, text.id() + "\u0000" + k)))
                    .mentions.add(m);
        }

        private void family(ConceptMention m) {
            FamilyRelation r = FamilyRelation.of(m.assertion().cues());
            Family f = families.computeIfAbsent(r.code,
                    c -> new Family(r, uuid("FamilyMemberHistory", text.id() + "\u0000" + c)));
            String key = m.conceptId() + "\u0000" + assertionKey(m.assertion());
            f.conditions.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }

        private void stamp(Resource r) {
            r.getMeta().setSource(metaSource);
        }

        private void add(Resource r, String fullUrl) {
            bundle.addEntry().setFullUrl(fullUrl).setResource(r);
        }

        private Reference subject() {
            return new Reference(subjectUrl);
        }

        private Reference docRef() {
            return new Reference(docRefUrl);
        }

        private void addRanges(Element e, List<ConceptMention> mentions) {
            for (ConceptMention m : mentions) {
                e.addExtension(range(m));
            }
        }

        private void addRanges(DomainResource r, List<ConceptMention> mentions) {
            for (ConceptMention m : mentions) {
                r.addExtension(range(m));
            }
        }

        private Extension range(ConceptMention m) {
            Extension ext = new Extension(MedsiftFhir.SOURCE_TEXT_RANGE);
            ext.addExtension("document", docRef());
            ext.addExtension("start", new IntegerType(m.start()));
            ext.addExtension("end", new IntegerType(m.end()));
            return ext;
        }

        /** One distinct finding resource (concept plus assertion) and the mentions it came from. */
        private final class Finding {
            final String kind;
            final ConceptMention first;
            final String id;
            final List<ConceptMention> mentions = new ArrayList<>();

            Finding(String kind, ConceptMention first, String id) {
                this.kind = kind;
                this.first = first;
                this.id = id;
            }

            void finish() {
                DomainResource r;
                switch (kind) {
                    case "Condition":
                        r = condition(first);
                        break;
                    case "AllergyIntolerance":
                        r = allergy(first);
                        break;
                    case "MedicationStatement":
                        r = medication(first);
                        break;
                    case "Procedure":
                        r = procedure(first);
                        break;
                    case "Observation":
                        r = observation(first);
                        break;
                    default:
                        throw new IllegalStateException("unknown resource kind " + kind);
                }
                r.setId(id);
                stamp(r);
                addRanges(r, mentions);
                add(r, "urn:uuid:" + id);
            }
        }

        /** One relative's FamilyMemberHistory and its conditions. */
        private final class Family {
            final FamilyRelation relation;
            final String id;
            final Map<String, List<ConceptMention>> conditions = new LinkedHashMap<>();

            Family(FamilyRelation relation, String id) {
                this.relation = relation;
                this.id = id;
            }

            void finish() {
                FamilyMemberHistory f = new FamilyMemberHistory();
                f.setId(id);
                stamp(f);
                List<ConceptMention> all = new ArrayList<>();
                for (List<ConceptMention> ms : conditions.values()) {
                    all.addAll(ms);
                }
                all.sort((x, y) -> Integer.compare(x.start(), y.start()));
                addRanges(f, all);
                // partial: a note tells only part of a relative's history
                f.setStatus(FamilyMemberHistory.FamilyHistoryStatus.PARTIAL);
                f.setPatient(subject());
                f.setRelationship(new CodeableConcept(
                        new Coding(FamilyRelation.SYSTEM, relation.code, relation.display)));
                StringBuilder summary = new StringBuilder("Family member history, ").append(relation.display)
                        .append(':');
                for (List<ConceptMention> ms : conditions.values()) {
                    ConceptMention m = ms.get(0);
                    summary.append(summary.charAt(summary.length() - 1) == ':' ? " " : "; ")
                            .append(m.preferredName());
                    FamilyMemberHistory.FamilyMemberHistoryConditionComponent c = f.addCondition();
                    c.setCode(concept(m));
                    if (m.assertion().certainty() == Assertion.Certainty.POSSIBLE) {
                        c.addNote(new Annotation(new MarkdownType("Uncertain in the source note (possible).")));
                    }
                    addRanges(c, ms);
                }
                narrate(f, summary.toString());
                add(f, "urn:uuid:" + id);
            }
        }

        private Condition condition(ConceptMention m) {
            Assertion a = m.assertion();
            Condition c = new Condition();
            if (!a.negated()) {
                // a refuted condition has no clinical status: the patient does not have it
                c.setClinicalStatus(coded(CONDITION_CLINICAL,
                        a.temporality() == Assertion.Temporality.HISTORICAL ? "inactive" : "active",
                        a.temporality() == Assertion.Temporality.HISTORICAL ? "Inactive" : "Active"));
            }
            String ver = a.negated() ? "refuted" : a.certainty() == Assertion.Certainty.POSSIBLE ? "unconfirmed"
                    : "confirmed";
            c.setVerificationStatus(coded(CONDITION_VER_STATUS, ver, capitalize(ver)));
            c.addCategory(coded(CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
            c.setCode(concept(m));
            c.setSubject(subject());
            c.addEvidence().addDetail(docRef());
            narrate(c, "Condition " + m.preferredName() + ": " + ver
                    + (c.hasClinicalStatus() ? ", " + c.getClinicalStatus().getCodingFirstRep().getCode() : ""));
            return c;
        }

        private AllergyIntolerance allergy(ConceptMention m) {
            Assertion a = m.assertion();
            AllergyIntolerance ai = new AllergyIntolerance();
            boolean inactive = a.negated() || a.temporality() == Assertion.Temporality.HISTORICAL;
            ai.setClinicalStatus(coded(ALLERGY_CLINICAL, inactive ? "inactive" : "active",
                    inactive ? "Inactive" : "Active"));
            String ver = a.negated() ? "refuted" : a.certainty() == Assertion.Certainty.POSSIBLE ? "unconfirmed"
                    : "confirmed";
            ai.setVerificationStatus(coded(ALLERGY_VERIFICATION, ver, capitalize(ver)));
            if (m.group() == SemanticGroup.DRUG) {
                ai.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
            }
            ai.setCode(concept(m));
            ai.setPatient(subject());
            narrate(ai, "Allergy or intolerance to " + m.preferredName() + ": " + ver + ", "
                    + ai.getClinicalStatus().getCodingFirstRep().getCode());
            return ai;
        }

        private MedicationStatement medication(ConceptMention m) {
            Assertion a = m.assertion();
            MedicationStatement ms = new MedicationStatement();
            MedicationStatement.MedicationStatementStatus status;
            if (a.negated()) {
                status = MedicationStatement.MedicationStatementStatus.NOTTAKEN;
            } else if (a.temporality() == Assertion.Temporality.HYPOTHETICAL || a.conditional()) {
                status = MedicationStatement.MedicationStatementStatus.INTENDED;
            } else if (a.certainty() == Assertion.Certainty.POSSIBLE) {
                status = MedicationStatement.MedicationStatementStatus.UNKNOWN;
            } else if (a.temporality() == Assertion.Temporality.HISTORICAL) {
                status = MedicationStatement.MedicationStatementStatus.COMPLETED;
            } else {
                status = MedicationStatement.MedicationStatementStatus.ACTIVE;
            }
            ms.setStatus(status);
            ms.setMedication(concept(m));
            ms.setSubject(subject());
            ms.addDerivedFrom(docRef());
            StringBuilder summary = new StringBuilder("Medication ").append(m.preferredName()).append(": ")
                    .append(status.toCode());
            List<String> seen = new ArrayList<>();
            for (ConceptMention mention : mentionsOf(m)) {
                Medication med = medications.get(mention.start());
                if (med == null || med.attributes().isEmpty()) {
                    continue;
                }
                String sig = text.cover(med.attributes().get(0).start(),
                        med.attributes().get(med.attributes().size() - 1).end());
                if (seen.contains(sig)) {
                    continue;
                }
                seen.add(sig);
                ms.addDosage(dosage(med, sig));
                if (!a.negated() && status == MedicationStatement.MedicationStatementStatus.ACTIVE) {
                    if (med.status().equals("stop") || med.status().equals("discontinued")) {
                        status = MedicationStatement.MedicationStatementStatus.STOPPED;
                        ms.setStatus(status);
                    } else if (med.status().equals("hold")) {
                        status = MedicationStatement.MedicationStatementStatus.ONHOLD;
                        ms.setStatus(status);
                    }
                }
            }
            // the RxNorm clinical drug, when every dosed mention that has one agrees on it
            org.medsift.core.model.Code scd = null;
            boolean agree = true;
            for (ConceptMention mention : mentionsOf(m)) {
                Medication med = medications.get(mention.start());
                if (med != null && med.clinicalDrug() != null) {
                    agree &= scd == null || scd.code().equals(med.clinicalDrug().code());
                    scd = scd == null ? med.clinicalDrug() : scd;
                }
            }
            if (scd != null && agree) {
                ms.getMedicationCodeableConcept().getCoding().add(0, new Coding(scd.system(), scd.code(),
                        scd.display()));
            }
            effective(ms, mentionsOf(m));
            if (!seen.isEmpty()) {
                summary.setLength(0);
                summary.append("Medication ").append(m.preferredName()).append(": ").append(status.toCode())
                        .append("; ").append(seen.size()).append(seen.size() == 1 ? " dosage" : " dosages");
            }
            narrate(ms, summary.toString());
            return ms;
        }

        private List<ConceptMention> mentionsOf(ConceptMention first) {
            String key = "MedicationStatement\u0000" + first.conceptId() + "\u0000" + assertionKey(first.assertion());
            Finding f = findings.get(key);
            return f == null ? List.of(first) : f.mentions;
        }

        private Dosage dosage(Medication med, String sig) {
            Dosage d = new Dosage();
            d.setText(sig);
            org.medsift.core.model.Timing t = med.timing();
            if (t != null || med.duration() != null) {
                Timing timing = new Timing();
                Timing.TimingRepeatComponent r = timing.getRepeat();
                if (t != null) {
                    if (t.frequency() > 0) {
                        r.setFrequency(t.frequency());
                        if (t.frequencyMax() > 0) {
                            r.setFrequencyMax(t.frequencyMax());
                        }
                    }
                    if (t.period() > 0 && !t.periodUnit().isEmpty()) {
                        r.setPeriod(t.period());
                        if (t.periodMax() > 0) {
                            r.setPeriodMax(t.periodMax());
                        }
                        r.setPeriodUnit(Timing.UnitsOfTime.fromCode(t.periodUnit()));
                    }
                    for (String w : t.when()) {
                        r.addWhen(Timing.EventTiming.fromCode(w));
                    }
                }
                if (med.duration() != null) {
                    Duration bounds = new Duration();
                    bounds.setValue(med.duration().value()).setUnit(med.duration().ucum())
                            .setSystem(UCUM).setCode(med.duration().ucum());
                    r.setBounds(bounds);
                }
                d.setTiming(timing);
            }
            if (med.asNeeded()) {
                if (med.asNeededReason().isEmpty()) {
                    d.setAsNeeded(new org.hl7.fhir.r4.model.BooleanType(true));
                } else {
                    d.setAsNeeded(new CodeableConcept().setText(med.asNeededReason()));
                }
            }
            if (med.route() != null) {
                d.setRoute(coded(med.route()));
            }
            org.medsift.core.model.Quantity dose = med.dose() != null ? med.dose()
                    : med.strengthPer() == null ? med.strength() : null;
            if (dose != null) {
                d.addDoseAndRate().setDose(simple(dose));
            }
            return d;
        }

        /**
         * The date of the finding at {@code [start, end)}: the resolved DATE expression of its sentence nearest to
         * it, as a FHIR date ({@code 2024-03-14}, {@code 2024-03}, {@code 2024}); {@code null} when the sentence
         * has none (unresolved relative dates, "3 days ago" without a document date, are not dates).
         */
        private String dateOf(int start, int end) {
            int from = -1;
            int to = -1;
            for (int i = 0; i < sentenceChars.length; i += 2) {
                if (sentenceChars[i] <= start && start < sentenceChars[i + 1]) {
                    from = sentenceChars[i];
                    to = sentenceChars[i + 1];
                    break;
                }
            }
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (org.medsift.core.model.TemporalExpression t : dates) {
                if (t.start() < from || t.end() > to) {
                    continue;
                }
                int d = t.start() >= end ? t.start() - end : t.end() <= start ? start - t.end() : 0;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = fhirDate(t.value());
                }
            }
            return best;
        }

        /**
         * {@code effective[x]} of a MedicationStatement from the dates of its dosed mentions, when they name one
         * date: {@code effectivePeriod.start} for a start ("started on 2024-03-01"), {@code effectivePeriod.end}
         * for a stop or discontinuation, else {@code effectiveDateTime}. Different dates set nothing.
         */
        private void effective(MedicationStatement ms, List<ConceptMention> mentions) {
            String date = null;
            String status = "";
            for (ConceptMention mention : mentions) {
                Medication med = medications.get(mention.start());
                int end = med == null ? mention.end() : med.end();
                String d = dateOf(mention.start(), end);
                if (d == null) {
                    continue;
                }
                if (date != null && !date.equals(d)) {
                    return;
                }
                date = d;
                status = med == null ? "" : med.status();
            }
            if (date == null) {
                return;
            }
            if (status.equals("start")) {
                ms.setEffective(new org.hl7.fhir.r4.model.Period().setStartElement(
                        new org.hl7.fhir.r4.model.DateTimeType(date)));
            } else if (status.equals("stop") || status.equals("discontinued")) {
                ms.setEffective(new org.hl7.fhir.r4.model.Period().setEndElement(
                        new org.hl7.fhir.r4.model.DateTimeType(date)));
            } else {
                ms.setEffective(new org.hl7.fhir.r4.model.DateTimeType(date));
            }
        }

        private void measured(Measurement m) {
            Observation o = new Observation();
            String id = uuid("Observation", text.id() + "\u0000" + m.key() + "\u0000" + m.nameStart());
            o.setId(id);
            stamp(o);
            o.setStatus(Observation.ObservationStatus.FINAL);
            boolean vital = m.kind() == Measurement.Kind.VITAL;
            o.addCategory(vital ? coded(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")
                    : coded(OBSERVATION_CATEGORY, "laboratory", "Laboratory"));
            CodeableConcept code = new CodeableConcept();
            for (Code c : m.codes()) {
                Coding coding = code.addCoding().setSystem(c.system()).setCode(c.code());
                if (!c.display().isEmpty()) {
                    coding.setDisplay(c.display());
                }
            }
            if (m.codes().isEmpty()) {
                code.addCoding().setSystem(CodeSystems.MEDSIFT).setCode(m.key());
            }
            code.setText(m.name());
            o.setCode(code);
            o.setSubject(subject());
            String date = dateOf(m.start(), m.end());
            if (date != null) {
                o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(date));
            }
            o.addDerivedFrom(docRef());
            MeasuredValue v = m.value();
            String shown;
            if (m.key().equals("blood-pressure") && v.kind() == MeasuredValue.Kind.RATIO) {
                component(o, "8480-6", "Systolic blood pressure", v.number(), m);
                component(o, "8462-4", "Diastolic blood pressure", v.second(), m);
                shown = org.medsift.core.model.Quantity.format(v.number()) + "/"
                        + org.medsift.core.model.Quantity.format(v.second()) + " mmHg";
            } else {
                shown = value(o, m);
            }
            if (m.referenceRange() != null) {
                Observation.ObservationReferenceRangeComponent rr = o.addReferenceRange();
                if (!Double.isNaN(m.referenceRange().low())) {
                    rr.setLow(simple(new org.medsift.core.model.Quantity(m.referenceRange().low(), m.unit(),
                            m.ucum())));
                }
                if (!Double.isNaN(m.referenceRange().high())) {
                    rr.setHigh(simple(new org.medsift.core.model.Quantity(m.referenceRange().high(), m.unit(),
                            m.ucum())));
                }
                rr.setText(m.referenceRange().text());
            }
            if (!m.interpretation().isEmpty()) {
                o.addInterpretation(coded(INTERPRETATION, m.interpretation(), interpretationDisplay(
                        m.interpretation())));
            }
            if (!m.qualifier().isEmpty()) {
                o.addNote(new Annotation(new MarkdownType("Measured " + m.qualifier())));
            }
            Extension ext = new Extension(MedsiftFhir.SOURCE_TEXT_RANGE);
            ext.addExtension("document", docRef());
            ext.addExtension("start", new IntegerType(m.start()));
            ext.addExtension("end", new IntegerType(m.end()));
            o.addExtension(ext);
            narrate(o, (vital ? "Vital sign " : "Laboratory result ") + m.name() + ": " + shown
                    + (m.interpretation().isEmpty() ? "" : " (" + interpretationDisplay(m.interpretation()) + ")"));
            add(o, "urn:uuid:" + id);
        }

        private void component(Observation o, String loinc, String display, double value, Measurement m) {
            Observation.ObservationComponentComponent c = o.addComponent();
            c.setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, loinc, display)).setText(display));
            c.setValue(quantity(new org.medsift.core.model.Quantity(value, "mm[Hg]", "mm[Hg]")));
        }

        /** Sets the value of a result and returns it for the narrative. */
        private String value(Observation o, Measurement m) {
            MeasuredValue v = m.value();
            String unit = m.unit().isEmpty() ? "" : " " + m.unit();
            switch (v.kind()) {
                case NUMBER:
                case COMPARATOR: {
                    Quantity q = quantity(new org.medsift.core.model.Quantity(v.number(), m.unit(), m.ucum()));
                    if (!v.comparator().isEmpty()) {
                        q.setComparator(Quantity.QuantityComparator.fromCode(v.comparator()));
                    }
                    o.setValue(q);
                    return v.comparator() + org.medsift.core.model.Quantity.format(v.number()) + unit;
                }
                case RANGE: {
                    Range r = new Range();
                    r.setLow(simple(new org.medsift.core.model.Quantity(v.number(), m.unit(), m.ucum())));
                    r.setHigh(simple(new org.medsift.core.model.Quantity(v.second(), m.unit(), m.ucum())));
                    o.setValue(r);
                    return org.medsift.core.model.Quantity.format(v.number()) + "-"
                            + org.medsift.core.model.Quantity.format(v.second()) + unit;
                }
                case RATIO: {
                    Ratio r = new Ratio();
                    r.setNumerator(new Quantity().setValue(v.number()));
                    r.setDenominator(new Quantity().setValue(v.second()));
                    o.setValue(r);
                    return org.medsift.core.model.Quantity.format(v.number()) + ":"
                            + org.medsift.core.model.Quantity.format(v.second());
                }
                case CODED: {
                    CodeableConcept cc = new CodeableConcept();
                    // SNOMED CT qualifier values, checked: 10828004 Positive, 260385009 Negative
                    if (v.coded().equals("positive")) {
                        cc.addCoding(new Coding(CodeSystems.SNOMED_CT, "10828004", "Positive"));
                    } else if (v.coded().equals("negative")) {
                        cc.addCoding(new Coding(CodeSystems.SNOMED_CT, "260385009", "Negative"));
                    }
                    cc.setText(v.coded());
                    o.setValue(cc);
                    return v.coded();
                }
                default:
                    o.setValue(new StringType(v.raw()));
                    return "not parsed";
            }
        }


        private Procedure procedure(ConceptMention m) {
            Assertion a = m.assertion();
            Procedure p = new Procedure();
            Procedure.ProcedureStatus status;
            if (a.negated()) {
                status = Procedure.ProcedureStatus.NOTDONE;
            } else if (a.temporality() == Assertion.Temporality.HYPOTHETICAL || a.conditional()) {
                status = Procedure.ProcedureStatus.PREPARATION;
            } else if (a.certainty() == Assertion.Certainty.POSSIBLE) {
                status = Procedure.ProcedureStatus.UNKNOWN;
            } else {
                status = Procedure.ProcedureStatus.COMPLETED;
            }
            p.setStatus(status);
            p.setCode(concept(m));
            p.setSubject(subject());
            p.addReport(docRef());
            narrate(p, "Procedure " + m.preferredName() + ": " + status.toCode());
            return p;
        }

        private Observation observation(ConceptMention m) {
            Observation o = new Observation();
            // the note names the test; whether a result exists, and its value, is not known from the mention
            o.setStatus(Observation.ObservationStatus.UNKNOWN);
            o.addCategory(coded(OBSERVATION_CATEGORY, "laboratory", "Laboratory"));
            o.setCode(concept(m));
            o.setSubject(subject());
            o.addDerivedFrom(docRef());
            narrate(o, "Laboratory test " + m.preferredName() + " mentioned (no value)");
            return o;
        }
    }

    /** A FHIR Quantity: UCUM system and code when the unit has one, else the unit alone. */
    static Quantity quantity(org.medsift.core.model.Quantity q) {
        Quantity out = new Quantity().setValue(java.math.BigDecimal.valueOf(q.value()).stripTrailingZeros());
        fillUnit(out, q);
        return out;
    }

    static SimpleQuantity simple(org.medsift.core.model.Quantity q) {
        SimpleQuantity out = new SimpleQuantity();
        out.setValue(java.math.BigDecimal.valueOf(q.value()).stripTrailingZeros());
        fillUnit(out, q);
        return out;
    }

    private static void fillUnit(Quantity out, org.medsift.core.model.Quantity q) {
        if (!q.unit().isEmpty()) {
            out.setUnit(q.unit());
        }
        if (!q.ucum().isEmpty()) {
            out.setSystem(UCUM).setCode(q.ucum());
            if (q.unit().isEmpty()) {
                out.setUnit(q.ucum());
            }
        }
    }

    static CodeableConcept coded(CodedText c) {
        CodeableConcept cc = new CodeableConcept();
        if (c.code() != null) {
            cc.addCoding(new Coding(c.code().system(), c.code().code(), c.code().display().isEmpty() ? null
                    : c.code().display()));
        }
        cc.setText(c.text());
        return cc;
    }

    static String interpretationDisplay(String code) {
        switch (code) {
            case "H": return "High";
            case "L": return "Low";
            case "HH": return "Critical high";
            case "LL": return "Critical low";
            case "AA": return "Critical abnormal";
            case "A": return "Abnormal";
            case "N": return "Normal";
            case "POS": return "Positive";
            case "NEG": return "Negative";
            default: return code;
        }
    }

    /** All codes of the mention, or its Medsift concept id when it has none, with the preferred name as text. */
    static CodeableConcept concept(ConceptMention m) {
        CodeableConcept cc = new CodeableConcept();
        for (Code code : m.codes()) {
            Coding c = cc.addCoding().setSystem(code.system()).setCode(code.code());
            if (!code.display().isEmpty()) {
                c.setDisplay(code.display());
            }
        }
        if (m.codes().isEmpty()) {
            cc.addCoding().setSystem(CodeSystems.MEDSIFT).setCode(m.conceptId());
        }
        cc.setText(m.preferredName());
        return cc;
    }

    /**
     * A generated narrative: a one-line summary from lexicon names and statuses, never from the note text. The
     * div is built as a node, not parsed from a string: HAPI builds a new XHTML parser (with its entity tables) for
     * every parsed div, which made narratives most of the FHIR output's cost.
     */
    static void narrate(DomainResource r, String summary) {
        Narrative n = r.getText();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addText(xmlSafe(summary));
        n.setDiv(div);
    }

    /** XML 1.0 forbids most control chars even as character references: they become spaces. */
    static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
        }
        return b.toString();
    }

    private static boolean isUuid(String id) {
        return id.length() == 36 && id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    private static CodeableConcept coded(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String assertionKey(Assertion a) {
        return (a.negated() ? "neg" : "pos") + '/' + a.certainty() + '/' + a.temporality() + '/' + a.experiencer()
                + '/' + (a.conditional() ? "cond" : "uncond");
    }
}
