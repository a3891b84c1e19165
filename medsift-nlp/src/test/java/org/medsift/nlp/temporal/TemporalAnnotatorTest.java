package org.medsift.nlp.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medsift.core.model.TemporalExpression;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.pipeline.StageListener;
import org.medsift.core.text.Document;
import org.medsift.core.text.Layers;
import org.medsift.core.text.Text;
import org.medsift.nlp.dictionary.LexiconMatcher;
import org.medsift.nlp.measure.MeasurementAnnotator;
import org.medsift.nlp.measure.MedicationTestLexicon;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;

class TemporalAnnotatorTest {
    private static final Pipeline PIPELINE = Pipeline.builder().add(new ClinicalTokenizer())
            .add(new SentenceSplitter()).add(new LexiconMatcher(MedicationTestLexicon.LEXICON))
            .add(new MeasurementAnnotator()).add(new TemporalAnnotator()).build();
    private static final LocalDate DOC = LocalDate.of(2026, 3, 7);

    static List<TemporalExpression> find(String text, LocalDate date) {
        Document d = new Document(Text.of("t", text));
        if (date != null) {
            d.put(Layers.DOCUMENT_DATE, date);
        }
        return PIPELINE.process(d, StageListener.NONE).require(Layers.TEMPORALS);
    }

    /** {@code covered|TYPE|value|anchor|offset} of every expression, joined by "; ". */
    static String all(String text, LocalDate date) {
        return find(text, date).stream().map(t -> text.substring(t.start(), t.end()) + "|" + t.type() + "|"
                + t.value() + (t.relative() ? "|" + t.anchor() + "|" + t.offset() : ""))
                .collect(Collectors.joining("; "));
    }

    static String one(String text) {
        return all(text, DOC);
    }

    @Test
    void absoluteDates() {
        assertEquals("03/14/2021|DATE|2021-03-14", one("Seen on 03/14/2021."));
        assertEquals("3/14/21|DATE|2021-03-14", one("Seen on 3/14/21."));
        assertEquals("2021-03-14|DATE|2021-03-14", one("Seen on 2021-03-14."));
        assertEquals("03-14-2021|DATE|2021-03-14", one("Seen on 03-14-2021."));
        assertEquals("March 14, 2021|DATE|2021-03-14", one("Seen on March 14, 2021."));
        assertEquals("Mar. 14th 2021|DATE|2021-03-14", one("Seen on Mar. 14th 2021."));
        assertEquals("14 Mar 2021|DATE|2021-03-14", one("Seen on 14 Mar 2021."));
        assertEquals("14-Mar-2021|DATE|2021-03-14", one("Seen on 14-Mar-2021."));
        assertEquals("Mar 2021|DATE|2021-03", one("Started Mar 2021."));
        assertEquals("March of 2019|DATE|2019-03", one("Started in March of 2019."));
        assertEquals("3/2021|DATE|2021-03", one("Colonoscopy 3/2021 normal."));
        assertEquals("2019|DATE|2019", one("Diagnosed in 2019."));
        assertEquals("March 14|DATE|2026-03-14", one("Seen on March 14."));
        assertEquals("March 14|DATE|XXXX-03-14", all("Seen on March 14.", null));
        assertEquals("January|DATE|2026-01", one("Symptoms since January."));
    }

    @Test
    void notDates() {
        assertEquals("", one("BP 120/80, pain 7/10, take 1/2 tab, 2000 mg daily."));
        assertEquals("", one("You may take 2 tablets. Patient will march on. Dec 2 mg."));
        assertEquals("", one("ANA titer 1:160 and 1:40."));
        assertEquals("", one("Invalid 02/30/2021 and 13/01/2021."));
        assertEquals("", one("A 45-year-old man with 3 children."));
    }

    @Test
    void times() {
        assertEquals("10:30|TIME|T10:30", one("Seen at 10:30."));
        assertEquals("2:15 pm|TIME|T14:15", one("Seen at 2:15 pm."));
        assertEquals("2 p.m.|TIME|T14:00", one("Given at 2 p.m. today").split("; ")[0]);
        assertEquals("2pm|TIME|T14:00", one("Given 2pm"));
        assertEquals("1430 hours|TIME|T14:30", one("Arrived 1430 hours"));
        assertEquals("noon|TIME|T12:00", one("Lunch at noon"));
        assertEquals("03/14/2021 10:30|TIME|2021-03-14T10:30", one("Admitted 03/14/2021 10:30 via ED"));
        assertEquals("2021-03-14 at 08:05|TIME|2021-03-14T08:05", one("Admitted 2021-03-14 at 08:05"));
    }

    @Test
    void relativeToTheDocument() {
        assertEquals("3 days ago|DATE|2026-03-04|DOCUMENT|-P3D", one("Fever started 3 days ago."));
        assertEquals("3 days ago|DATE||DOCUMENT|-P3D", all("Fever started 3 days ago.", null));
        assertEquals("a week ago|DATE|2026-02-28|DOCUMENT|-P1W", one("Fell a week ago."));
        assertEquals("two months ago|DATE|2026-01|DOCUMENT|-P2M", one("Fell two months ago."));
        assertEquals("5 years ago|DATE|2021|DOCUMENT|-P5Y", one("Smoked until 5 years ago."));
        assertEquals("yesterday|DATE|2026-03-06|DOCUMENT|-P1D", one("Seen yesterday."));
        assertEquals("today|DATE|2026-03-07|DOCUMENT|P0D", one("Seen today."));
        assertEquals("tomorrow|DATE|2026-03-08|DOCUMENT|P1D", one("Call tomorrow."));
        assertEquals("last March|DATE|2025-03|DOCUMENT|", one("Seen last March."));
        assertEquals("last February|DATE|2026-02|DOCUMENT|", one("Seen last February."));
        assertEquals("next April|DATE|2026-04|DOCUMENT|", one("Return next April."));
        assertEquals("last March|DATE||DOCUMENT|", all("Seen last March.", null));
        assertEquals("2 weeks prior|DATE|2026-02-21|DOCUMENT|-P2W", one("Onset 2 weeks prior."));
        assertEquals("in 2 weeks|DATE|2026-03-21|DOCUMENT|P2W", one("Follow up in 2 weeks.").replace("2 weeks|",
                "in 2 weeks|"));
        assertEquals("last week|DATE|2026-02-28|DOCUMENT|-P1W", one("Started last week."));
        assertEquals("2 hours ago|DATE|2026-03-07|DOCUMENT|-PT2H", one("Ate 2 hours ago."));
        assertEquals("this week|DATE|2026-03-07|DOCUMENT|P0W", one("Seen this week."));
        assertEquals("two and a half years ago|DATE||DOCUMENT|-P2.5Y", one("Quit two and a half years ago."));
    }

    @Test
    void relativeToOtherEvents() {
        assertEquals("POD #2|DATE||SURGERY|P2D", one("Doing well on POD #2."));
        assertEquals("POD2|DATE||SURGERY|P2D", one("POD2 ambulating."));
        assertEquals("postoperative day 1|DATE||SURGERY|P1D", one("On postoperative day 1 she ate."));
        assertEquals("post-op day #3|DATE||SURGERY|P3D", one("On post-op day #3 drain out."));
        assertEquals("hospital day 3|DATE||ADMISSION|P2D", one("On hospital day 3 he improved."));
        assertEquals("HD#2|DATE||ADMISSION|P1D", one("HD#2 afebrile."));
        assertEquals("2 weeks prior to admission|DATE||ADMISSION|-P2W", one("Onset 2 weeks prior to admission."));
        assertEquals("2 days after surgery|DATE||SURGERY|P2D", one("Fever 2 days after surgery."));
        assertEquals("", one("HD 3 times weekly."));
    }

    @Test
    void durations() {
        assertEquals("5 days|DURATION|P5D", one("Take for 5 days."));
        assertEquals("7 days|DURATION|P7D", one("Keflex x 7 days."));
        assertEquals("x7 days|DURATION|P7D", one("Keflex x7 days."));
        assertEquals("3 weeks|DURATION|P3W", one("Cough for the past 3 weeks."));
        assertEquals("2 months|DURATION|P2M", one("Worse over the last 2 months."));
        assertEquals("3-day|DURATION|P3D", one("A 3-day history of cough."));
        assertEquals("36 hours|DURATION|PT36H", one("Fasting for 36 hours."));
        assertEquals("past week|DURATION|P1W", one("Tired for the past week."));
        assertEquals("a week|DURATION|P1W", one("Rest for a week."));
    }

    @Test
    void severalInOneNote() {
        String text = "Admitted 03/14/2021. Fever for 2 days, started 3 days ago.\nPOD #2 today.";
        assertEquals("03/14/2021|DATE|2021-03-14; 2 days|DURATION|P2D; 3 days ago|DATE|2026-03-04|DOCUMENT|-P3D; "
                + "POD #2|DATE||SURGERY|P2D; today|DATE|2026-03-07|DOCUMENT|P0D", one(text));
    }
}
