package org.medsift.app.ingest;

/** HL7 v2 DTM / CDA TS / ISO strings to FHIR date and dateTime strings. */
final class FhirTimes {
    private FhirTimes() {
    }

    /**
     * {@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]} (or an ISO string) to a FHIR dateTime; a time without a zone
     * is cut to the date (FHIR requires a zone with a time). "" when not a date.
     */
    static String dateTime(String v) {
        String s = v == null ? "" : v.trim();
        if (s.length() >= 10 && s.charAt(4) == '-') {
            if (!validDate(s.substring(0, 10))) {
                return "";
            }
            return s.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?") ? s
                    : s.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}") ? s.substring(0, 10) : "";
        }
        int d = 0;
        while (d < s.length() && Character.isDigit(s.charAt(d))) {
            d++;
        }
        String digits = s.substring(0, d);
        String rest = s.substring(d);
        String frac = "";
        if (rest.startsWith(".")) {
            int k = 1;
            while (k < rest.length() && Character.isDigit(rest.charAt(k))) {
                k++;
            }
            frac = k > 1 ? rest.substring(0, k) : "";
            rest = rest.substring(k);
        }
        String zone = rest.matches("[+-]\\d{4}") ? rest.substring(0, 3) + ":" + rest.substring(3) : "";
        if (digits.length() < 4) {
            return "";
        }
        String date = digits.length() >= 8 ? digits.substring(0, 4) + "-" + digits.substring(4, 6) + "-"
                + digits.substring(6, 8) : digits.length() >= 6 ? digits.substring(0, 4) + "-" + digits.substring(4, 6)
                : digits.substring(0, 4);
        if (!validDate(date)) {
            return "";
        }
        if (digits.length() >= 12 && !zone.isEmpty()) {
            String time = digits.substring(8, 10) + ":" + digits.substring(10, 12) + ":"
                    + (digits.length() >= 14 ? digits.substring(12, 14) : "00") + (digits.length() >= 14 ? frac : "");
            return date + "T" + time + zone;
        }
        return date;
    }

    private static boolean validDate(String date) {
        if (date.length() >= 7) {
            int m = Integer.parseInt(date.substring(5, 7));
            if (m < 1 || m > 12) {
                return false;
            }
        }
        if (date.length() == 10) {
            try {
                java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                return false; // 2017-02-29: kept raw in the source, left out of the resource
            }
        }
        return true;
    }
}
