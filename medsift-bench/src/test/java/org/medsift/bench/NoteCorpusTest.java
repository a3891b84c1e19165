package org.medsift.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteCorpusTest {

    @Test
    void generatedCorpusIsDeterministicAndNoteSized() {
        NoteCorpus a = NoteCorpus.generated();
        NoteCorpus b = NoteCorpus.generated();
        assertEquals(NoteCorpus.GENERATED_NOTES, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.notes().get(i).content(), b.notes().get(i).content());
        }
        long mean = a.totalUtf8Bytes() / a.size();
        assertTrue(mean > 1_000 && mean < 8_000, "mean note size " + mean);
    }

    @Test
    void generatedNotesCarryAssertionCues() {
        String all = String.join("\n", NoteCorpus.generated().notes().stream().map(t -> t.content()).toList());
        for (String cue : new String[] {"denies", "No family history of", "no evidence of", "Possible", "Rule out"}) {
            assertTrue(all.contains(cue), cue);
        }
    }

    @Test
    void readsTxtFilesOfAFolderInPathOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "Denies chest pain.");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.txt"), "Hypertension.");
        Files.writeString(dir.resolve("ignored.md"), "not a note");
        NoteCorpus c = NoteCorpus.resolve(dir.toString());
        assertEquals(2, c.size());
        assertEquals("b.txt", c.notes().get(0).id());
        assertEquals(31, c.totalUtf8Bytes());
    }

    @Test
    void aMissingFolderIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoteCorpus.resolve("no/such/folder"));
        assertTrue(e.getMessage().contains("neither"), e.getMessage());
    }
}
