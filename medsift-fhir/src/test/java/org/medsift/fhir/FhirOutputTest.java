package org.medsift.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class FhirOutputTest {
    @Test
    void writesOneResourcePerNdjsonLine() throws Exception {
        Bundle bundle = FhirMapper.create().toBundle(Fixtures.everyKind());
        StringBuilder out = new StringBuilder();
        FhirOutput.writeEntriesNdjson(bundle, out);
        String[] lines = out.toString().split("\n", -1);
        assertEquals(bundle.getEntry().size() + 1, lines.length);
        assertEquals("", lines[lines.length - 1]);
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource parsed = (Resource) FhirOutput.parseJson(lines[i]);
            assertEquals(bundle.getEntry().get(i).getResource().fhirType(), parsed.fhirType());
        }
    }

    @Test
    void writesABundleAsOneLineAndRoundTrips() throws Exception {
        Bundle bundle = FhirMapper.create().toBundle(Fixtures.everyKind());
        StringBuilder out = new StringBuilder();
        FhirOutput.writeNdjsonLine(bundle, out);
        String line = out.toString();
        assertEquals(line.length() - 1, line.indexOf('\n'));
        Bundle back = (Bundle) FhirOutput.parseJson(line);
        DocumentReference d = (DocumentReference) back.getEntry().get(0).getResource();
        assertEquals(Fixtures.NOTE, new String(d.getContentFirstRep().getAttachment().getData(),
                java.nio.charset.StandardCharsets.UTF_8), "line breaks and non-BMP chars survive");
    }

    @Test
    void prettyJsonHasLineBreaksCompactHasNone() throws Exception {
        Bundle bundle = FhirMapper.create().toBundle(Fixtures.everyKind());
        StringWriter pretty = new StringWriter();
        FhirOutput.writeJson(bundle, pretty, true);
        assertTrue(pretty.toString().contains("\n"));
        assertTrue(!FhirOutput.toJson(bundle, false).contains("\n"));
    }
}
