package org.medsift.nlp.abbrev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AbbreviationDefinitionsTest {

    /** "SF=long form" per definition, in order. */
    private static List<String> pairs(String text) {
        List<String> out = new ArrayList<>();
        for (AbbreviationDefinition d : AbbreviationDefinitions.find(text)) {
            out.add(d.shortForm(text) + "=" + d.longForm(text));
        }
        return out;
    }

    @Test
    void findsLongFormBeforeParenthesizedShortForm() {
        String t = "Patients with neuroleptic malignant syndrome (NMS) were studied. NMS is rare.";
        assertEquals(List.of("NMS=neuroleptic malignant syndrome"), pairs(t));
        AbbreviationDefinition d = AbbreviationDefinitions.find(t).get(0);
        assertEquals(t.indexOf("NMS"), d.shortStart());
        assertEquals(t.indexOf("NMS") + 3, d.shortEnd());
        assertEquals(t.indexOf("neuroleptic"), d.longStart());
        assertEquals(t.indexOf(" (NMS"), d.longEnd());
    }

    @Test
    void shortFormLettersNeedNotStartEveryWord() {
        assertEquals(List.of("5-FU=5-fluorouracil"), pairs("Treatment with 5-fluorouracil (5-FU) and rest."));
        assertEquals(List.of("HbA1c=hemoglobin A1c"), pairs("We measured the hemoglobin A1c (HbA1c) level."));
        assertEquals(List.of("NSAIDs=nonsteroidal anti-inflammatory drugs"),
                pairs("use of nonsteroidal anti-inflammatory drugs (NSAIDs) was common"));
    }

    @Test
    void firstLetterMustStartAWord() {
        // 'S' of SM must match at a word start: "Systolic murmur", not the 's' inside "was"
        assertEquals(List.of("SM=systolic murmur"), pairs("there was a systolic murmur (SM) heard"));
        // no word starts with 'x'
        assertEquals(List.of(), pairs("the box (XB) was open"));
    }

    @Test
    void cutsTheShortFormAtSemicolonOrComma() {
        assertEquals(List.of("ASA=acetylsalicylic acid"), pairs("acetylsalicylic acid (ASA; 81 mg daily) given"));
        assertEquals(List.of("CHF=congestive heart failure"),
                pairs("congestive heart failure (CHF, n = 12) was seen"));
    }

    @Test
    void findsShortFormBeforeParenthesizedLongForm() {
        assertEquals(List.of("TNF=tumor necrosis factor"), pairs("levels of TNF (tumor necrosis factor) rose"));
        assertEquals(List.of("PAN=puromycin aminonucleoside"), pairs("given PAN (puromycin aminonucleoside, 5 mg)"));
    }

    @Test
    void longFormDoesNotCrossASentenceOrAnotherParenthesis() {
        assertEquals(List.of(), pairs("The heart was failing. (HF) followed."));
        assertEquals(List.of("CT=computed tomography"),
                pairs("Head (axial) computed tomography (CT) showed"));
        assertEquals(List.of(), pairs("see chart: (CS)"));
    }

    @Test
    void rejectsWhatIsNotAnAbbreviation() {
        assertEquals(List.of(), pairs("the dose was increased (p < 0.05) in all"));
        assertEquals(List.of(), pairs("as shown (Figure 2) before"));
        assertEquals(List.of(), pairs("values (1) and (22) and (x)"));
        assertEquals(List.of(), pairs("in these examples (i.e.) nothing"));
        assertEquals(List.of(), pairs("unbalanced ( parenthesis and (AB"));
        assertEquals(List.of(), pairs("()( )"));
        // the long form may not hold the short form itself
        assertEquals(List.of(), pairs("the MS clinic (MS) opened"));
    }

    @Test
    void longFormHasAtMostMinOfLengthPlusFiveAndTwiceLengthWords() {
        // |SF| = 2, so at most 4 words; the match needs 5 here
        assertEquals(List.of(), pairs("acute but then chronic myelitis (AM) noted"));
        assertEquals(List.of("AM=acute myelitis"), pairs("then acute myelitis (AM) noted"));
    }

    @Test
    void findsUsesAsWholeWordsAfterAndBeforeTheDefinition() {
        String t = "NMS is rare. Neuroleptic malignant syndrome (NMS) follows haloperidol. In NMS, CK rises; "
                + "NMSX and aNMS are not uses. NMS.";
        List<AbbreviationDefinition> defs = AbbreviationDefinitions.find(t);
        assertEquals(1, defs.size());
        List<AbbreviationUse> uses = AbbreviationDefinitions.findUses(t, defs);
        List<Integer> starts = new ArrayList<>();
        for (AbbreviationUse u : uses) {
            assertEquals("NMS", t.substring(u.start(), u.end()));
            assertEquals(0, u.definition());
            starts.add(u.start());
        }
        assertEquals(List.of(0, t.indexOf("In NMS") + 3, t.lastIndexOf("NMS")), starts);
    }

    @Test
    void aRedefinedShortFormBindsUsesToTheLastDefinitionBeforeThem() {
        String t = "multiple sclerosis (MS) and MS. Later mitral stenosis (MS) and MS.";
        List<AbbreviationDefinition> defs = AbbreviationDefinitions.find(t);
        assertEquals(List.of("MS=multiple sclerosis", "MS=mitral stenosis"), pairs(t));
        List<AbbreviationUse> uses = AbbreviationDefinitions.findUses(t, defs);
        assertEquals(2, uses.size());
        assertEquals(0, uses.get(0).definition());
        assertEquals(1, uses.get(1).definition());
        assertTrue(uses.get(0).start() < uses.get(1).start());
    }

    @Test
    void survivesRandomTextWithOffsetsInBounds() {
        Random r = new Random(3);
        String alphabet = "aB (C);,.-DE f\n)g1";
        for (int k = 0; k < 2000; k++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String t = sb.toString();
            List<AbbreviationDefinition> defs = AbbreviationDefinitions.find(t);
            for (AbbreviationDefinition d : defs) {
                assertTrue(d.shortEnd() <= t.length() && d.longEnd() <= t.length(), t);
                assertTrue(d.longEnd() <= d.shortStart() || d.shortEnd() <= d.longStart(), t);
            }
            for (AbbreviationUse u : AbbreviationDefinitions.findUses(t, defs)) {
                assertTrue(u.end() <= t.length(), t);
            }
        }
        assertEquals(List.of(), AbbreviationDefinitions.find(""));
    }

    @Test
    void recordsRefuseEmptyOrNegativeSpans() {
        assertThrows(IllegalArgumentException.class, () -> new AbbreviationDefinition(3, 3, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new AbbreviationUse(-1, 2, 0));
    }
}
