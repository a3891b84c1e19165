package org.medsift.io.doc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Builds synthetic PDF, DOCX and RTF documents for tests, and (run as a program) writes the committed fixtures:
 * {@code java ... DocFixtures BAD_DIR INGEST_DIR} rewrites {@code fixtures/doc/bad} of this module and the document
 * inputs of medsift-app's {@code fixtures/ingest}. All text is made up. {@code java ... DocFixtures --corpus
 * NOTES_DIR OUT_DIR N} turns the first N text notes of a folder into PDFs (50 lines a page) and DOCX files (one
 * paragraph a line) under OUT_DIR/pdf and OUT_DIR/docx, for the ingest throughput benchmark (docs/benchmarks.md).
 */
final class DocFixtures {
    static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocFixtures() {
    }

    /** A PDF with one page per argument; each line of a page is one text line (Helvetica 11); not compressed. */
    static byte[] pdf(String... pages) {
        return encryptedPdf(null, pages);
    }

    /** The same, encrypted with the given user password (null: not encrypted). */
    static byte[] encryptedPdf(String userPassword, String... pages) {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String page : pages) {
                PDPage p = new PDPage();
                doc.addPage(p);
                if (page.isEmpty()) {
                    continue;
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.setLeading(14);
                    cs.newLineAtOffset(72, 720);
                    for (String line : page.split("\n")) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A DOCX whose {@code word/document.xml} is the given bytes. */
    static byte[] docxWithDocument(byte[] documentXml) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        m.put("word/document.xml", documentXml);
        return zip(m);
    }

    /** A DOCX whose body is the given WordprocessingML (inside {@code w:body}). */
    static byte[] docxBody(String bodyXml) {
        return docxWithDocument(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\""
                + W_NS + "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
                + bodyXml + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8));
    }

    /** A DOCX with one plain paragraph per argument. */
    static byte[] docx(String... paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            sb.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(xmlEscape(p)).append("</w:t></w:r></w:p>");
        }
        return docxBody(sb.toString());
    }

    /** An RTF document with one paragraph per argument (Windows-1252; non-ASCII written as \'hh). */
    static byte[] rtf(String... paragraphs) {
        StringBuilder sb = new StringBuilder("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}"
                + "{\\info{\\title Synthetic note}}\n\\f0\\fs22 ");
        for (String p : paragraphs) {
            for (char c : p.toCharArray()) {
                if (c == '\\' || c == '{' || c == '}') {
                    sb.append('\\').append(c);
                } else if (c > 127) {
                    sb.append(String.format("\\'%02x", (int) String.valueOf(c).getBytes(
                            java.nio.charset.Charset.forName("windows-1252"))[0] & 0xff));
                } else {
                    sb.append(c);
                }
            }
            sb.append("\\par\n");
        }
        return sb.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void corpus(Path notes, Path out, int n) throws IOException {
        Files.createDirectories(out.resolve("pdf"));
        Files.createDirectories(out.resolve("docx"));
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(notes)) {
            files = s.filter(Files::isRegularFile).sorted().limit(n).toList();
        }
        for (Path f : files) {
            String stem = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            // Helvetica's WinAnsiEncoding: other characters become '?'; long lines wrap at 95 chars
            java.util.List<String> lines = new java.util.ArrayList<>();
            for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\r?\n")) {
                String l = line.replaceAll("[^\\x20-\\x7e\\xa0-\\xff]", "?");
                do {
                    lines.add(l.substring(0, Math.min(95, l.length())));
                    l = l.substring(Math.min(95, l.length()));
                } while (!l.isEmpty());
            }
            java.util.List<String> pages = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i += 50) {
                pages.add(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 50))).replace("\n\n", "\n \n"));
            }
            Files.write(out.resolve("pdf").resolve(stem + ".pdf"), pdf(pages.toArray(new String[0])));
            Files.write(out.resolve("docx").resolve(stem + ".docx"), docx(lines.toArray(new String[0])));
        }
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static final String[] NOTE_PAGES = {
        "DISCHARGE SUMMARY\nHistory: type 2 diabetes mellitus and hypertension.\nThe patient denies chest pain.",
        "Medications: metformin 500 mg PO twice daily; lisinopril 10 mg daily.\nAllergies: penicillin (rash)."};

    /** Writes the committed fixtures or a benchmark corpus (see the class comment). */
    public static void main(String[] args) throws IOException {
        if (args[0].equals("--corpus")) {
            corpus(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path bad = Path.of(args[0]);
        Files.createDirectories(bad);
        byte[] good = pdf(NOTE_PAGES);
        Files.write(bad.resolve("truncated.pdf"), Arrays.copyOf(good, good.length * 55 / 100));
        Files.write(bad.resolve("encrypted.pdf"), encryptedPdf("user-secret", NOTE_PAGES));
        Files.write(bad.resolve("header-only.pdf"), "%PDF-1.7\n% nothing else follows\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(bad.resolve("not-a-pdf.pdf"), "GIF89a this is not a PDF".getBytes(StandardCharsets.US_ASCII));
        Files.write(bad.resolve("not-docx.zip"), zip(Map.of("readme.txt", "a zip, not a DOCX".getBytes(StandardCharsets.UTF_8))));
        Files.write(bad.resolve("external-entity.docx"), docxWithDocument(("<?xml version=\"1.0\"?><!DOCTYPE w:document "
                + "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"" + W_NS + "\"><w:body><w:p><w:r>"
                + "<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8)));
        byte[] huge = new byte[DocxReader.MAX_XML_BYTES + 1024];
        Arrays.fill(huge, (byte) ' ');
        byte[] head = ("<?xml version=\"1.0\"?><w:document xmlns:w=\"" + W_NS + "\"><w:body>").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        Files.write(bad.resolve("huge-entry.docx"), docxWithDocument(huge));
        byte[] utf8 = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W_NS + "\"><w:body><w:p><w:r>"
                + "<w:t>First paragraph is fine.</w:t></w:r></w:p><w:p><w:r><w:t>Caf\u00e9 written in Latin-1.</w:t></w:r>"
                + "</w:p></w:body></w:document>").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bad.resolve("wrong-encoding.docx"), docxWithDocument(utf8));
        byte[] fine = docx("First paragraph.", "Second paragraph.");
        Files.write(bad.resolve("truncated.docx"), Arrays.copyOf(fine, fine.length / 2));
        byte[] badName = fine.clone();
        badName[30] = (byte) 0xC3; // the first entry's name (local header offset 30) becomes invalid UTF-8
        badName[31] = (byte) 0x28;
        Files.write(bad.resolve("bad-entry-name.docx"), badName);
        Files.write(bad.resolve("not-well-formed.docx"), docxWithDocument(("<?xml version=\"1.0\"?><w:document xmlns:w=\""
                + W_NS + "\"><w:body><w:p><w:r><w:t>Kept paragraph.</w:t></w:r></w:p><w:p><w:r><w:t>Broken</w:r>"
                + "</w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(bad.resolve("unbalanced-close.rtf"), "{\\rtf1\\ansi First paragraph.\\par\n}}\nText after the "
                + "extra brace.\\par\n}", StandardCharsets.US_ASCII);
        Files.writeString(bad.resolve("unclosed.rtf"), "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\n{\\b Bold start.\\par\n"
                + "Truncated here", StandardCharsets.US_ASCII);
        Files.writeString(bad.resolve("unknown-codepage.rtf"), "{\\rtf1\\ansi\\ansicpg99999 Caf\\'e9 au lait.\\par\n}",
                StandardCharsets.US_ASCII);
        Files.writeString(bad.resolve("bad-hex.rtf"), "{\\rtf1\\ansi Bad \\'zz escape, text kept.\\par\n}",
                StandardCharsets.US_ASCII);
        Files.writeString(bad.resolve("not-rtf.rtf"), "Plain text saved with an .rtf name.\n", StandardCharsets.US_ASCII);
        if (args.length > 1) {
            Path ingest = Path.of(args[1]);
            Files.createDirectories(ingest);
            Files.write(ingest.resolve("discharge-note.pdf"), good);
            Files.write(ingest.resolve("clinic-letter.docx"), docx("CLINIC LETTER",
                    "Assessment: asthma, well controlled. No wheezing today.",
                    "Plan: continue albuterol inhaler as needed. Follow up in 3 months."));
            Files.write(ingest.resolve("progress-note.rtf"), rtf("PROGRESS NOTE",
                    "Patient reports headache for two days; denies fever.", "Impression: migraine. Start ibuprofen 400 mg."));
        }
    }
}
