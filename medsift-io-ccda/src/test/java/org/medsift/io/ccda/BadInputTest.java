package org.medsift.io.ccda;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medsift.core.problem.Problem;
import org.medsift.core.record.ReadResult;

/** Each malformed file in fixtures/ccda/bad gives its problem with a location, and the rest is still read. */
class BadInputTest {
    private static final Map<String, String> EXPECTED = Map.of(
            "external-entity.xml", "CCDA-0002", "billion-laughs.xml", "CCDA-0002", "too-deep.xml", "CCDA-0003",
            "truncated.xml", "CCDA-0001", "wrong-namespace.xml", "CCDA-0004", "bad-base64.xml", "CCDA-0009");

    @ParameterizedTest
    @ValueSource(strings = {"external-entity.xml", "billion-laughs.xml", "too-deep.xml", "truncated.xml",
            "wrong-namespace.xml", "bad-base64.xml"})
    void reportsAProblemWithItsLocationAndReadsTheRest(String name) throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/ccda/bad/" + name)) {
            bytes = in.readAllBytes();
        }
        ReadResult r = CcdaReader.create().read(name, bytes);
        Problem p = r.problems().stream().filter(x -> x.code().equals(EXPECTED.get(name))).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no " + EXPECTED.get(name) + " in " + r.problems()));
        assertFalse(p.where().path().isEmpty(), "location of " + p);
        if (name.equals("bad-base64.xml")) {
            assertFalse(r.patients().isEmpty(), "the header was not read");
        }
    }
}
