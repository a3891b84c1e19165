package org.medsift.nlp.assertion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medsift.core.model.Assertion;
import org.medsift.core.model.AssertionCue;
import org.medsift.core.pipeline.Pipeline;
import org.medsift.core.text.Document;
import org.medsift.core.text.Text;
import org.medsift.nlp.section.SectionDetector;
import org.medsift.nlp.sentence.SentenceSplitter;
import org.medsift.nlp.tokenize.ClinicalTokenizer;
import org.medsift.nlp.tokenize.GoldenFiles;

/**
 * Golden fixtures in {@code fixtures/assertion/}: synthetic notes with the spans to assess marked {@code [[...]]};
 * the golden file lists, per span, its polarity, certainty, temporality, experiencer, conditional flag and cues
 * ({@code CATEGORY 'trigger' rule}). Rewrite with {@code -Dmedsift.updateGolden=true} and review the diff.
 */
class ContextFixturesTest {
    private static final Pipeline TEXT = Pipeline.builder().add(new ClinicalTokenizer()).add(new SentenceSplitter())
            .add(new SectionDetector()).build();
    private static final ContextAnnotator CONTEXT = new ContextAnnotator(ContextRules.defaults());

    static List<Path> fixtures() {
        return GoldenFiles.inputs("assertion");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesGoldenAssertions(Path input) {
        String marked = GoldenFiles.read(input);
        StringBuilder plain = new StringBuilder(marked.length());
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("[[", i);
            if (open < 0) {
                plain.append(marked, i, marked.length());
                break;
            }
            int close = marked.indexOf("]]", open);
            plain.append(marked, i, open);
            int start = plain.length();
            plain.append(marked, open + 2, close);
            spans.add(new int[] {start, plain.length()});
            i = close + 2;
        }
        String text = plain.toString();
        Document doc = TEXT.process(Text.of(input.getFileName().toString(), text));
        StringBuilder out = new StringBuilder();
        for (int[] span : spans) {
            Assertion a = CONTEXT.assess(doc, span[0], span[1]);
            out.append(text, span[0], span[1]).append('\t')
                    .append(a.negated() ? "negated" : "affirmed").append('\t')
                    .append(lower(a.certainty())).append('\t')
                    .append(lower(a.temporality())).append('\t')
                    .append(lower(a.experiencer())).append('\t')
                    .append(a.conditional() ? "conditional" : "-").append('\t');
            if (a.cues().isEmpty()) {
                out.append('-');
            }
            for (int c = 0; c < a.cues().size(); c++) {
                AssertionCue cue = a.cues().get(c);
                out.append(c == 0 ? "" : "; ").append(cue.category()).append(" '").append(cue.trigger())
                        .append("' ").append(cue.rule());
            }
            out.append('\n');
        }
        GoldenFiles.assertMatches("assertion", input, out.toString());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
