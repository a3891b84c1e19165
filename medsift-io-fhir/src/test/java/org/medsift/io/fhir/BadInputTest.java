package org.medsift.io.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsift.core.problem.Problem;
import org.medsift.core.record.ReadResult;

/** Each malformed file in fixtures/fhir/bad gives its problem with a location, and the rest is still read. */
class BadInputTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "truncated.json", "FHIR-0001", "bad-base64.json", "FHIR-0004", "external-entity.xml", "FHIR-0002",
            "bad-ndjson-line.ndjson", "FHIR-0001", "unknown-resource-type.json", "FHIR-0001");

    @ParameterizedTest
    @ValueSource(strings = {"truncated.json", "bad-base64.json", "external-entity.xml", "bad-ndjson-line.ndjson",
            "unknown-resource-type.json"})
    void reportsAProblemWithItsLocationAndReadsTheRest(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/fhir/bad/" + name)) {
            bytes = in.readAllBytes();
        }
        ReadResult r = FhirReader.create().read(name, bytes).result();
        Problem p = r.problems().stream().filter(x -> x.code().equals(EXPECTED.get(name))).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + EXPECTED.get(name) + " in " + r.problems()));
        assertFalse(p.where().path().isEmpty() && !name.endsWith(".json") && !name.endsWith(".xml"), "location of " + p);
        if (name.equals("bad-base64.json")) {
            assertFalse(r.texts().isEmpty(), "the good attachment was not read");
        }
        if (name.equals("bad-ndjson-line.ndjson")) {
            assertFalse(r.patients().size() < 2, "the good lines were not read");
        }
    }
}
