package org.medsift.nlp.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.Measurement;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.medication.MedicationAnnotator;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;

class MeasurementAnnotatorTest {
    private static final Pipeline PIPELINE = Pipeline.builder().add(new ClinicalTokenizer())
            .add(new SentenceSplitter()).add(new LexiconMatcher(MedicationTestLexicon.LEXICON))
            .add(new MedicationAnnotator()).add(new MeasurementAnnotator()).build();

    static List<Measurement> measure(String text) {
        return PIPELINE.process(Text.of("t", text)).require(Layers.MEASUREMENTS);
    }

    /** {@code key=raw unit/ucum interpretation}. */
    static String one(String text) {
        List<Measurement> ms = measure(text);
        assertEquals(1, ms.size(), () -> text + ": " + ms);
        Measurement m = ms.get(0);
        return m.key().replace("medsift:lab_", "") + "=" + m.value().raw() + " " + m.unit() + "/" + m.ucum()
                + (m.interpretation().isEmpty() ? "" : " " + m.interpretation())
                + (m.qualifier().isEmpty() ? "" : " " + m.qualifier());
    }

    @Test
    void readsVitalSignsInTheirUsualShapes() {
        assertEquals("blood-pressure=132/84 mmHg/mm[Hg]", one("BP 132/84"));
        assertEquals("heart-rate=88 /min//min", one("HR 88"));
        assertEquals("body-temperature=38.2 C/Cel", one("T 38.2 C"));
        assertEquals("body-temperature=100.4 F/[degF]", one("Temp 100.4 F"));
        assertEquals("body-temperature=98.6 F/[degF]", one("Temp: 98.6"));
        assertEquals("respiratory-rate=18 /min//min", one("RR 18"));
        assertEquals("oxygen-saturation=96 %/% on RA", one("SpO2 96% on RA"));
        assertEquals("body-weight=80 kg/kg", one("Weight 80 kg"));
        assertEquals("body-height=170 cm/cm", one("Height: 170 cm"));
        assertEquals("bmi=27.5 kg/m2/kg/m2", one("BMI 27.5"));
        assertEquals("pain-score=7/10 /{score}", one("pain 7/10"));
    }

    /** {@code key=raw unit/ucum interpretation [range]} per measurement. */
    static List<String> all(String text) {
        return measure(text).stream().map(m -> m.key().replace("medsift:lab_", "") + "=" + m.value().raw() + " "
                + m.unit() + "/" + m.ucum() + " " + m.interpretation()
                + (m.referenceRange() == null ? "" : " [" + m.referenceRange().text() + "]")).toList();
    }

    @Test
    void readsLabRowsOfPipeAndColumnTables() {
        String pipes = "| Test | Result | Units | Reference |\n|------|--------|-------|-----------|\n"
                + "| Potassium | 5.9 | mmol/L | 3.5-5.1 | H\n| Creatinine | 1.4 | mg/dL | 0.6-1.2 |\n"
                + "| Glucose | 90 | | |\n";
        assertEquals(List.of("potassium=5.9 mmol/L/mmol/L H [3.5-5.1]", "creatinine=1.4 mg/dL/mg/dL H [0.6-1.2]",
                "glucose=90 / "), all(pipes));
        String columns = "Potassium       5.9 H   mmol/L     3.5-5.1\n"
                + "Creatinine\t1.0\tmg/dL\t0.6-1.2\n"
                + "Glucose         102     mg/dL      70-99\n";
        assertEquals(List.of("potassium=5.9 mmol/L/mmol/L H [3.5-5.1]", "creatinine=1.0 mg/dL/mg/dL N [0.6-1.2]",
                "glucose=102 mg/dL/mg/dL H [70-99]"), all(columns));
        // in running text a bare range after the value is not a reference range, nor a unit a column away
        assertEquals(List.of("potassium=5.9 / "), all("potassium 5.9 3.5-5.1"));
    }

    @Test
    void readsLabValuesUnitsFlagsAndRanges() {
        assertEquals("potassium=3.1 mmol/L/mmol/L L", one("potassium 3.1 mmol/L (L)"));
        assertEquals("creatinine=1.89 mg/dL/mg/dL H", one("creatinine 1.89 mg/dL (ref 0.6-1.2)"));
        assertEquals("troponin=<0.01 /", one("troponin <0.01"));
        assertEquals("ana_titer=1:160 /", one("ANA titer 1:160"));
        assertEquals("hiv=negative / NEG", one("HIV negative"));
        assertEquals("wbc=12.5 K/uL/10*3/uL H", one("WBC 12.5 K/uL H"));
        assertEquals("hemoglobin=10.9 g/dL/g/dL", one("hemoglobin of 10.9 g/dL"));
    }

    @Test
    void ignoresSingleLetterNamesWithoutAPlausibleValue() {
        assertEquals(List.of(), measure("T 2 diabetes. P 5000."));
    }
}
