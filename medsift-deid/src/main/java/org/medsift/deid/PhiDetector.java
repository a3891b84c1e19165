package org.medsift.deid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medsift.lexicon.DefaultLexicon;
import org.medsift.vocab.Lexicon;

/**
 * Finds protected health information (the HIPAA Safe Harbor identifiers as they appear in clinical text) in a
 * text. Recall comes first: a missed name is a breach, an extra redaction a nuisance.
 *
 * <p>Detectors, in order (docs/deid.md describes each):
 * <ol>
 *   <li>patterns with validation: dates (real calendar dates only; a year alone is kept), ages of 90 and over,
 *       phone and fax numbers (shape, or digit groups after a phone cue), e-mail, URL, IPv4, SSN, IBAN, card
 *       numbers, identifiers (any token with five or more digits, and codes after MRN / account / licence / plan
 *       / device cues), rooms, street addresses (US and European shapes), units, PO boxes, ZIP codes;</li>
 *   <li>institutions: capitalized runs ending in a facility word (Hospital, Medical Center, Clinic, Memorial,
 *       ...), "St. / Saint / Holy ..." names, and the facility line after a de-identification banner;</li>
 *   <li>names: context cues (titles "Dr.", "Mrs."; labels "PATIENT NAME:", "ATTENDING PHYSICIAN:", "cc:";
 *       phrases "seen by", "signed by", "daughter"; a following ", M.D." or "is a 70-year-old"), the name
 *       lexicon built from Datafaker's and Synthea's name lists of many locales, extension over adjacent
 *       initials and capitalized words, and propagation of every name found to its other mentions;</li>
 *   <li>cities and places after place cues ("grew up in", "lives in", "City, ST").</li>
 * </ol>
 * Clinical words are protected: a listed name that is also a word of the clinical lexicon (Parkinson, Foley,
 * Hodgkin) or an English word ("Will", "Hope") counts as a name only with a context cue or next to another name,
 * an eponym followed by "disease", "catheter", "lymphoma", ... is never a name without a title, and all-capital
 * words (section headers, "LEFT ATRIUM:") are names only after a label or title.
 *
 * <p>Immutable and thread-safe; the lexicons are loaded once per JVM.
 */
public final class PhiDetector {
    private final WordLexicon words;
    private final Lexicon clinical;
    private final Map<String, Pattern> otherPatterns;

    private PhiDetector(WordLexicon words, Lexicon clinical, Map<String, Pattern> otherPatterns) {
        this.words = words;
        this.clinical = clinical;
        this.otherPatterns = otherPatterns;
    }

    /** The detector with the embedded lexicons and no extra identifier patterns. */
    public static PhiDetector standard() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link PhiDetector}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Pattern> other = new LinkedHashMap<>();
        private Lexicon clinical;
        private boolean noClinical;

        private Builder() {
        }

        /**
         * Adds an 'other unique identifier' pattern: every match is reported as {@link PhiType#OTHER} with the
         * given sub-type label.
         *
         * @throws IllegalArgumentException naming the label and the pattern when the regular expression is invalid
         */
        public Builder otherPattern(String label, String regex) {
            Objects.requireNonNull(label, "label");
            try {
                other.put(label, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("other-identifier pattern '" + label + "' is not a valid regular"
                        + " expression: " + e.getDescription(), e);
            }
            return this;
        }

        /** The clinical lexicon whose words are protected (default: the embedded default lexicon). */
        public Builder clinicalLexicon(Lexicon lexicon) {
            this.clinical = Objects.requireNonNull(lexicon, "lexicon");
            return this;
        }

        /** Uses no clinical lexicon (faster start, more clinical words taken for names). */
        public Builder withoutClinicalLexicon() {
            this.noClinical = true;
            return this;
        }

        public PhiDetector build() {
            Lexicon lex = noClinical ? null : clinical != null ? clinical : DefaultLexicon.get();
            return new PhiDetector(WordLexicon.get(), lex, Map.copyOf(other));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // patterns (compiled once)

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern DATE_MDY = Pattern.compile("\\b(" + MONTH + ")\\.?\\s{0,2}(\\d{1,2})(?:st|nd|rd|th)?"
            + "(?:(?:\\s*,\\s*|\\s{1,2})('?\\d{4}|'?\\d{2})(?![\\d:]))?(?!\\d)", CI);
    private static final Pattern DATE_DMY = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{0,2}(?:of\\s+)?-?(" + MONTH
            + ")\\b\\.?(?:-?,?\\s{0,2}(\\d{4}|'?\\d{2})\\b)?", CI);
    private static final Pattern DATE_MY = Pattern.compile("\\b(" + MONTH + ")\\.?,?\\s{0,2}(\\d{4}|'\\d{2})\\b", CI);
    private static final Pattern DATE_NUM = Pattern.compile("(?<![\\d./-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/-]|\\.\\d)");
    private static final Pattern DATE_ISO = Pattern.compile("(?<![\\d./-])(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?![\\d/-]|\\.\\d)");
    private static final Pattern DATE_MD = Pattern.compile("(?i)\\b(?:on|since|from|until|till|through|thru|dated|date"
            + "|dob|dos|admitted|discharged|seen)\\s*:?\\s*(\\d{1,2})/(\\d{1,2})(?![\\d/]|\\.\\d)");
    private static final Pattern TIME_AFTER = Pattern.compile("^(?:,?\\s{0,3}(?:T|at|@)?\\s{0,2})\\d{1,2}:\\d{2}(?::\\d{2})?"
            + "(?:\\s?[AaPp]\\.?[Mm]\\.?)?");
    private static final Pattern AGE_YEARS = Pattern.compile("(?<![\\d.])(\\d{2,3})\\s*-?\\s*(?:years?|yrs?|y/o|yo|y\\.o\\.|"
            + "year-old|yr-old)\\b", CI);
    private static final Pattern AGE_CUE = Pattern.compile("\\b(?:age[ds]?|aged|age of|at age)\\s*:?\\s*(?:of\\s+)?(\\d{2,3})\\b"
            + "|\\bin (?:his|her|their) (\\d{2,3})'?s\\b", CI);
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"'()\\[\\]]+");
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|edu|gov|io"
            + "|info|biz|co\\.uk|com\\.au|com\\.br)\\b(?:/[^\\s]*)?");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.]\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?i)\\b(?:[0-9a-f]{1,4}:){4,7}[0-9a-f]{1,4}\\b");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])");
    private static final Pattern PHONE_US = Pattern.compile("(?<![\\w.+/-])(?:\\+?1[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]{0,2}\\d{3}"
            + "[\\s.-]\\d{4}(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?(?![\\w-]|\\.\\d)");
    private static final Pattern PHONE_INTL = Pattern.compile("(?<![\\w.+/-])(?:\\+\\d{1,3}[\\s.-]?(?:\\(\\d{1,4}\\)[\\s.-]?)?"
            + "\\d{1,5}(?:[\\s.-]\\d{1,5}){0,5}|\\(\\d{1,4}\\)\\s?\\d{2,5}(?:[\\s.-]\\d{2,5}){1,3}"
            + "|0\\d{1,4}(?:[\\s.-]\\d{2,5}){1,4})(?![\\w-]|\\.\\d)");
    private static final Pattern PHONE_GROUPS = Pattern.compile("(?<![\\w.+/-])\\d{2,5}(?:[\\s.-]\\d{2,5}){1,4}(?![\\w-]|\\.\\d)");
    private static final Pattern PHONE_CUE = Pattern.compile("(?i)(?:phone|tel|telephone|call|fax|cell|mobile|pager|beeper"
            + "|contact|reach|number|ph|at|to|is|#)\\s*[:.#]?\\s*$");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Za-z]{2}\\d{2}[A-Za-z]{0,4}\\d[A-Za-z0-9]{9,29}\\b");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d{4}[ -]\\d{4,6}[ -]\\d{4,5}(?:[ -]\\d{1,7})?(?![\\d-])");
    private static final Pattern NUMERIC_TOKEN = Pattern.compile("(?<![\\w.@/-])[A-Za-z]{0,6}\\d[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
            + "(?![\\w@]|\\.\\d)");
    private static final Pattern ID_CUE = Pattern.compile("(?i)\\b(?:mrn|mr\\s?#|medical record(?:\\s+number)?|record\\s?#|acct|account"
            + "|accession|case|patient id|pt id|id|ssn|social security(?:\\s+number)?|license|licence|lic|dea|npi|plate|vin|serial"
            + "|device|policy|member|subscriber|group|plan|insurance|certificate|passport|badge|specimen|path(?:ology)?)"
            + "\\s*(?:no\\.?|number|num|#|id)?\\s*[:#=]?\\s*([A-Za-z]{0,4}[-\\s]?\\d[A-Za-z0-9-]{1,24})");
    private static final Pattern ROOM = Pattern.compile("\\b\\d{1,2}[A-Z]{1,2}-\\d{1,3}\\b|(?i)\\b(?:room|rm|bed|ward)\\s*#?\\s*"
            + "\\d{1,4}[A-Za-z]?\\b");
    private static final String STREET_TYPES = "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way"
            + "|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Squares?|Sq|Trail|Trl|Alley|Plaza|Path|Pike|Row"
            + "|Crescent|Close|Grove|Gardens|Heights|Ridge|Run|Loop|Walk|Crossing|Route|Rte|Mews|Park|Expressway"
            + "|Freeway|Turnpike|Estates?|View|Hills?|Green|Port|Point|Bend|Cove|Creek|Ferry|Fields?|Glen|Harbor"
            + "|Haven|Knoll|Landing|Manor|Meadows?|Mills?|Mission|Pass|Springs?|Station|Summit|Trace|Track|Union"
            + "|Vale|Valley|Village|Vista|Wall|Wells?|Wynd|Junction|Bridge|Bypass|Camp|Common|Corner|Dale|Divide"
            + "|Flat|Forge|Fork|Fort|Gate|Gateway|Hollow|Key|Light|Lock|Lodge|Neck|Orchard|Passage|Pathway|Ranch"
            + "|Rapids?|Rest|Shoals?|Shores?|Skyway|Spur|Stravenue|Tunnel|Underpass|Viaduct|Annex|Approach|Arcade"
            + "|Bay|Branch|Brook|Burg|Byway|Club|Course|Esplanade|Extension|Mall|Overpass|Promenade|Quay|Ramp"
            + "|Throughway|Trafficway|Trailer|Ville|str";
    private static final Pattern STREET_US = Pattern.compile("(?<![\\w.])\\d{1,6}[A-Za-z]?(?:\\s+[NSEW]\\.?)?(?:\\s+(?:\\d{1,5}|[\\p{Lu}][\\p{L}'.-]*))"
            + "{1,4}\\s+(?:" + STREET_TYPES + ")\\b\\.?");
    private static final Pattern STREET_EU = Pattern.compile("(?:\\b[\\p{Lu}][\\p{L}'.-]*\\s+){0,3}[\\p{L}'-]*(?:tie|katu|kuja|gata"
            + "|gatan|vägen|vej|vegen|veien|gade|straße|strasse|str\\.|weg|gasse|laan|straat|plein|utca|tér|út|ulica|tee"
            + "|maantee|allee|platz|ranta|polku|väylä|stræde|torg|torget|rinne|mäki)\\s+\\d{1,5}[A-Za-z]?\\.?", CI);
    private static final Pattern STREET_PREFIX = Pattern.compile("\\b(?:Rua|Via|Viale|Calle|Avenida|Av\\.|Avda\\.|Rue|Piazza"
            + "|Corso|Largo|Praça|Travessa|Ulica|ul\\.|Carrer|Paseo|Camino|Strada|Chemin|Allée|Plaza|Avenue|Boulevard)"
            + "(?:\\s+[\\p{L}'.-]+){1,5}\\s+\\d{1,5}[A-Za-z]?\\b");
    private static final Pattern UNIT = Pattern.compile("\\b(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Bldg|Building)\\.?"
            + "\\s*#?\\s*\\d{1,5}[A-Za-z]?\\b|\\b(?:P\\.?\\s?O\\.?\\s*Box|PSC|Box)\\s*\\d{1,6}\\b"
            + "|\\b(?:APO|FPO|DPO)\\s+(?:AA|AE|AP)\\s+\\d{5}\\b", CI);
    private static final Pattern ZIP_STATE = Pattern.compile("\\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]"
            + "|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)\\.?,?\\s+(\\d{5}(?:-\\d{4})?)\\b");
    private static final Pattern ZIP_CUE = Pattern.compile("(?i)\\b(?:zip(?:\\s*code)?|postal\\s*code|postcode|post\\s*code)"
            + "\\s*:?\\s*(\\d{3,5}(?:[ -]\\d{2,4})?(?:\\s?[A-Z]{2}\\b)?)");
    private static final Pattern CITY_STATE = Pattern.compile("\\b((?:[\\p{Lu}][\\p{L}'.-]+\\s+){0,2}[\\p{Lu}][\\p{L}'.-]+),\\s+"
            + "(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT"
            + "|V[TA]|W[AVIY])\\b(?!-)");
    private static final Pattern ADDRESS_CUE = Pattern.compile("(?i)\\b(?:(?:billing|shipping|mailing|home|new|my|street|current"
            + "|permanent|postal|his|her|their|patient's)\\s+address(?:\\s+is|\\s+to|\\s*:)|address\\s*:|lives at|living at"
            + "|resides at|residing at|meet you at|moved to|send (?:it|this|them|a new one|the \\w+) to)\\s*");
    private static final String FACILITY = "Hospital|Hospitals|Medical Center|Medical Centre|Med Ctr|Health Center"
            + "|Health Centre|Health System|Healthcare|Health Care|Clinic|Clinics|Institute|Memorial|Rehabilitation"
            + "|Regional|Infirmary|Nursing Home|Nursing Facility|Care Center|Hospice|Sanatorium|Sanitarium|Medical Group"
            + "|University|College|Surgery Center|Surgical Center|Cancer Center|Heart Center|Children's|Pavilion"
            + "|Nursing Home|Health|Center|Centre";
    private static final Pattern INSTITUTION = Pattern.compile("(?:\\b(?:[\\p{Lu}][\\p{L}'&.-]*|of)[ \\t]+){0,5}"
            + "(?:" + FACILITY + ")\\b(?:\\s+(?:of|at)\\s+[\\p{Lu}][\\p{L}'.-]+(?:\\s+[\\p{Lu}][\\p{L}'.-]+){0,2})?");
    private static final Pattern INSTITUTION_LEAD = Pattern.compile("^(?:(?:[Tt]he|of|and|&|[A-Z]{4,}|[\\p{L}]+'s)\\s+)+");
    private static final Pattern SAINT = Pattern.compile("\\b(?:St\\.?|Saint|Holy|Our Lady of|Mount Sinai|Mt\\.)[ \\t]+"
            + "[\\p{Lu}][\\p{Ll}'.-][\\p{L}'.-]*(?:[ \\t]+[\\p{Lu}][\\p{Ll}'.-][\\p{L}'.-]*){0,3}");
    private static final Pattern BANNER = Pattern.compile("(?i)de-?id\\b[^\\]\\n]{0,60}\\]\\s*");
    private static final Pattern PLACE_CUE = Pattern.compile("(?i)\\b(?:grew up in|moved (?:here )?(?:from|to)|flew to|lives in"
            + "|living in|live in|resides in|residing in|born in|i'm in|i am in|trip to|visit(?:ing|ed)?|travel(?:l?ed|ling)? to"
            + "|relocated to|came from|comes from|native of|hometown(?: is)?|city of|town of|county|based in|located in)\\s+$");
    private static final Pattern WEAK_PLACE_CUE = Pattern.compile("(?i)\\b(?:in|from|to|at|near|of|and)\\s+$");
    private static final Pattern LABEL = Pattern.compile("(?i)\\b(?:patient(?:'s)?\\s+name|name|physician|attending"
            + "|surgeon|resident|intern|fellow|provider|pcp|doctor|nurse|rn|np|author|dictated by|transcribed by|signed by"
            + "|electronically signed by|seen by|examined by|reviewed by|cc|copy to|copies to|contact|emergency contact"
            + "|next of kin|nok|guardian|son|daughter|wife|husband|mother|father|sister|brother|spouse|partner|friend"
            + "|caregiver|interpreter|witness|technologist|sonographer|therapist|directed by|by|attn|to|from|dear"
            + "|recipient|sender|referred by|referring|consultant|consulting|proxy|poa|informant)\\s*(?::|#|-)\\s*");
    private static final Pattern PHRASE = Pattern.compile("(?i)\\b(?:seen by|signed by|dictated by|reviewed by|examined by"
            + "|evaluated by|accompanied by|referred by|discussed with|spoke with|spoke to|talked to|talked with|called"
            + "|per|daughter|son|wife|husband|mother|father|sister|brother|niece|nephew|grandson|granddaughter|friend"
            + "|neighbor|neighbour|partner|my name is|name is|named|under|with|by|kid|child|cc|care of|c/o|dear|hi|hello"
            + "|thanks|thank you|sincerely|regards|attn|patient|pt|client|resident|mrs|mr|ms|dr|and|or|from|to|is|was)"
            + "\\s*,?\\s+$");
    private static final Pattern SIGNATURE = Pattern.compile("_{4,}\\s*");
    private static final Pattern DEGREE_AFTER = Pattern.compile("^,?\\s{0,2}(?:M\\.?D\\.?|D\\.?O\\.?|R\\.?N\\.?|N\\.?P\\.?|PA-C"
            + "|Ph\\.?D\\.?|D\\.?D\\.?S\\.?|MBBS|FACS|FACP|CRNA|LPN|MSW|LCSW|PharmD|RPh)\\b");
    private static final Pattern AGE_AFTER = Pattern.compile("^\\s+(?:is|was)\\s+(?:a|an)\\s+(?:very\\s+)?(?:pleasant\\s+)?"
            + "\\d{1,3}[- ]?(?:year|yr|y/o|yo|month|week|day)");

    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "miss", "mx", "prof", "doctor", "mister",
            "madam", "mme", "mlle", "sr", "sra", "srta", "herr", "frau", "dott", "dra", "fr", "rev", "sir", "dame");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    private static final Set<String> EPONYM_HEADS = Set.copyOf(Arrays.asList("disease", "diseases", "syndrome", "sign", "signs",
            "catheter", "catheters", "lymphoma", "palsy", "test", "maneuver", "manoeuvre", "procedure", "operation",
            "fracture", "tear", "reflex", "score", "scale", "criteria", "classification", "phenomenon", "tube", "drain",
            "stocking", "stockings", "bag", "position", "incision", "law", "node", "nodes", "body", "bodies", "cell",
            "cells", "disorder", "ulcer", "anemia", "anaemia", "aneurysm", "hernia", "tumor", "tumour", "sarcoma",
            "encephalopathy", "ataxia", "dystrophy", "chorea", "contracture", "triad", "pouch", "fistula", "shunt",
            "valve", "needle", "forceps", "clamp", "retractor", "gradient", "equation", "formula", "method",
            "technique", "repair", "approach", "view", "rule", "diet", "solution", "vein", "duct", "canal", "ligament",
            "membrane", "capsule", "cyst", "nodule", "angle", "space", "gland", "glands", "thyroiditis", "block",
            "wave", "waves", "respiration", "breathing", "reaction", "esophagus", "ring", "line", "lines", "balloon",
            "stain", "staining", "type", "classification", "lesion", "lesions", "spots", "nodes", "murmur", "sarcoma",
            "hip", "knee", "elbow", "thumb", "finger", "toe", "foot", "arm", "area", "cycle", "effect", "curve"));
    /** Capitalized words that are never names on their own (function words, report words, calendar words). */
    private static final Set<String> STOP = new HashSet<>(Arrays.asList(("the a an and or but if of in on at to for from"
            + " by with without as is was are were be been he she his her him they them their it its this that these those"
            + " there here who whom which what when where why how not no yes all any some each every one two three four"
            + " five patient patients pt history hospital course plan impression assessment findings diagnosis diagnoses"
            + " date time service admission discharge discharged admitted physician attending primary care department"
            + " emergency summary report reason chief complaint present illness exam examination review systems family"
            + " social medications medication allergies allergy procedure procedures labs laboratory results result"
            + " monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday morning evening night"
            + " january february march april may june july august september october november december jan feb mar apr"
            + " jun jul aug sep sept oct nov dec mr mrs ms dr miss doctor md do rn np pa sex male female name account"
            + " follow up followup she'll he'll i we you your my our me us also then however please thanks thank hello hi"
            + " dear sincerely regards unit floor room bed ward street road avenue county city state country north south"
            + " east west left right upper lower mild moderate severe normal abnormal negative positive new old"
            + " st saint holy mount mt general memorial regional medical center centre clinic institute university"
            + " college health will can could would should may might must shall also very much more most less least"
            + " again after before during until since while because so than too only just still already once ever"
            + " never always often sometimes usually").split(" ")));

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Detects PHI in {@code text}.
     *
     * @return spans sorted by start, non-overlapping (overlapping detections are merged); empty when nothing is
     *         found. Offsets are UTF-16 indices into {@code text}.
     */
    public List<PhiSpan> detect(CharSequence text) {
        String s = text.toString();
        List<PhiSpan> out = new ArrayList<>();
        Words w = new Words(s);
        detectPatterns(s, out);
        detectInstitutions(s, w, out);
        detectNames(s, w, out);
        detectPlaces(s, w, out);
        for (Map.Entry<String, Pattern> e : otherPatterns.entrySet()) {
            Matcher m = e.getValue().matcher(s);
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new PhiSpan(m.start(), m.end(), PhiType.OTHER, e.getKey()));
                }
            }
        }
        return merge(out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // patterns

    private void detectPatterns(String s, List<PhiSpan> out) {
        Matcher m = DATE_MDY.matcher(s);
        while (m.find()) {
            if (!monthOk(m.group(1)) || !day(m.group(2))) {
                continue;
            }
            if (m.group(3) == null && !Character.isUpperCase(m.group(1).charAt(0))) {
                continue;
            }
            addDate(s, m.start(), m.end(), out);
        }
        m = DATE_DMY.matcher(s);
        while (m.find()) {
            if (monthOk(m.group(2)) && day(m.group(1)) && (m.group(3) != null
                    || Character.isUpperCase(m.group(2).charAt(0)))) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = DATE_MY.matcher(s);
        while (m.find()) {
            if (monthOk(m.group(1))) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = DATE_NUM.matcher(s);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            boolean sep = !m.group(2).equals(".") || m.group(4).length() == 4;
            if (sep && a >= 1 && b >= 1 && (a <= 12 && b <= 31 || b <= 12 && a <= 31)) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = DATE_ISO.matcher(s);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(3));
            int d = Integer.parseInt(m.group(4));
            if (y >= 1800 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = DATE_MD.matcher(s);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
                out.add(new PhiSpan(m.start(1), m.end(2), PhiType.DATE, "DATE"));
            }
        }
        m = AGE_YEARS.matcher(s);
        while (m.find()) {
            int age = Integer.parseInt(m.group(1));
            if (age >= 90 && age <= 130) {
                out.add(new PhiSpan(m.start(1), m.end(1), PhiType.AGE, "AGE"));
            }
        }
        m = AGE_CUE.matcher(s);
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            int age = Integer.parseInt(m.group(g));
            if (age >= 90 && age <= 130) {
                out.add(new PhiSpan(m.start(g), m.end(g), PhiType.AGE, "AGE"));
            }
        }
        add(EMAIL, s, PhiType.CONTACT, "EMAIL", out);
        m = URL.matcher(s);
        while (m.find()) {
            int e = m.end();
            while (e > m.start() && ".,;:!?".indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            out.add(new PhiSpan(m.start(), e, PhiType.CONTACT, "URL"));
        }
        m = DOMAIN.matcher(s);
        while (m.find()) {
            if (m.start() == 0 || s.charAt(m.start() - 1) != '@') {
                out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "URL"));
            }
        }
        add(IPV4, s, PhiType.CONTACT, "IP", out);
        add(IPV6, s, PhiType.CONTACT, "IP", out);
        add(SSN, s, PhiType.ID, "SSN", out);
        add(PHONE_US, s, PhiType.CONTACT, "PHONE", out);
        m = PHONE_INTL.matcher(s);
        while (m.find()) {
            if (digits(s, m.start(), m.end()) >= 7) {
                out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "PHONE"));
            }
        }
        m = PHONE_GROUPS.matcher(s);
        while (m.find()) {
            int d = digits(s, m.start(), m.end());
            if (d >= 7 && d <= 15) {
                String before = s.substring(Math.max(0, m.start() - 24), m.start());
                String after = s.substring(m.end(), Math.min(s.length(), m.end() + 8));
                if (PHONE_CUE.matcher(before).find() || after.matches("(?is)^\\s*-?\\s*(office|fax|home|cell|mobile|work).*")) {
                    out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "PHONE"));
                }
            }
        }
        m = IBAN.matcher(s);
        while (m.find()) {
            out.add(new PhiSpan(m.start(), m.end(), PhiType.ID, "IBAN"));
        }
        add(CARD, s, PhiType.ID, "CARD", out);
        m = NUMERIC_TOKEN.matcher(s);
        while (m.find()) {
            int best = 0;
            int from = m.start();
            for (int i = m.start(); i <= m.end(); i++) {
                if (i == m.end() || s.charAt(i) == '/') {
                    best = Math.max(best, digits(s, from, i));
                    from = i + 1;
                }
            }
            // blood pressures (122/78) and scores (5/5) are not identifiers
            if (best >= 5) {
                out.add(new PhiSpan(m.start(), m.end(), PhiType.ID, "ID"));
            }
        }
        m = ID_CUE.matcher(s);
        while (m.find()) {
            int st = m.start(1);
            int e = m.end(1);
            while (e > st && !Character.isLetterOrDigit(s.charAt(e - 1))) {
                e--;
            }
            if (digits(s, st, e) >= 3) {
                out.add(new PhiSpan(st, e, PhiType.ID, "ID"));
            }
        }
        m = ROOM.matcher(s);
        while (m.find()) {
            out.add(new PhiSpan(m.start(), m.end(), PhiType.LOCATION, "ROOM"));
        }
        add(STREET_US, s, PhiType.LOCATION, "STREET", out);
        add(STREET_EU, s, PhiType.LOCATION, "STREET", out);
        add(STREET_PREFIX, s, PhiType.LOCATION, "STREET", out);
        add(UNIT, s, PhiType.LOCATION, "STREET", out);
        m = ZIP_STATE.matcher(s);
        while (m.find()) {
            out.add(new PhiSpan(m.start(1), m.end(1), PhiType.LOCATION, "ZIP"));
        }
        m = ZIP_CUE.matcher(s);
        while (m.find()) {
            out.add(new PhiSpan(m.start(1), m.end(1), PhiType.LOCATION, "ZIP"));
        }
        for (Pattern anchor : List.of(UNIT, STREET_US, STREET_EU, STREET_PREFIX, STREET_LINE)) {
            m = anchor.matcher(s);
            while (m.find()) {
                int a = addressBack(s, m.start());
                int b = addressForward(s, m.end());
                out.add(new PhiSpan(a, b, PhiType.LOCATION, "STREET"));
            }
        }
        m = ADDRESS_CUE.matcher(s);
        while (m.find()) {
            int st = m.end();
            int e = addressEnd(s, st);
            if (e > st) {
                out.add(new PhiSpan(st, e, PhiType.LOCATION, "STREET"));
            }
        }
    }

    /** A line (or a part after a cue) that starts with a house number, then a word, then another number. */
    private static final Pattern STREET_LINE = Pattern.compile("(?m)(?:^[ \\t>]*|(?<=\\b(?:at|to|in|is|of)\\s))\\d{1,6}"
            + "(?:[ \\t]+\\d{1,5})?[ \\t]+[\\p{L}][\\p{L}'.-]+(?:[ \\t]+[\\p{L}][\\p{L}'.-]*){0,3}[ \\t]+\\d{1,5}[A-Za-z]?\\b\\.?");

    /** Start of the address that holds {@code pos}: back over numbers and capitalized words on the same line. */
    private static int addressBack(String s, int pos) {
        int a = pos;
        int i = pos;
        int words = 0;
        while (i > 0 && words < 6) {
            int e = i;
            while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == ',')) {
                e--;
            }
            int st = e;
            while (st > 0 && (Character.isLetterOrDigit(s.charAt(st - 1)) || ".'-".indexOf(s.charAt(st - 1)) >= 0)) {
                st--;
            }
            if (st == e) {
                break;
            }
            char c = s.charAt(st);
            String word = s.substring(st, e);
            if (!(Character.isDigit(c) || Character.isUpperCase(c)) || STOP.contains(word.toLowerCase(Locale.ROOT))
                    || word.endsWith(".") && !word.matches("(?i)(?:ul|rkp|u|av|st|apt)\\.")) {
                break;
            }
            a = st;
            i = st;
            words++;
        }
        return a;
    }

    /** End of the address block that goes on at {@code pos}: the rest of the line, then short lines below. */
    private static int addressForward(String s, int pos) {
        int e = pos;
        int lines = 0;
        int i = pos;
        while (i < s.length() && lines <= 5) {
            int nl = s.indexOf('\n', i);
            int lineEnd = nl < 0 ? s.length() : nl;
            String rest = s.substring(i, lineEnd);
            String t = rest.strip();
            if (lines > 0 && (t.isEmpty() || t.length() > 48 || t.contains("?") || t.contains(": ")
                    || t.matches("(?i)(?:[>\\s]*)(?:mobile|phone|tel|fax|email|e-mail)\\b.*"))) {
                break;
            }
            // on the anchor's own line keep address-like words only
            int stop = addressLineEnd(rest);
            e = i + stop;
            if (stop < rest.length() || nl < 0) {
                break;
            }
            i = nl + 1;
            lines++;
        }
        while (e > pos && !Character.isLetterOrDigit(s.charAt(e - 1))) {
            e--;
        }
        return Math.max(e, pos);
    }

    private static int addressLineEnd(String line) {
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '?' || c == '!' || c == ':' || c == ';') {
                return i;
            }
            if (Character.isLetter(c) && Character.isLowerCase(c)) {
                int st = i;
                while (i < n && Character.isLetter(line.charAt(i))) {
                    i++;
                }
                String w = line.substring(st, i);
                if (STOP.contains(w) && !w.equals("of") || w.equals("for") || w.equals("last") || w.equals("after")
                        || w.equals("in") || w.equals("case") || w.equals("it")) {
                    return st;
                }
                continue;
            }
            if (c == '.' && i + 1 < n && line.charAt(i + 1) == ' ' && i + 2 < n && Character.isUpperCase(line.charAt(i + 2))
                    && i > 0 && Character.isLowerCase(line.charAt(i - 1))) {
                return i;
            }
            i++;
        }
        return n;
    }

    /** End of an address block: before '?', '!', a blank line, ". X", " for ", " after ", or 160 chars. */
    private static int addressEnd(String s, int st) {
        int lim = Math.min(s.length(), st + 160);
        int e = st;
        for (int i = st; i < lim; i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '!' || c == '"') {
                break;
            }
            if (c == '\n' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                break;
            }
            if (c == '.' && i + 2 < s.length() && s.charAt(i + 1) == ' ' && Character.isUpperCase(s.charAt(i + 2))) {
                break;
            }
            if (s.startsWith(" for ", i) || s.startsWith(" after ", i) || s.startsWith(" before ", i)
                    || s.startsWith(" and ", i) || s.startsWith(" on ", i)) {
                break;
            }
            e = i + 1;
        }
        while (e > st && !Character.isLetterOrDigit(s.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static void addDate(String s, int start, int end, List<PhiSpan> out) {
        Matcher t = TIME_AFTER.matcher(s).region(end, s.length());
        if (t.lookingAt()) {
            end = t.end();
        }
        out.add(new PhiSpan(start, end, PhiType.DATE, end > start ? "DATE" : "DATE"));
    }

    private static boolean monthOk(String month) {
        // "may" and "march" in lower case are verbs far more often than months
        String l = month.toLowerCase(Locale.ROOT);
        if (month.equals(l) && (l.equals("may") || l.equals("march") || l.equals("mar") || l.equals("jan")
                || l.equals("dec") || l.equals("sept") || l.equals("aug") || l.equals("june") || l.equals("july"))) {
            return false;
        }
        return true;
    }

    private static boolean day(String d) {
        int v = Integer.parseInt(d);
        return v >= 1 && v <= 31;
    }

    private static int digits(String s, int a, int b) {
        int n = 0;
        for (int i = a; i < b; i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void add(Pattern p, String s, PhiType type, String sub, List<PhiSpan> out) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new PhiSpan(m.start(), m.end(), type, sub));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // institutions

    private void detectInstitutions(String s, Words w, List<PhiSpan> out) {
        Matcher m = INSTITUTION.matcher(s);
        while (m.find()) {
            int st = m.start();
            // drop leading function words and all-capital header words ("EMERGENCY DEPARTMENT")
            Matcher lead = INSTITUTION_LEAD.matcher(s).region(st, m.end());
            if (lead.lookingAt()) {
                st = lead.end();
            }
            String first = s.substring(st, m.end());
            int sp = first.indexOf(' ');
            // a facility word alone ("the Clinic", "Home") is not an institution name
            if (sp < 0 || first.startsWith("of ") || !hasNameWord(s, st, m.end(), w)) {
                continue;
            }
            out.add(new PhiSpan(st, m.end(), PhiType.LOCATION, "INSTITUTION"));
        }
        m = SAINT.matcher(s);
        while (m.find()) {
            int e = m.end();
            // "St. John's wort" and the like stop at the first lower-case word, which the pattern excludes
            out.add(new PhiSpan(m.start(), e, PhiType.LOCATION, "INSTITUTION"));
        }
        m = BANNER.matcher(s);
        while (m.find()) {
            int i = w.wordAtOrAfter(m.end());
            int end = -1;
            if (i >= w.n || !w.titleCase(i)) {
                continue;
            }
            while (i < w.n && (w.titleCase(i) || w.allCaps(i) && w.len(i) <= 3 || s.startsWith("-", w.start[i] - 2))
                    && !w.newlineBefore(i)) {
                if (w.allCaps(i) && w.len(i) > 3) {
                    break;
                }
                end = w.end[i];
                i++;
            }
            if (end > m.end()) {
                out.add(new PhiSpan(w.start[w.wordAtOrAfter(m.end())], end, PhiType.LOCATION, "INSTITUTION"));
            }
        }
    }

    private static boolean facilityWord(String lw) {
        return lw.matches("hospital|hospitals|medical|center|centre|health|system|healthcare|clinic|clinics|institute"
                + "|memorial|rehabilitation|regional|infirmary|nursing|hospice|university|college|laboratory|pharmacy");
    }

    private boolean hasNameWord(String s, int a, int b, Words w) {
        // at least one word before the facility word that is not itself a facility or function word
        int i = w.wordAtOrAfter(a);
        int facilityWords = 0;
        int others = 0;
        for (; i < w.n && w.start[i] < b; i++) {
            String lw = w.lower(i);
            if (lw.matches("hospital|hospitals|medical|center|centre|health|system|healthcare|care|clinic|clinics|institute"
                    + "|memorial|rehabilitation|regional|infirmary|nursing|home|facility|hospice|group|university"
                    + "|college|surgery|surgical|cancer|heart|children's|pavilion|manor|laboratories|laboratory|lab"
                    + "|pharmacy|sanatorium|sanitarium|of|the|and|at|med|ctr|general|community|county|state|veterans")) {
                facilityWords++;
            } else if (w.titleCase(i) || w.allCaps(i) && w.len(i) <= 3) {
                others++;
            }
        }
        return others > 0 || facilityWords >= 3;
    }

    // ---------------------------------------------------------------------------------------------------------
    // names

    private void detectNames(String s, Words w, List<PhiSpan> out) {
        boolean[] name = new boolean[w.n];
        // 1. titles: "Dr. Carreón", "Mr. Alpha González", "DR. SMITH"
        for (int i = 0; i + 1 < w.n; i++) {
            if (TITLES.contains(w.lower(i)) && (w.titleCase(i) || w.allCaps(i) || w.len(i) <= 3)
                    && !w.newlineBetween(i, i + 1)) {
                int j = i + 1;
                boolean caps = w.allCaps(i);
                takeRun(w, j, name, true, caps || w.allCaps(j), 4);
            }
        }
        // 2. labels: "PATIENT NAME: Ruelas, Guillermina R", "cc: ...", "Directed By: ..."
        Matcher m = LABEL.matcher(s);
        while (m.find()) {
            int j = w.wordAtOrAfter(m.end());
            if (j < w.n && w.start[j] == m.end()) {
                takeRun(w, j, name, true, true, 5);
            }
        }
        // 3. phrases: "seen by", "daughter", "my name is"
        for (int j = 0; j < w.n; j++) {
            if (!(w.titleCase(j) || w.lowerNameCandidate(j)) || name[j]) {
                continue;
            }
            int ctx = Math.max(0, w.start[j] - 30);
            Matcher p = PHRASE.matcher(s).region(ctx, w.start[j]);
            if (p.find() && (w.titleCase(j) ? weakName(w, j) && !w.isStop(j) : strongName(w, j) || w.lowerNameCandidate(j))) {
                String cue = p.group().trim().toLowerCase(Locale.ROOT);
                boolean generic = cue.matches("(?:with|by|under|and|or|from|to|is|was|patient|pt|per|called|named"
                        + "|resident|client)\\W*");
                if (generic && !(strongName(w, j) || unknownWord(w, j) && w.titleCase(j)
                        && nextIsName(w, j))) {
                    continue;
                }
                if (!w.titleCase(j) && !cue.matches("(?:my name is|name is|named|with|per|kid|child|daughter|son|wife|husband).*")) {
                    continue;
                }
                takeRun(w, j, name, false, false, 4);
            }
        }
        // 4. followed by a degree or by "is a 70-year-old"; after a signature line
        for (int j = 0; j < w.n; j++) {
            if (!w.titleCase(j) || name[j] || w.isStop(j)) {
                continue;
            }
            String after = s.substring(w.end[j], Math.min(s.length(), w.end[j] + 40));
            if (DEGREE_AFTER.matcher(after).find() || AGE_AFTER.matcher(after).find() && weakName(w, j)) {
                int k = j;
                while (k - 1 >= 0 && !w.newlineBetween(k - 1, k) && (weakName(w, k - 1) || w.initial(k - 1))
                        && onlySpacesBetween(s, w, k - 1, k) && j - k < 3) {
                    k--;
                }
                for (int x = k; x <= j; x++) {
                    name[x] = true;
                }
            }
        }
        m = SIGNATURE.matcher(s);
        while (m.find()) {
            int j = w.wordAtOrAfter(m.end());
            if (j < w.n && w.start[j] == m.end() && w.titleCase(j)) {
                takeRun(w, j, name, false, false, 4);
            }
        }
        // 5. lexicon seeds; pairs of capitalized unknown words; unknown capitalized words inside a sentence
        for (int j = 0; j < w.n; j++) {
            if (name[j]) {
                continue;
            }
            if (w.titleCase(j) && strongName(w, j) && !eponym(s, w, j)
                    && !(w.clinical(j) && w.sentenceInitial(j))) {
                name[j] = true;
            } else if (w.titleCase(j) && j + 1 < w.n && w.titleCase(j + 1) && onlySpacesBetween(s, w, j, j + 1)
                    && weakName(w, j) && weakName(w, j + 1) && !w.isPlace(j) && !w.isPlace(j + 1)
                    && !eponym(s, w, j + 1) && !facilityWord(w.lower(j + 1))) {
                name[j] = true;
                name[j + 1] = true;
            } else if (w.titleCase(j) && w.flags(j) == 0 && unknownWord(w, j) && !w.sentenceInitial(j)
                    && !eponym(s, w, j) && w.len(j) >= 3 && !ENGLISH_SUFFIX.matcher(w.lower(j)).find()) {
                name[j] = true;
            } else if (w.lowerNameCandidate(j) && j + 1 < w.n && (w.flags(j) & WordLexicon.FIRST) != 0
                    && w.lowerNameCandidate(j + 1) && (w.flags(j + 1) & WordLexicon.LAST) != 0
                    && onlySpacesBetween(s, w, j, j + 1)) {
                name[j] = true;
                name[j + 1] = true;
            }
        }
        // 6. extend runs over adjacent initials, capitalized words and "Last, First"
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int j = 0; j < w.n; j++) {
                if (!name[j]) {
                    continue;
                }
                for (int k : new int[] {j - 1, j + 1}) {
                    if (k < 0 || k >= w.n || name[k]) {
                        continue;
                    }
                    int a = Math.min(j, k);
                    int b = Math.max(j, k);
                    if (w.newlineBetween(a, b)) {
                        continue;
                    }
                    String gap = s.substring(w.end[a], w.start[b]);
                    boolean space = gap.matches(" {1,2}|\\. ?");
                    boolean comma = gap.matches(", ?");
                    if (w.initial(k) && (space || gap.isEmpty()) && !(k == j + 1 && j + 2 < w.n && w.isStop(j + 2)
                            && gap.equals(". "))) {
                        name[k] = true;
                        changed = true;
                    } else if (space && w.titleCase(k) && weakName(w, k) && !eponym(s, w, k)) {
                        name[k] = true;
                        changed = true;
                    } else if (comma && w.titleCase(k) && k == j + 1 && strongName(w, k)) {
                        name[k] = true;
                        changed = true;
                    }
                }
            }
        }
        // 7. propagate to other mentions of the same word
        Set<String> found = new HashSet<>();
        for (int j = 0; j < w.n; j++) {
            if (name[j] && w.len(j) >= 3 && !w.isStop(j) && !w.clinical(j) && (w.flags(j) & WordLexicon.ENGLISH) == 0) {
                found.add(w.lower(j));
            }
        }
        if (!found.isEmpty()) {
            for (int j = 0; j < w.n; j++) {
                if (!name[j] && (w.titleCase(j) || w.allCaps(j)) && found.contains(w.lower(j))) {
                    name[j] = true;
                }
            }
        }
        for (int j = 0; j < w.n; j++) {
            if (name[j]) {
                int k = j;
                while (k + 1 < w.n && name[k + 1] && !w.newlineBetween(k, k + 1)
                        && s.substring(w.end[k], w.start[k + 1]).matches("[ .,]{0,3}")) {
                    k++;
                }
                int e = w.end[k];
                if (w.initial(k) && e < s.length() && s.charAt(e) == '.') {
                    e++;
                }
                out.add(new PhiSpan(w.start[j], e, PhiType.NAME, j == k && w.initial(j) ? "INITIALS" : "PERSON"));
                j = k;
            }
        }
    }

    /** Marks a run of name-like words from {@code j} on; returns how many were taken. */
    private int takeRun(Words w, int j, boolean[] name, boolean strong, boolean allowCaps, int max) {
        int taken = 0;
        boolean capsRun = j < w.n && w.allCaps(j);
        for (int k = j; k < w.n && taken < max; k++) {
            if (k > j) {
                if (w.newlineBetween(k - 1, k)) {
                    break;
                }
                String gap = w.s.substring(w.end[k - 1], w.start[k]);
                if (!gap.matches(" {1,3}|\\.? ?|, ?|-")) {
                    break;
                }
                if (gap.startsWith(",") && !(w.titleCase(k) || capsRun && w.allCaps(k)) ) {
                    break;
                }
            }
            if (w.followedByLabelMark(k)) {
                break;
            }
            boolean ok;
            if (w.initial(k)) {
                ok = true;
            } else if (w.titleCase(k)) {
                ok = !w.isStop(k) && (strong || weakName(w, k)) && !(taken > 0 && eponym(w.s, w, k) && !strong);
                if (ok && strong && k > j && w.isEnglishOnly(k) && !w.hasName(k)) {
                    ok = false;
                }
            } else if (w.allCaps(k) && allowCaps) {
                ok = capsRun || SUFFIXES.contains(w.lower(k));
                if (ok && (w.isStop(k) || w.len(k) > 2 && (w.clinical(k) && !w.hasName(k))
                        || HEADER_WORDS.contains(w.lower(k)))) {
                    ok = SUFFIXES.contains(w.lower(k));
                }
            } else if (w.lowerNameCandidate(k) && !strong && taken == 0) {
                ok = true;
            } else if (w.lowerNameCandidate(k) && taken > 0 && !w.titleCase(j)) {
                ok = true;
            } else {
                ok = false;
            }
            if (!ok) {
                break;
            }
            name[k] = true;
            taken++;
        }
        return taken;
    }

    /** Endings of English words; an unknown capitalized word with one is not taken for a name on its own. */
    private static final Pattern ENGLISH_SUFFIX = Pattern.compile("(?:ers|ing|ings|ed|al|ble|tion|tions|sion|ment|ments"
            + "|ness|ive|ous|ary|ic|ics|ical|ity|ism|ist|logy|graphy|graphic|um|oup|ful|less|ward|wise|ize|ise|ates"
            + "|ly|ry|cy|ty|ance|ence|ant|ent|ure|ors|ies|phy|gram|scopy|tomy|ectomy|itis|osis|emia|uria|pathy)$");

    private static final Set<String> HEADER_WORDS = Set.of("account", "acct", "date", "mrn", "dob", "admission",
            "discharge", "history", "sex", "age", "service", "unit", "room", "physician", "attending", "diagnosis",
            "procedure", "report", "summary", "department", "hospital", "medical", "center", "clinic", "ward", "phone",
            "fax", "address", "id", "number", "no", "exam", "time", "location", "dept", "provider", "referring");

    /**
     * A listed first or last name that is not an English word, a country or state, or a known medical eponym.
     * The clinical vocabulary is not consulted here: it holds most eponyms and so most surnames.
     */
    private boolean strongName(Words w, int j) {
        int f = w.flags(j);
        return (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 && (f & WordLexicon.ENGLISH) == 0
                && !w.isStop(j) && (f & (WordLexicon.COUNTRY | WordLexicon.STATE)) == 0 && w.len(j) >= 2
                && !EPONYMS.contains(w.lower(j));
    }

    /** Surnames used as names of diseases, signs, devices and scores: names only with a title or label. */
    private static final Set<String> EPONYMS = Set.copyOf(Arrays.asList(("parkinson parkinsons foley hodgkin hodgkins"
            + " alzheimer alzheimers crohn crohns graves addison addisons cushing cushings bell bells down turner marfan"
            + " raynaud raynauds hashimoto kaposi wernicke korsakoff barrett barretts babinski apgar glasgow gleason"
            + " whipple swan ganz hickman pratt kussmaul cheyne stokes murphy murphys mcburney homan homans romberg"
            + " tinel phalen lachman mcmurray trendelenburg valsalva heimlich pap doppler holter bence sternberg epstein"
            + " barr guillain bartter meniere tourette huntington gehrig colles smith jones wilson wilsons paget pagets"
            + " sjogren sjögren reiter behcet kawasaki dupuytren baker bakers osgood schlatter legg perthes charcot"
            + " tooth mallory weiss zenker boerhaave brugada wolff parkinson white fallot eisenmenger ebstein"
            + " kawasaki hirschsprung meckel wilms ewing burkitt hodgkin waldenstrom kaplan meier bishop apgar"
            + " braden morse norton karnofsky snellen weber rinne schober spurling finkelstein thompson allen"
            + " hoffmann hoffman chvostek trousseau kernig brudzinski murphy rovsing psoas obturator mcburney"
            + " cullen grey turner kehr virchow sister mary joseph courvoisier levine gallavardin austin flint"
            + " graham steell duroziez quincke corrigan musset traube muller osler janeway roth argyll robertson"
            + " horner holmes adie marcus gunn bitot koplik forchheimer nikolsky auspitz darier koebner"
            + " jackson foley swan ganz groshong port broviac quinton tenckhoff penrose malecot coude"
            + " harris benedict cockcroft gault fick starling frank laplace poiseuille bernoulli").split(" ")));

    /** A capitalized word that may be part of a name: a listed name, or a word that is neither English nor clinical. */
    private boolean weakName(Words w, int j) {
        if (w.isStop(j)) {
            return false;
        }
        int f = w.flags(j);
        if ((f & (WordLexicon.COUNTRY | WordLexicon.STATE)) != 0) {
            return false;
        }
        return (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 || unknownWord(w, j);
    }

    private boolean unknownWord(Words w, int j) {
        int f = w.flags(j);
        return (f & WordLexicon.ENGLISH) == 0 && !w.clinical(j) && !w.isStop(j);
    }

    private boolean nextIsName(Words w, int j) {
        return j + 1 < w.n && !w.newlineBetween(j, j + 1) && (w.titleCase(j + 1) && weakName(w, j + 1)
                || w.initial(j + 1)) || (w.flags(j) & (WordLexicon.FIRST | WordLexicon.LAST)) != 0;
    }

    /** "Parkinson disease", "Foley catheter", "Hodgkin's lymphoma", "non-Hodgkin". */
    private static boolean eponym(String s, Words w, int j) {
        if (w.start[j] >= 4 && s.regionMatches(true, w.start[j] - 4, "non-", 0, 4)) {
            return true;
        }
        int k = j + 1;
        if (k < w.n && w.lower(k).equals("s") && s.charAt(w.start[k] - 1) == '\'') {
            k++;
        }
        return k < w.n && !w.newlineBetween(j, k) && EPONYM_HEADS.contains(w.lower(k));
    }

    private static boolean onlySpacesBetween(String s, Words w, int a, int b) {
        for (int i = w.end[a]; i < w.start[b]; i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return w.start[b] > w.end[a];
    }

    // ---------------------------------------------------------------------------------------------------------
    // places

    private void detectPlaces(String s, Words w, List<PhiSpan> out) {
        Matcher m = CITY_STATE.matcher(s);
        while (m.find()) {
            int st = m.start(1);
            int i = w.wordAtOrAfter(st);
            // keep only the trailing capitalized words that are not facility or function words
            while (i < w.n && w.start[i] < m.end(1) && (w.isStop(i) || w.clinical(i) && (w.flags(i) & WordLexicon.CITY) == 0)) {
                i++;
            }
            if (i < w.n && w.start[i] < m.end(1)) {
                out.add(new PhiSpan(w.start[i], m.end(1), PhiType.LOCATION, "CITY"));
            }
        }
        for (int j = 0; j < w.n; j++) {
            if (!(w.titleCase(j) || w.allCaps(j) && w.len(j) >= 3)) {
                continue;
            }
            int f = w.flags(j);
            if ((f & (WordLexicon.COUNTRY | WordLexicon.STATE)) != 0 || w.isStop(j)) {
                continue;
            }
            String before = s.substring(Math.max(0, w.start[j] - 30), w.start[j]);
            boolean strongCue = PLACE_CUE.matcher(before).find();
            int k = j;
            // multi-word city names ("New Castle", "Upton Scudamore")
            while (k + 1 < w.n && k - j < 2 && onlySpacesBetween(s, w, k, k + 1)
                    && (w.titleCase(k + 1) || w.allCaps(k + 1) && w.allCaps(j)) && !w.isStop(k + 1)) {
                String phrase = s.substring(w.start[j], w.end[k + 1]);
                if ((words.flags(phrase) & WordLexicon.CITY) != 0 || strongCue && unknownWord(w, k + 1)) {
                    k++;
                } else {
                    break;
                }
            }
            String phrase = s.substring(w.start[j], w.end[k]);
            int pf = words.flags(phrase);
            boolean city = (pf & WordLexicon.CITY) != 0 && (k > j || (f & WordLexicon.ENGLISH) == 0 && !w.clinical(j));
            if (strongCue && (city || unknownWord(w, j) || (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0)
                    || city && WEAK_PLACE_CUE.matcher(before).find()) {
                out.add(new PhiSpan(w.start[j], w.end[k], PhiType.LOCATION, "CITY"));
                j = k;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Merges overlapping spans; the longer span's type wins. */
    static List<PhiSpan> merge(List<PhiSpan> in) {
        if (in.isEmpty()) {
            return List.of();
        }
        List<PhiSpan> sorted = new ArrayList<>(in);
        sorted.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<PhiSpan> out = new ArrayList<>();
        PhiSpan cur = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            PhiSpan n = sorted.get(i);
            if (n.start() < cur.end()) {
                if (n.end() > cur.end()) {
                    PhiSpan longer = n.length() > cur.length() ? n : cur;
                    cur = new PhiSpan(cur.start(), n.end(), longer.type(), longer.subtype());
                }
            } else {
                out.add(cur);
                cur = n;
            }
        }
        out.add(cur);
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Words of a text (runs of letters and digits, with inner apostrophes and hyphens) and their features. */
    private final class Words {
        final String s;
        int n;
        int[] start = new int[64];
        int[] end = new int[64];
        private String[] lower;
        private int[] flags;
        private byte[] clin;
        private final char[] scratch = new char[256];

        Words(String s) {
            this.s = s;
            int i = 0;
            int len = s.length();
            while (i < len) {
                if (!Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                    continue;
                }
                int st = i;
                while (i < len) {
                    char c = s.charAt(i);
                    if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                        i++;
                    } else if ((c == '\'' || c == '\u2019' || c == '-') && i + 1 < len
                            && Character.isLetter(s.charAt(i + 1)) && i > st && Character.isLetter(s.charAt(i - 1))
                            && !(c == '\'' && (i + 2 >= len || !Character.isLetter(s.charAt(i + 2))))) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (n == start.length) {
                    start = Arrays.copyOf(start, n * 2);
                    end = Arrays.copyOf(end, n * 2);
                }
                start[n] = st;
                end[n] = i;
                n++;
            }
            lower = new String[n];
            flags = new int[n];
            Arrays.fill(flags, -1);
            clin = new byte[n];
        }

        int len(int i) {
            return end[i] - start[i];
        }

        String lower(int i) {
            String l = lower[i];
            if (l == null) {
                l = s.substring(start[i], end[i]).toLowerCase(Locale.ROOT);
                lower[i] = l;
            }
            return l;
        }

        int flags(int i) {
            int f = flags[i];
            if (f < 0) {
                f = words.flags(lower(i));
                flags[i] = f;
            }
            return f;
        }

        boolean isPlace(int i) {
            return (flags(i) & (WordLexicon.CITY | WordLexicon.COUNTRY | WordLexicon.STATE)) != 0
                    && (flags(i) & (WordLexicon.FIRST | WordLexicon.LAST)) == 0;
        }

        /** First word of the text, a line, or a sentence (after . ! ? : ; quotes, brackets). */
        boolean sentenceInitial(int i) {
            int k = start[i] - 1;
            while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                k--;
            }
            return k < 0 || ".!?:;\n\r\"'([>*-".indexOf(s.charAt(k)) >= 0;
        }

        boolean hasName(int i) {
            return (flags(i) & (WordLexicon.FIRST | WordLexicon.LAST)) != 0;
        }

        boolean isEnglishOnly(int i) {
            return (flags(i) & WordLexicon.ENGLISH) != 0 || clinical(i);
        }

        boolean clinical(int i) {
            if (clinical == null) {
                return false;
            }
            byte c = clin[i];
            if (c == 0) {
                int l = len(i);
                boolean known = l < 60 && clinical.lookupWord(s, start[i], l, scratch) >= 0;
                c = known ? (byte) 1 : (byte) 2;
                clin[i] = c;
            }
            return c == 1;
        }

        boolean isStop(int i) {
            return STOP.contains(lower(i));
        }

        boolean titleCase(int i) {
            char c = s.charAt(start[i]);
            if (!Character.isUpperCase(c) || len(i) < 2) {
                return false;
            }
            boolean lowerSeen = false;
            for (int k = start[i] + 1; k < end[i]; k++) {
                char x = s.charAt(k);
                if (Character.isDigit(x) || Character.isUpperCase(x) && Character.isUpperCase(s.charAt(k - 1))) {
                    return false;
                }
                if (Character.isLowerCase(x)) {
                    lowerSeen = true;
                }
            }
            return lowerSeen;
        }

        boolean allCaps(int i) {
            if (len(i) < 2) {
                return false;
            }
            for (int k = start[i]; k < end[i]; k++) {
                char x = s.charAt(k);
                if (Character.isDigit(x) || Character.isLowerCase(x)) {
                    return false;
                }
            }
            return true;
        }

        boolean initial(int i) {
            return len(i) == 1 && Character.isUpperCase(s.charAt(start[i]));
        }

        /** A lower-case word listed as a name that is neither English nor clinical ("patricia desrosiers"). */
        boolean lowerNameCandidate(int i) {
            char c = s.charAt(start[i]);
            if (!Character.isLowerCase(c) || len(i) < 3) {
                return false;
            }
            int f = flags(i);
            return (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 && (f & WordLexicon.ENGLISH) == 0
                    && !clinical(i) && !isStop(i) && (f & (WordLexicon.COUNTRY | WordLexicon.STATE)) == 0;
        }

        boolean newlineBetween(int a, int b) {
            for (int k = end[a]; k < start[b]; k++) {
                if (s.charAt(k) == '\n' || s.charAt(k) == '\r') {
                    return true;
                }
            }
            return false;
        }

        boolean newlineBefore(int i) {
            return i > 0 && newlineBetween(i - 1, i);
        }

        boolean followedByLabelMark(int i) {
            int k = end[i];
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            return k < s.length() && (s.charAt(k) == ':' || s.charAt(k) == '#') && !(initial(i));
        }

        int wordAtOrAfter(int pos) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] <= pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
