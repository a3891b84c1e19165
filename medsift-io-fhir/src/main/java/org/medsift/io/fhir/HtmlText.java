package org.medsift.io.fhir;

/**
 * HTML to plain text: tags removed, a line break after block elements ({@code p div br li tr h1-h6 table}), a tab
 * after table cells, {@code script} and {@code style} content dropped, character references decoded, runs of
 * spaces collapsed. Offsets of findings refer to the result, not to the HTML.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String strip(String html) {
        StringBuilder sb = new StringBuilder(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                String tag = html.substring(i + 1, close).trim().toLowerCase(java.util.Locale.ROOT);
                String name = tag.replaceFirst("^/", "").split("[\\s/>]", 2)[0];
                if ((name.equals("script") || name.equals("style")) && !tag.startsWith("/")) {
                    int end = html.toLowerCase(java.util.Locale.ROOT).indexOf("</" + name, close);
                    i = end < 0 ? n : end;
                    continue;
                }
                switch (name) {
                    case "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol" -> {
                        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                            sb.append('\n');
                        }
                    }
                    case "td", "th" -> {
                        if (tag.startsWith("/")) {
                            sb.append('\t');
                        }
                    }
                    default -> { }
                }
                i = close + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i <= 10) {
                    String ent = html.substring(i + 1, semi);
                    String rep = switch (ent) {
                        case "amp" -> "&";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        case "nbsp" -> " ";
                        default -> numeric(ent);
                    };
                    if (rep != null) {
                        sb.append(rep);
                        i = semi + 1;
                        continue;
                    }
                }
                sb.append(c);
                i++;
            } else if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ' && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append(' ');
                }
                i++;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString().strip();
    }

    private static String numeric(String ent) {
        try {
            if (ent.startsWith("#x") || ent.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(ent.substring(2), 16)));
            }
            if (ent.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(ent.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
