package org.medsift.deid;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic replacements of the same shape, derived with the {@link DeidKey} from the patient id and the original
 * value: the same patient and value give the same surrogate in every document; another key gives another one.
 */
final class Surrogates {
    private final DeidKey key;
    private final WordLexicon words;

    Surrogates(DeidKey key, WordLexicon words) {
        this.key = key;
        this.words = words;
    }

    String replace(String patient, PhiSpan span, String original) {
        return switch (span.type()) {
            case NAME -> name(patient, original);
            case DATE -> date(patient, original);
            case AGE -> "90+";
            case CONTACT -> contact(patient, span.subtype(), original);
            case LOCATION -> location(patient, span.subtype(), original);
            default -> shape(patient, "id", original);
        };
    }

    /** Each word of a name replaced by a listed name of the same case shape; initials by letters. */
    String name(String patient, String original) {
        StringBuilder b = new StringBuilder(original.length() + 8);
        Matcher m = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'\u2019-]*").matcher(original);
        int last = 0;
        boolean commaSeen = false;
        int wordIndex = 0;
        while (m.find()) {
            b.append(original, last, m.start());
            commaSeen |= original.substring(last, m.start()).contains(",");
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            String rep;
            if (w.length() == 1) {
                rep = String.valueOf((char) ('A' + key.derive(patient, "initial", lower) % 26));
            } else if (Set3.SUFFIX.contains(lower)) {
                rep = w;
            } else {
                boolean first = commaSeen || (wordIndex == 0 && m.end() < original.length()
                        && original.indexOf(',') < 0);
                String[] pool = first && (words.flags(lower) & WordLexicon.FIRST) != 0 ? words.firstNames : words.lastNames;
                rep = pool[(int) (key.derive(patient, "name", lower) % pool.length)];
                if (rep.equalsIgnoreCase(w)) {
                    rep = pool[(int) ((key.derive(patient, "name", lower) + 1) % pool.length)];
                }
                rep = caseLike(w, rep);
            }
            b.append(rep);
            last = m.end();
            wordIndex++;
        }
        b.append(original, last, original.length());
        return b.toString();
    }

    private static final class Set3 {
        static final java.util.Set<String> SUFFIX = java.util.Set.of("jr", "sr", "ii", "iii", "iv");
    }

    private static String caseLike(String model, String s) {
        if (model.equals(model.toUpperCase(Locale.ROOT))) {
            return s.toUpperCase(Locale.ROOT);
        }
        if (model.equals(model.toLowerCase(Locale.ROOT))) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    /** Days to shift every date of a patient: 1 to 365 days back, the same for all the patient's documents. */
    int dayShift(String patient) {
        return -(int) (1 + key.derive(patient, "date-shift") % 365);
    }

    private static final String MON = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern MDY = Pattern.compile("(?i)" + MON + "(\\.?\\s*)(\\d{1,2})((?:st|nd|rd|th)?(?:\\s*,\\s*|\\s+))"
            + "('?)(\\d{4}|\\d{2})(.*)", Pattern.DOTALL);
    private static final Pattern MD = Pattern.compile("(?i)" + MON + "(\\.?\\s*)(\\d{1,2})((?:st|nd|rd|th)?)(.*)", Pattern.DOTALL);
    private static final Pattern MY = Pattern.compile("(?i)" + MON + "(\\.?,?\\s*)('?)(\\d{4}|\\d{2})(.*)", Pattern.DOTALL);
    private static final Pattern NUM = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(.*)", Pattern.DOTALL);
    private static final Pattern ISO = Pattern.compile("(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(.*)", Pattern.DOTALL);

    /** The date moved by the patient's shift, written in the original's format; "[DATE]" when it cannot be read. */
    String date(String patient, String original) {
        int shift = dayShift(patient);
        try {
            Matcher m = MDY.matcher(original);
            if (m.matches()) {
                int year = year(m.group(6));
                LocalDate d = LocalDate.of(year, month(m.group(1)), Integer.parseInt(m.group(3))).plusDays(shift);
                return monthLike(m.group(1), d) + m.group(2) + d.getDayOfMonth() + m.group(4) + m.group(5)
                        + yearLike(m.group(6), d.getYear()) + m.group(7);
            }
            m = NUM.matcher(original);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(3));
                boolean us = a <= 12;
                LocalDate d = LocalDate.of(year(m.group(4)), us ? a : b, us ? b : a).plusDays(shift);
                String sep = m.group(2);
                int x = us ? d.getMonthValue() : d.getDayOfMonth();
                int y = us ? d.getDayOfMonth() : d.getMonthValue();
                return pad(x, m.group(1)) + sep + pad(y, m.group(3)) + sep + yearLike(m.group(4), d.getYear()) + m.group(5);
            }
            m = ISO.matcher(original);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4))).plusDays(shift);
                String sep = m.group(2);
                return d.getYear() + sep + pad(d.getMonthValue(), m.group(3)) + sep + pad(d.getDayOfMonth(), m.group(4))
                        + m.group(5);
            }
            m = MY.matcher(original);
            if (m.matches()) {
                LocalDate d = LocalDate.of(year(m.group(4)), month(m.group(1)), 15).plusDays(shift);
                return monthLike(m.group(1), d) + m.group(2) + m.group(3) + yearLike(m.group(4), d.getYear()) + m.group(5);
            }
            m = MD.matcher(original);
            if (m.matches()) {
                LocalDate d = LocalDate.of(2000, month(m.group(1)), Integer.parseInt(m.group(3))).plusDays(shift);
                return monthLike(m.group(1), d) + m.group(2) + d.getDayOfMonth() + m.group(4) + m.group(5);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return "[DATE]";
        }
        return "[DATE]";
    }

    private static int year(String y) {
        int v = Integer.parseInt(y.replace("'", ""));
        if (y.replace("'", "").length() == 2) {
            v += v <= 30 ? 2000 : 1900;
        }
        return v;
    }

    private static String yearLike(String model, int year) {
        String digits = model.replace("'", "");
        return digits.length() == 2 ? String.format(Locale.ROOT, "%02d", year % 100) : Integer.toString(year);
    }

    private static String pad(int v, String model) {
        return model.length() == 2 ? String.format(Locale.ROOT, "%02d", v) : Integer.toString(v);
    }

    private static int month(String m) {
        String l = m.toLowerCase(Locale.ROOT).substring(0, 3);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(l) / 3 + 1;
    }

    private static String monthLike(String model, LocalDate d) {
        String full = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String s = model.length() <= 4 && !model.equalsIgnoreCase("june") && !model.equalsIgnoreCase("july")
                ? full.substring(0, Math.min(3, full.length())) : full;
        if (model.length() == 4 && model.toLowerCase(Locale.ROOT).startsWith("sept")) {
            s = full.length() > 4 ? full.substring(0, 3) : full;
        }
        return caseLike(model, s);
    }

    String contact(String patient, String subtype, String original) {
        long h = key.derive(patient, "contact", original);
        return switch (subtype) {
            case "EMAIL" -> "person" + (h % 100000) + "@example.org";
            case "URL" -> "https://example.org/" + (h % 100000);
            case "IP" -> "192.0.2." + (1 + h % 254);
            default -> phone(patient, original);
        };
    }

    /** Same separators; the last seven digits become 555-01xx (reserved for fiction), others keyed digits. */
    String phone(String patient, String original) {
        String kept = shape(patient, "phone", original);
        char[] c = kept.toCharArray();
        int[] pos = new int[c.length];
        int n = 0;
        for (int i = 0; i < c.length; i++) {
            if (Character.isDigit(c[i])) {
                pos[n++] = i;
            }
        }
        if (n >= 7) {
            String fixed = "55501";
            for (int i = 0; i < 5; i++) {
                c[pos[n - 7 + i]] = fixed.charAt(i);
            }
        }
        return new String(c);
    }

    String location(String patient, String subtype, String original) {
        long h = key.derive(patient, "location", original.toLowerCase(Locale.ROOT));
        return switch (subtype) {
            case "CITY" -> caseLike(original, words.cities[(int) (h % words.cities.length)]);
            case "INSTITUTION" -> words.lastNames[(int) (h % words.lastNames.length)] + " Medical Center";
            case "ZIP", "ROOM" -> shape(patient, "loc", original);
            default -> (100 + h % 9000) + " " + words.lastNames[(int) (h / 9000 % words.lastNames.length)] + " Street";
        };
    }

    /** Digits to keyed digits, letters to keyed letters of the same case; everything else kept. */
    String shape(String patient, String purpose, String original) {
        byte[] h = key.hmac(patient, purpose, original);
        StringBuilder b = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            int r = h[i % h.length] & 0xFF;
            if (i >= h.length) {
                r = (r + i * 31) & 0xFF;
            }
            if (c >= '0' && c <= '9') {
                char d = (char) ('0' + r % 10);
                b.append(d == c ? (char) ('0' + (r + 1) % 10) : d);
            } else if (c >= 'A' && c <= 'Z') {
                b.append((char) ('A' + r % 26));
            } else if (c >= 'a' && c <= 'z') {
                b.append((char) ('a' + r % 26));
            } else if (Character.isLetter(c)) {
                b.append(Character.isUpperCase(c) ? (char) ('A' + r % 26) : (char) ('a' + r % 26));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

}
