package org.medsift.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.text.Text;

class OffsetMapTest {
    private static final String IN = "Seen by Dr. Carreon on Aug 3 1997 at Butler Memorial.";

    private static Deidentifier.Result redact() {
        List<PhiSpan> spans = List.of(new PhiSpan(12, 19, PhiType.NAME, "PERSON"),
                new PhiSpan(23, 33, PhiType.DATE, "DATE"), new PhiSpan(37, 52, PhiType.LOCATION, "INSTITUTION"));
        return Deidentifier.redacting(PhiDetector.standard()).apply(Text.of("t", IN), spans, "p");
    }

    @Test
    void mapsUnchangedTextBothWays() {
        Deidentifier.Result r = redact();
        String out = r.text().content();
        assertEquals("Seen by Dr. [NAME] on [DATE] at [LOCATION].", out);
        OffsetMap m = r.offsets();
        assertEquals(3, m.edits());
        int inOn = IN.indexOf(" on ");
        int outOn = out.indexOf(" on ");
        assertEquals(outOn, m.toOutputStart(inOn));
        assertEquals(inOn, m.toInputStart(outOn));
        assertEquals(IN.length(), m.toInputEnd(out.length()));
        assertEquals(out.length(), m.toOutputEnd(IN.length()));
        assertEquals(0, m.toInputStart(0));
    }

    @Test
    void mapsReplacedRegionToTheWholeOriginal() {
        Deidentifier.Result r = redact();
        String out = r.text().content();
        int tag = out.indexOf("[DATE]");
        OffsetMap m = r.offsets();
        assertEquals(23, m.toInputStart(tag));
        assertEquals(33, m.toInputEnd(tag + "[DATE]".length()));
        assertEquals(23, m.toInputStart(tag + 2));
        assertEquals(33, m.toInputEnd(tag + 2));
        assertEquals(tag, m.toOutputStart(25));
        assertEquals(tag + 6, m.toOutputEnd(25));
    }

    @Test
    void carriesAnOutputAnnotationBackToTheInput() {
        Deidentifier.Result r = redact();
        String out = r.text().content();
        int s = out.indexOf("Seen");
        int e = out.indexOf("[NAME]") + 6;
        assertEquals("Seen by Dr. Carreon", IN.substring(r.offsets().toInputStart(s), r.offsets().toInputEnd(e)));
    }

    @Test
    void identityMapsEveryOffsetToItself() {
        OffsetMap m = OffsetMap.identity(10);
        for (int i = 0; i <= 10; i++) {
            assertEquals(i, m.toInputStart(i));
            assertEquals(i, m.toOutputEnd(i));
        }
    }
}
