package org.medsift.io.hl7v2;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsift.core.problem.Problem;
import org.medsift.core.record.ReadResult;

/** Each malformed file in fixtures/hl7v2/bad gives its problem with a location, and the rest is still read. */
class BadInputTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "truncated-msh.hl7", "HL7V2-0002", "nm-not-a-number.hl7", "HL7V2-0004",
            "unknown-escape.hl7", "HL7V2-0003", "bad-base64.hl7", "HL7V2-0006", "latin1-bytes.hl7", "HL7V2-0008",
            "segments-before-msh.hl7", "HL7V2-0001", "truncated-mllp.hl7", "HL7V2-0002");

    @ParameterizedTest
    @ValueSource(strings = {"truncated-msh.hl7", "nm-not-a-number.hl7", "unknown-escape.hl7", "bad-base64.hl7",
            "latin1-bytes.hl7", "segments-before-msh.hl7", "truncated-mllp.hl7"})
    void reportsAProblemWithItsLocationAndReadsTheRest(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/hl7v2/bad/" + name)) {
            bytes = in.readAllBytes();
        }
        ReadResult r = Hl7v2Reader.create().read(name, bytes);
        Problem p = r.problems().stream().filter(x -> x.code().equals(EXPECTED.get(name))).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + EXPECTED.get(name) + " in " + r.problems()));
        assertFalse(p.where().path().isEmpty(), "location of " + p);
        if (!name.equals("truncated-msh.hl7")) {
            assertTrue(!r.entries().isEmpty() || !r.texts().isEmpty(), name + ": the rest was not read");
        }
    }
}
