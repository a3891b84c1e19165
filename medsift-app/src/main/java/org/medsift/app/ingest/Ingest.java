package org.medsift.app.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.medsift.app.Extraction;
import org.medsift.core.model.Code;
import org.medsift.core.problem.Location;
import org.medsift.core.problem.Problem;
import org.medsift.core.problem.Severity;
import org.medsift.core.record.ClinicalEntry;
import org.medsift.core.record.PatientInfo;
import org.medsift.core.record.ReadResult;
import org.medsift.core.record.RecordText;
import org.medsift.core.text.Document;
import org.medsift.fhir.FhirMapper;
import org.medsift.fhir.FhirMapping;
import org.medsift.fhir.PatientRef;
import org.medsift.io.ccda.CcdaReader;
import org.medsift.io.doc.DocumentReaders;
import org.medsift.io.fhir.FhirReadResult;
import org.medsift.io.fhir.FhirReader;
import org.medsift.io.hl7v2.Hl7v2Reader;

/**
 * Reads HL7 v2, FHIR R4, C-CDA, PDF, DOCX and RTF files and assembles one FHIR R4 Bundle per patient (see the package
 * documentation). Immutable and thread-safe: {@link #read} may run on many threads; {@link #assemble} runs
 * extraction on every text of the reads it is given.
 *
 * <pre>{@code
 * Ingest ingest = Ingest.create(Extraction.builder().build());
 * Ingest.Read r = ingest.read("oru.hl7", bytes, Optional.empty());   // format sniffed from the content
 * for (Ingest.PatientBundle b : ingest.assemble(List.of(r))) { FhirOutput.writeJson(b.bundle(), w, true); }
 * }</pre>
 */
public final class Ingest {
    /** Base of the fullUrls of resources kept from FHIR input ({@code BASE + type/id}). */
    public static final String SOURCE_BASE = "https://medsift.org/fhir/source/";

    private final Extraction extraction;
    private final FhirMapper mapper;

    private Ingest(Extraction extraction, FhirMapper mapper) {
        this.extraction = extraction;
        this.mapper = mapper;
    }

    public static Ingest create(Extraction extraction) {
        return new Ingest(extraction, FhirMapper.create());
    }

    /**
     * What one file gave.
     *
     * @param format    the format read, empty when not recognized
     * @param result    patients, entries, texts, problems
     * @param resources FHIR resources as read (FHIR input only)
     */
    public record Read(Optional<SourceFormat> format, ReadResult result, List<Resource> resources) {
        public Read {
            resources = List.copyOf(resources);
        }
    }

    /**
     * One patient's Bundle.
     *
     * @param patientKey the key that grouped it (identifier or resource id; may hold patient data: never log it)
     * @param fileId     a name for its file: a UUID of the key, no patient data
     * @param bundle     the Bundle
     * @param structured resources from structured entries or FHIR input
     * @param findings   resources from text-derived findings
     * @param duplicates text-derived findings tagged as duplicates of a structured resource
     * @param problems   problems found while assembling (INGEST-0002: a resource read twice)
     */
    public record PatientBundle(String patientKey, String fileId, Bundle bundle, int structured, int findings,
            int duplicates, List<Problem> problems) {
        public PatientBundle {
            problems = List.copyOf(problems);
        }
    }

    /** Reads one file; {@code forced} overrides sniffing. Never throws on bad data: problems are in the result. */
    public Read read(String file, byte[] bytes, Optional<SourceFormat> forced) {
        Optional<SourceFormat> f = forced.isPresent() ? forced : SourceFormat.sniff(bytes);
        if (f.isEmpty()) {
            return new Read(f, new ReadResult("unknown", file, 0, List.of(), List.of(), List.of(), List.of(
                    new Problem("INGEST-0001", Severity.ERROR, Location.of(file), "format not recognized from the "
                            + "content (expected HL7 v2 MSH/FHS/BHS, a C-CDA ClinicalDocument, FHIR JSON/XML, %PDF-, "
                            + "a DOCX zip or {\\rtf); use --format to force one", ""))), List.of());
        }
        return switch (f.get()) {
            case HL7V2 -> new Read(f, Hl7v2Reader.create().read(file, bytes), List.of());
            case CCDA -> new Read(f, CcdaReader.create().read(file, bytes), List.of());
            case FHIR -> {
                FhirReadResult r = FhirReader.create().read(file, bytes);
                yield new Read(f, r.result(), r.resources());
            }
            case PDF, DOCX, RTF -> new Read(f, DocumentReaders.forFormat(f.get().cliName()).orElseThrow()
                    .read(file, bytes), List.of());
        };
    }

    /** Groups what the reads hold by patient, extracts from every text, and builds one Bundle per patient. */
    public List<PatientBundle> assemble(List<Read> reads) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Read read : reads) {
            ReadResult r = read.result();
            for (PatientInfo p : r.patients()) {
                Group g = groups.computeIfAbsent(p.key(), Group::new);
                if (g.patient == null && read.resources().isEmpty()) {
                    Patient pr = RecordResources.patient(p);
                    g.setPatient(pr, "urn:uuid:" + pr.getIdElement().getIdPart());
                }
            }
            for (Resource res : read.resources()) {
                keep(groups, res);
            }
            Map<String, List<String>> children = new LinkedHashMap<>();
            for (ClinicalEntry e : r.entries()) {
                if (!e.parentId().isEmpty()) {
                    children.computeIfAbsent(e.parentId(), k -> new ArrayList<>())
                            .add("urn:uuid:" + RecordResources.uuid("entry:" + e.id()));
                }
            }
            for (ClinicalEntry e : r.entries()) {
                Group g = group(groups, e.patientKey());
                Resource res = RecordResources.map(e, g.patientRef(), children.getOrDefault(e.id(), List.of()));
                g.add(res, "urn:uuid:" + res.getIdElement().getIdPart());
                for (Code c : e.codes()) {
                    g.codes.add(c.system() + "|" + c.code());
                }
            }
            for (RecordText t : r.texts()) {
                group(groups, t.patientKey()).texts.add(t);
            }
        }
        List<PatientBundle> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(g.build());
        }
        return out;
    }

    private static final java.util.regex.Pattern BLOCK =
            java.util.regex.Pattern.compile("(?:^|/)((?:page|paragraph)\\[\\d+\\])$");

    /**
     * The structure map of a document text ({@code "; structure: page[1]=[0,812) page[2]=[813,1620)"}): the char
     * range of each page or paragraph in the DocumentReference's text, so a finding's range names its page or
     * paragraph. Empty for texts that are not documents (their pieces name segments and XPaths).
     */
    static String structureMap(RecordText t) {
        if (t.pieces().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; structure:");
        for (org.medsift.core.record.TextPiece p : t.pieces()) {
            java.util.regex.Matcher m = BLOCK.matcher(p.source().path());
            if (!m.find()) {
                return "";
            }
            sb.append(' ').append(m.group(1)).append("=[").append(p.start()).append(',').append(p.end()).append(')');
        }
        return sb.toString();
    }

    private Group group(Map<String, Group> groups, String key) {
        return groups.computeIfAbsent(key.isEmpty() ? "unassigned" : key, Group::new);
    }

    private void keep(Map<String, Group> groups, Resource res) {
        if (!res.hasIdElement() || res.getIdElement().getIdPart() == null) {
            res.setId(RecordResources.uuid("resource:" + System.identityHashCode(res)));
        }
        logicalReferences(res);
        String id = res.getIdElement().getIdPart();
        String type = res.fhirType();
        String key = res instanceof Patient ? "Patient/" + id : subjectKey(res);
        Group g = group(groups, key);
        String fullUrl = SOURCE_BASE + type + "/" + id;
        if (res instanceof Patient p && g.patient == null) {
            g.setPatient(p, "Patient/" + id);
            return;
        }
        if (g.patient == null && key.startsWith("Patient/") && g.ref == null) {
            g.ref = key;
        }
        if (g.seen.contains(fullUrl)) {
            g.problems.add(new Problem("INGEST-0002", Severity.WARNING, new Location(g.key.startsWith("Patient/")
                    ? g.key : "unassigned", type + "/" + id), type + "/" + id + " was read more than once (another "
                    + "file or entry holds the same type and id); the later copy is left out of the bundle", ""));
            return;
        }
        g.add(res, fullUrl);
        for (String prop : List.of("code", "medicationCodeableConcept", "vaccineCode")) {
            Property p = res.getNamedProperty(prop);
            if (p != null) {
                for (Base v : p.getValues()) {
                    if (v instanceof CodeableConcept cc) {
                        for (Coding c : cc.getCoding()) {
                            g.codes.add(c.getSystem() + "|" + c.getCode());
                        }
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern CONDITIONAL =
            java.util.regex.Pattern.compile("^([A-Z][A-Za-z]+)\\?identifier=(?:([^|]*)\\|)?(.+)$");

    /**
     * Turns conditional references ({@code Practitioner?identifier=system|value}, as Synthea writes them for
     * transaction Bundles) into logical references (type + identifier): a conditional reference is only valid in a
     * transaction, and the output is a collection. Nothing is lost; every other reference is left as it is.
     */
    static void logicalReferences(Resource res) {
        for (Reference ref : org.medsift.fhir.FhirOutput.context().newTerser()
                .getAllPopulatedChildElementsOfType(res, Reference.class)) {
            String r = ref.getReference();
            if (r == null || r.indexOf('?') < 0) {
                continue;
            }
            java.util.regex.Matcher m = CONDITIONAL.matcher(r);
            if (m.matches()) {
                ref.setReference(null);
                ref.setType(m.group(1));
                if (m.group(2) != null && !m.group(2).isEmpty()) {
                    ref.getIdentifier().setSystem(m.group(2));
                }
                ref.getIdentifier().setValue(java.net.URLDecoder.decode(m.group(3),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private static String subjectKey(Resource res) {
        for (String prop : List.of("subject", "patient")) {
            Property p = res.getNamedProperty(prop);
            if (p != null) {
                for (Base v : p.getValues()) {
                    if (v instanceof Reference ref) {
                        String k = FhirReader.patientKey(ref);
                        if (!k.isEmpty()) {
                            return k;
                        }
                    }
                }
            }
        }
        return "";
    }

    /** One patient's resources while they are gathered; not shared between threads. */
    private final class Group {
        final String key;
        Resource patient;
        String patientFullUrl;
        String ref;
        final List<Resource> resources = new ArrayList<>();
        final List<String> fullUrls = new ArrayList<>();
        final List<RecordText> texts = new ArrayList<>();
        final Set<String> codes = new HashSet<>();
        final Set<String> seen = new HashSet<>();
        final List<Problem> problems = new ArrayList<>();

        Group(String key) {
            this.key = key;
        }

        void setPatient(Resource p, String reference) {
            patient = p;
            ref = reference;
            patientFullUrl = reference.startsWith("urn:") ? reference : SOURCE_BASE + reference;
            // a second copy of this Patient (another file) is then reported as read twice, not added again
            seen.add(patientFullUrl);
        }

        String patientRef() {
            if (ref == null) {
                Patient p = new Patient();
                p.setId(RecordResources.uuid("patient:" + key));
                p.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED);
                p.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Patient not identified in "
                        + "the source</div>");
                setPatient(p, "urn:uuid:" + p.getIdElement().getIdPart());
            }
            // a kept Patient's fullUrl is absolute (SOURCE_BASE + Patient/id): a relative Patient/id in a resource
            // Medsift writes (fullUrl urn:uuid:...) would not resolve to it inside the Bundle
            return ref.startsWith("urn:") ? ref : SOURCE_BASE + ref;
        }

        void add(Resource r, String fullUrl) {
            if (!seen.add(fullUrl)) {
                throw new IllegalStateException("duplicate fullUrl " + fullUrl + " " + r.fhirType());
            }
            resources.add(r);
            fullUrls.add(fullUrl);
        }

        PatientBundle build() {
            int structured = resources.size();
            int findings = 0;
            int duplicates = 0;
            for (RecordText t : texts) {
                Document doc = extraction.extract(t.toText());
                FhirMapping m = mapper.map(doc, PatientRef.external(patientRef()));
                for (Bundle.BundleEntryComponent e : m.bundle().getEntry()) {
                    Resource r = e.getResource();
                    if (r instanceof DocumentReference d) {
                        d.setDescription("source: " + t.source() + (t.title().isEmpty() ? "" : "; " + t.title())
                                + structureMap(t));
                    } else {
                        findings++;
                        if (duplicate(r)) {
                            r.getMeta().addTag().setSystem(PatientBundles.TAG_SYSTEM).setCode("duplicate-of-structured")
                                    .setDisplay("the same code is on a structured resource of this patient");
                            duplicates++;
                        }
                    }
                    add(r, e.getFullUrl());
                }
            }
            Bundle b = new Bundle();
            b.setId(RecordResources.uuid("bundle:" + key));
            b.setType(Bundle.BundleType.COLLECTION);
            if (patient != null) {
                b.addEntry().setFullUrl(patientFullUrl).setResource(patient);
            }
            for (int i = 0; i < resources.size(); i++) {
                b.addEntry().setFullUrl(fullUrls.get(i)).setResource(resources.get(i));
            }
            return new PatientBundle(key, RecordResources.uuid("patient:" + key), b, structured, findings, duplicates, problems);
        }

        boolean duplicate(Resource r) {
            for (String prop : List.of("code", "medicationCodeableConcept")) {
                Property p = r.getNamedProperty(prop);
                if (p == null) {
                    continue;
                }
                for (Base v : p.getValues()) {
                    if (v instanceof CodeableConcept cc) {
                        for (Coding c : cc.getCoding()) {
                            if (codes.contains(c.getSystem() + "|" + c.getCode())) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }
    }
}
