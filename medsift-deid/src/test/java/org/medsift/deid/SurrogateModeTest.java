package org.medsift.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Text;

class SurrogateModeTest {
    private static final PhiDetector D = PhiDetector.standard();
    private static final DeidKey KEY = DeidKey.of("a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8));
    private static final DeidKey OTHER = DeidKey.of("another key, also 32 bytes long.".getBytes(StandardCharsets.UTF_8));
    private static final String DOC1 = "PATIENT NAME: Ocasio, Patria G ACCOUNT #: 70675659\nADMISSION DATE: Nov 9 2009\n"
            + "Mr. Ocasio was seen by Dr. Adeyemi. Call 412-555-0199 or ocasio@mail.com.";
    private static final String DOC2 = "Follow-up for Mr. Ocasio on Nov 23 2009 at Butler Memorial Hospital.";
    private static final List<String> GOLD = List.of("Ocasio", "Patria", "70675659", "Nov 9 2009", "Adeyemi",
            "412-555-0199", "ocasio@mail.com", "Nov 23 2009", "Butler Memorial");

    private static String run(DeidKey key, String doc) {
        return Deidentifier.surrogating(D, key).deidentify(Text.of("d", doc), "patient-1").text().content();
    }

    @Test
    void noGoldStringSurvives() {
        String out = run(KEY, DOC1) + "\n" + run(KEY, DOC2);
        for (String g : GOLD) {
            assertFalse(out.contains(g), "a PHI string survived surrogate mode");
        }
        assertTrue(out.contains("555-01"), "phone numbers move into the reserved 555-01xx range");
    }

    @Test
    void sameKeySamePseudonymAcrossDocuments() {
        String a = name(run(KEY, DOC1));
        String b = name(run(KEY, DOC2));
        assertEquals(a, b);
        assertNotEquals(a, name(run(OTHER, DOC2)));
    }

    @Test
    void keepsDateIntervalsWithinAPatient() {
        LocalDate a = date(run(KEY, DOC1));
        LocalDate b = date(run(KEY, DOC2));
        assertEquals(14, ChronoUnit.DAYS.between(a, b));
        assertNotEquals(LocalDate.of(2009, 11, 9), a);
    }

    @Test
    void keyNeverShowsInText() {
        assertEquals("DeidKey[hidden]", KEY.toString());
    }

    private static String name(String out) {
        Matcher m = Pattern.compile("Mr\\. (\\S+)").matcher(out);
        assertTrue(m.find());
        return m.group(1);
    }

    private static LocalDate date(String out) {
        Matcher m = Pattern.compile("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{1,2}) (\\d{4})").matcher(out);
        assertTrue(m.find());
        int month = "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(m.group(1)) / 3 + 1;
        return LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
    }
}
