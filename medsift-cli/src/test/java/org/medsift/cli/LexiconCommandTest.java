package org.medsift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexiconCommandTest {
    @Test
    void printsDefaultLexiconSizeAsKeyValueLines() {
        CliRunner.Result r = CliRunner.run("lexicon", "stats");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        Map<String, String> kv = new LinkedHashMap<>();
        r.out().lines().forEach(l -> {
            int colon = l.indexOf(": ");
            assertTrue(colon > 0, "not key: value: " + l);
            kv.put(l.substring(0, colon), l.substring(colon + 2));
        });
        assertEquals("terms", kv.keySet().iterator().next());
        // issue 2: the default lexicon holds at least 30,000 terms for 8,000 concepts
        assertTrue(Integer.parseInt(kv.get("terms")) >= 30_000, kv.get("terms"));
        assertTrue(Integer.parseInt(kv.get("concepts")) >= 8_000, kv.get("concepts"));
        for (String group : new String[] {"disorder", "finding", "drug", "procedure", "lab", "anatomy", "device"}) {
            assertTrue(kv.containsKey("group." + group + ".concepts"), group);
        }
        for (String system : new String[] {"snomedct", "rxnorm", "loinc"}) {
            assertTrue(Integer.parseInt(kv.get("system." + system + ".concepts")) > 0, system);
        }
    }
}
