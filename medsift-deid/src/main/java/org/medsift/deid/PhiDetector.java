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
            + "[\\s.-]\\d{4}(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?(?![\\w]|-[^\\p{L}]|-$|\\.\\d)");
    private static final Pattern PHONE_INTL = Pattern.compile("(?<![\\w.+/-])(?:\\+\\d{1,3}[\\s.-]?(?:\\(\\d{1,4}\\)[\\s.-]?)?"
            + "\\d{1,5}(?:[\\s.-]\\d{1,5}){0,5}|\\(\\d{1,4}\\)\\s?\\d{2,5}(?:[\\s.-]\\d{2,5}){1,3}"
            + "|0\\d{1,4}(?:[\\s.-]\\d{2,5}){1,4})(?![\\w]|-[^\\p{L}]|-$|\\.\\d)");
    private static final Pattern PHONE_GROUPS = Pattern.compile("(?<![\\w.+/-])(?:\\(\\d{1,4}\\)[ ]?)?\\d{2,5}(?:[\\s.-]\\d{2,5}){0,3}[\\s.-]\\d{2,8}(?![\\w]|-[^\\p{L}]|-$|\\.\\d)");
    private static final Pattern PHONE_CUE = Pattern.compile("(?i)(?:phone|tel|telephone|call|fax|cell|mobile|pager|beeper"
            + "|contact|reach|number|ph|at|to|is|me on|#)\\s*[:.#]?\\s*$");
    private static final Pattern PHONE_AFTER = Pattern.compile("(?is)\\s*-?\\s*(office|fax|home|cell|mobile|work)");
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
            + "|Throughway|Trafficway|Trailer|Ville|Dam|str";
    private static final Pattern STREET_US = Pattern.compile("(?<![\\w.])\\d{1,6}[A-Za-z]?(?:\\s+[NSEW]\\.?)?(?:\\s+(?:\\d{1,5}|[\\p{Lu}][\\p{L}'.-]*))"
            + "{1,4}\\s+(?:" + STREET_TYPES + ")s?\\b\\.?");
    /** Endings of street words in European languages ("Puruntie", "Hauptstraße", "Allika"): see {@link #streetsEu}. */
    private static final String[] STREET_EU_ENDINGS = {"tie", "katu", "kuja", "gata", "gatan", "vägen", "vej", "vegen",
        "veien", "gade", "straße", "strasse", "str.", "weg", "gasse", "laan", "straat", "plein", "utca", "tér", "út",
        "ulica", "tee", "maantee", "allee", "platz", "ranta", "polku", "väylä", "stræde", "torg", "torget", "rinne",
        "mäki"};
    private static final Pattern STREET_PREFIX = Pattern.compile("\\b(?:C/|Rua|Via|Viale|Calle|Avenida|Av\\.|Avda\\.|Rue|Piazza"
            + "|Corso|Largo|Praça|Travessa|Ulica|ul\\.|Carrer|Paseo|Camino|Strada|Chemin|Allée|Plaza|Avenue|Boulevard)"
            + "(?:\\s+[\\p{L}'.-]+){1,5}\\s+\\d{1,5}[A-Za-z]?\\b");
    private static final Pattern UNIT = Pattern.compile("\\b(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Bldg|Building)\\.?"
            + "\\s*#?\\s*\\d{1,5}[A-Za-z]?\\b|\\b(?:P\\.?\\s?O\\.?\\s*Box|PSC|Box)\\s*\\d{1,6}\\b"
            + "|\\b(?:APO|FPO|DPO)\\s+(?:AA|AE|AP)\\s+\\d{5}\\b", CI);
    private static final Pattern ZIP_STATE = Pattern.compile("\\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]"
            + "|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR)\\.?,?\\s+(\\d{5}(?:-\\d{4})?)\\b");
    private static final Pattern ZIP_CUE = Pattern.compile("(?i)\\b(?:zip(?:\\s*code)?|postal\\s*code|postcode|post\\s*code)"
            + "(?:\\s+is)?\\s*:?\\s*(\\d{3,5}(?:[ -]\\d{2,4})?(?:\\s?[A-Z]{2}\\b)?)");
    private static final Pattern CITY_STATE = Pattern.compile("\\b((?:[\\p{Lu}][\\p{L}'.-]+\\s+){0,2}[\\p{Lu}][\\p{L}'.-]+),\\s+"
            + "(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT"
            + "|V[TA]|W[AVIY])\\b(?!-)");
    private static final Pattern ADDRESS_CUE = Pattern.compile("(?i)\\b(?:(?:billing|shipping|mailing|home|new|my|street|current"
            + "|permanent|postal|his|her|their|patient's)\\s+address(?:\\s+is|\\s+to|\\s*:)|address\\s*:|lives at|living at"
            + "|resides at|residing at|meet you at|moved to|send (?:it|this|them|a new one|the \\w+) to"
            + "|(?:lives on|living on|(?:the )?corner of|enter on|drops? you off at)(?=\\s*[\\p{Lu}\\d]))\\s*");
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
    private static final Pattern PLACE_CUE = Pattern.compile("(?i)\\b(?:grew up in|moved (?:here )?(?:from|to)|flew to|lives in|originally from"
            + "|living in|live in|resides in|residing in|born in|i'm in|i am in|trip to|visit(?:ing|ed)?|travel(?:l?ed|ling)? to"
            + "|relocated to|came from|comes from|native of|hometown(?: is)?|city of|town of|county|based in|located in"
            + "|home city|returned to|where\\s*:|grew up in)\\s+$");
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
            + "|neighbor|neighbour|partner|my name is|name is|i'm|i am|calls me|call me|known as|(?:last |first |maiden )?name\\?|named|under|with|by|kid|child|cc|care of|c/o|dear|hi|hello"
            + "|thanks|thank you|sincerely|regards|attn|patient|pt|client|resident|mrs|mr|ms|dr|and|or|from|to|is|was)"
            + "\\s*,?\\s+$");
    private static final Pattern GENERIC_CUE = Pattern.compile("(?i)(?:with|by|under|and|or|from|to|is|was|patient|pt"
            + "|per|called|named|resident|client)\\W*");
    private static final Pattern LOWER_NAME_CUE = Pattern.compile("(?i)my name is|name is|named|i'm|i am|calls me|call me"
            + "|known as|with|per|kid|child"
            + "|daughter|son|wife|husband");
    private static final Pattern SIGNATURE = Pattern.compile("_{4,}\\s*");
    /** Cues after which even an English word is a name ("Her maiden name is Key", "everyone calls me Hope"). */
    private static final Pattern NAME_IS_CUE = Pattern.compile("(?i)\\b(?:name is|named|calls me|call me|known as)\\s+$");
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
            + " never always often sometimes usually everyone everybody someone somebody anyone anybody nobody"
            + " something anything nothing everything").split(" ")));

    private static final KeyTable STOP_TABLE = KeyTable.of(STOP);
    private static final KeyTable TITLE_TABLE = KeyTable.of(TITLES);

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
        Cands c = new Cands(s);
        detectPatterns(s, c, out);
        detectInstitutions(s, w, c, out);
        detectNames(s, w, c, out);
        detectPlaces(s, w, c, out);
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
    // candidate starts: one pass over the text finds where each pattern can start; the patterns are then tried
    // with lookingAt() there only, instead of find() at every character

    private static final int K_MONTH = 0;
    private static final int K_DATE_MD = 1;
    private static final int K_AGE = 2;
    private static final int K_URL = 3;
    private static final int K_ID = 4;
    private static final int K_ROOM = 5;
    private static final int K_STREET_PREFIX = 6;
    private static final int K_UNIT = 7;
    private static final int K_ZIP = 8;
    private static final int K_ADDRESS = 9;
    private static final int K_SAINT = 10;
    private static final int K_BANNER = 11;
    private static final int K_LABEL = 12;
    private static final int K_FACILITY = 13;
    private static final int K_STREET_NAMED = 14;
    private static final int K_COUNT = 15;

    /** First words (letter runs, lower case) of the keyword-led patterns, as a bit per pattern. */
    private static final KeyTable KEYWORDS;

    static {
        String[] lists = new String[K_COUNT];
        lists[K_MONTH] = "jan january feb february mar march apr april may jun june jul july aug august sep sept"
                + " september oct october nov november dec december";
        lists[K_DATE_MD] = "on since from until till through thru dated date dob dos admitted discharged seen";
        lists[K_AGE] = "age ages aged at in";
        lists[K_URL] = "http https ftp www";
        lists[K_ID] = "mrn mr medical record acct account accession case patient pt id ssn social license licence lic"
                + " dea npi plate vin serial device policy member subscriber group plan insurance certificate passport"
                + " badge specimen path pathology";
        lists[K_ROOM] = "room rm bed ward";
        lists[K_STREET_PREFIX] = "c rua via viale calle avenida av avda rue piazza corso largo praça travessa ulica ul"
                + " carrer paseo camino strada chemin allée plaza avenue boulevard";
        lists[K_UNIT] = "apt apartment suite ste unit flat fl floor bldg building p po psc box apo fpo dpo";
        lists[K_ZIP] = "zip postal postcode post";
        lists[K_ADDRESS] = "billing shipping mailing home new my street current permanent postal his her their"
                + " patient address lives living resides residing meet moved send corner the enter drops drop";
        lists[K_SAINT] = "st saint holy our mount mt";
        lists[K_BANNER] = "de deid";
        lists[K_LABEL] = "patient name physician attending surgeon resident intern fellow provider pcp doctor nurse rn"
                + " np author dictated transcribed signed electronically seen examined reviewed cc copy copies contact"
                + " emergency next nok guardian son daughter wife husband mother father sister brother spouse partner"
                + " friend caregiver interpreter witness technologist sonographer therapist directed by attn to from"
                + " dear recipient sender referred referring consultant consulting proxy poa informant";
        lists[K_STREET_NAMED] = "on at off along";
        lists[K_FACILITY] = "hospital hospitals medical med health healthcare clinic clinics institute memorial"
                + " rehabilitation regional infirmary nursing care hospice sanatorium sanitarium university college"
                + " surgery surgical cancer heart children pavilion center centre";
        Map<String, Integer> m = new java.util.HashMap<>();
        for (int k = 0; k < K_COUNT; k++) {
            for (String word : lists[k].split(" ")) {
                m.merge(word, 1 << k, (a, b) -> a | b);
            }
        }
        KEYWORDS = new KeyTable(m);
    }

    /** A growable list of ascending ints. */
    static final class IntList {
        static final IntList EMPTY = new IntList();
        int[] a = new int[16];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        static IntList union(IntList x, IntList y) {
            IntList u = new IntList();
            int i = 0;
            int j = 0;
            while (i < x.n || j < y.n) {
                int v = j >= y.n || i < x.n && x.a[i] <= y.a[j] ? x.a[i++] : y.a[j++];
                if (u.n == 0 || u.a[u.n - 1] != v) {
                    u.add(v);
                }
            }
            return u;
        }
    }

    /** Candidate start positions of the patterns in one text, from one pass over it. */
    static final class Cands {
        final IntList digit = new IntList();
        final IntList phone = new IntList();
        final IntList lineDigit = new IntList();
        final IntList numTok = new IntList();
        final IntList iban = new IntList();
        final IntList upper2 = new IntList();
        final IntList commaState = new IntList();
        final IntList runStart = new IntList();
        final IntList[] keys = new IntList[K_COUNT];
        int hexColons;

        Cands(String s) {
            int n = s.length();
            lineDigit.add(0);
            int i = 0;
            while (i < n) {
                char ch = s.charAt(i);
                if (ch >= '0' && ch <= '9') {
                    boolean afterLetter = i > 0 && Character.isLetter(s.charAt(i - 1));
                    digit.add(i);
                    phone.add(i);
                    if (lineDigit.a[lineDigit.n - 1] != i) {
                        lineDigit.add(i);
                    }
                    if (!afterLetter) {
                        numTok.add(i);
                    }
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                    continue;
                }
                if (Character.isLetter(ch)) {
                    int st = i;
                    boolean ascii = true;
                    boolean upper = true;
                    while (i < n && Character.isLetter(s.charAt(i))) {
                        char x = s.charAt(i);
                        ascii &= x < 128;
                        upper &= x >= 'A' && x <= 'Z';
                        i++;
                    }
                    int len = i - st;
                    boolean digitNext = i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9';
                    boolean prevAlnum = st > 0 && Character.isLetterOrDigit(s.charAt(st - 1));
                    runStart.add(st);
                    if (ascii && len <= 6 && digitNext && !prevAlnum) {
                        numTok.add(st);
                    }
                    if (ascii && len == 2 && digitNext && !prevAlnum) {
                        iban.add(st);
                    }
                    if (upper && len == 2 && !prevAlnum) {
                        upper2.add(st);
                        int k = st - 1;
                        while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
                            k--;
                        }
                        if (k >= 0 && k < st - 1 && s.charAt(k) == ',') {
                            commaState.add(st);
                        }
                    }
                    int mask = KEYWORDS.get(s, st, len, 0);
                    if (mask != 0 && !prevAlnum) {
                        for (int b = 0; b < K_COUNT; b++) {
                            if ((mask & (1 << b)) != 0) {
                                if (keys[b] == null) {
                                    keys[b] = new IntList();
                                }
                                keys[b].add(st);
                            }
                        }
                    }
                    continue;
                }
                if (ch == '+' || ch == '(') {
                    phone.add(i);
                } else if (ch == '\n' && i + 1 < n) {
                    lineDigit.add(i + 1);
                } else if (ch == ':' && i > 0 && i + 1 < n && hex(s.charAt(i - 1)) && hex(s.charAt(i + 1))) {
                    hexColons++;
                }
                i++;
            }
        }

        IntList key(int k) {
            return keys[k] == null ? IntList.EMPTY : keys[k];
        }

        private static boolean hex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }

        /** Start of the letter run {@code back} runs before the one at or after {@code pos}. */
        int runsBack(int pos, int back) {
            int lo = 0;
            int hi = runStart.n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (runStart.a[mid] < pos) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int k = Math.max(0, lo - back);
            return k < runStart.n ? Math.min(runStart.a[k], pos) : pos;
        }
    }

    /**
     * The matches of a pattern tried at candidate starts only (lookingAt with transparent bounds, so look-behinds and
     * word boundaries see the text before), or with find() over the whole text when the candidates are null. Like
     * find(), a match never starts inside the previous one.
     */
    static final class Hits {
        private final Matcher m;
        private final IntList pos;
        private final Cands windowsOf;
        private final int back;
        private final int ahead;
        private final int len;
        private int i;
        private int last;

        Hits(Pattern p, String s, IntList pos) {
            this(p, s, pos, null, 0, 0);
        }

        private Hits(Pattern p, String s, IntList pos, Cands windowsOf, int back, int ahead) {
            this.m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            this.pos = pos;
            this.windowsOf = windowsOf;
            this.back = back;
            this.ahead = ahead;
            this.len = s.length();
        }

        /**
         * find() in a window from {@code back} letter runs before each key position to {@code ahead} chars after it
         * (patterns that hold a key word after a few words).
         */
        static Hits windows(Pattern p, String s, IntList keys, Cands c, int back, int ahead) {
            return new Hits(p, s, keys, c, back, ahead);
        }

        boolean find() {
            if (pos == null) {
                return m.find();
            }
            while (i < pos.n) {
                int st = pos.a[i++];
                if (st < last) {
                    continue;
                }
                if (windowsOf != null) {
                    m.region(Math.max(last, windowsOf.runsBack(st, back)), Math.min(len, st + ahead));
                    if (m.find()) {
                        last = Math.max(m.end(), m.start() + 1);
                        return true;
                    }
                    continue;
                }
                m.region(st, len);
                if (m.lookingAt()) {
                    last = Math.max(m.end(), st + 1);
                    return true;
                }
            }
            return false;
        }

        int start() {
            return m.start();
        }

        int end() {
            return m.end();
        }

        int start(int g) {
            return m.start(g);
        }

        int end(int g) {
            return m.end(g);
        }

        String group() {
            return m.group();
        }

        String group(int g) {
            return m.group(g);
        }
    }

    private static final String[] TLDS = {"com", "org", "net", "edu", "gov", "io", "info", "biz", "co.uk", "com.au",
        "com.br"};

    /** Whether a "." followed by one of DOMAIN's top-level domains occurs (DOMAIN can match only then). */
    private static boolean hasTld(String s) {
        for (int i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
            for (String t : TLDS) {
                if (s.regionMatches(true, i + 1, t, 0, t.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // patterns

    private void detectPatterns(String s, Cands c, List<PhiSpan> out) {
        Hits m = new Hits(DATE_MDY, s, c.key(K_MONTH));
        while (m.find()) {
            if (!monthOk(m.group(1)) || !day(m.group(2))) {
                continue;
            }
            if (m.group(3) == null && !Character.isUpperCase(m.group(1).charAt(0))) {
                continue;
            }
            addDate(s, m.start(), m.end(), out);
        }
        m = new Hits(DATE_DMY, s, c.digit);
        while (m.find()) {
            if (monthOk(m.group(2)) && day(m.group(1)) && (m.group(3) != null
                    || Character.isUpperCase(m.group(2).charAt(0)))) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = new Hits(DATE_MY, s, c.key(K_MONTH));
        while (m.find()) {
            if (monthOk(m.group(1))) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = new Hits(DATE_NUM, s, c.digit);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            boolean sep = !m.group(2).equals(".") || m.group(4).length() == 4;
            if (sep && a >= 1 && b >= 1 && (a <= 12 && b <= 31 || b <= 12 && a <= 31)) {
                addDate(s, m.start(), m.end(), out);
            }
        }
        m = new Hits(DATE_ISO, s, c.digit);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(3));
            int d = Integer.parseInt(m.group(4));
            if (y >= 1800 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
                addDate(s, m.start(), m.end(), true, out);
            }
        }
        m = new Hits(DATE_MD, s, c.key(K_DATE_MD));
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
                out.add(new PhiSpan(m.start(1), m.end(2), PhiType.DATE, "DATE"));
            }
        }
        m = new Hits(AGE_YEARS, s, c.digit);
        while (m.find()) {
            int age = Integer.parseInt(m.group(1));
            if (age >= 90 && age <= 130) {
                out.add(new PhiSpan(m.start(1), m.end(1), PhiType.AGE, "AGE"));
            }
        }
        m = new Hits(AGE_CUE, s, c.key(K_AGE));
        while (m.find()) {
            int g = m.group(1) != null ? 1 : 2;
            int age = Integer.parseInt(m.group(g));
            if (age >= 90 && age <= 130) {
                out.add(new PhiSpan(m.start(g), m.end(g), PhiType.AGE, "AGE"));
            }
        }
        if (s.indexOf('@') >= 0) {
            add(new Hits(EMAIL, s, null), PhiType.CONTACT, "EMAIL", out);
        }
        m = new Hits(URL, s, c.key(K_URL));
        while (m.find()) {
            int e = m.end();
            while (e > m.start() && ".,;:!?".indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
            out.add(new PhiSpan(m.start(), e, PhiType.CONTACT, "URL"));
        }
        m = new Hits(DOMAIN, s, hasTld(s) ? null : IntList.EMPTY);
        while (m.find()) {
            if (m.start() == 0 || s.charAt(m.start() - 1) != '@') {
                out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "URL"));
            }
        }
        add(new Hits(IPV4, s, c.digit), PhiType.CONTACT, "IP", out);
        add(new Hits(IPV6, s, c.hexColons >= 4 ? null : IntList.EMPTY), PhiType.CONTACT, "IP", out);
        add(new Hits(SSN, s, c.digit), PhiType.ID, "SSN", out);
        add(new Hits(PHONE_US, s, c.phone), PhiType.CONTACT, "PHONE", out);
        m = new Hits(PHONE_INTL, s, c.phone);
        while (m.find()) {
            if (digits(s, m.start(), m.end()) >= 7) {
                out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "PHONE"));
            }
        }
        m = new Hits(PHONE_GROUPS, s, c.phone);
        while (m.find()) {
            int d = digits(s, m.start(), m.end());
            if (d >= 7 && d <= 15) {
                String before = s.substring(Math.max(0, m.start() - 24), m.start());
                String after = s.substring(m.end(), Math.min(s.length(), m.end() + 8));
                if (PHONE_CUE.matcher(before).find() || PHONE_AFTER.matcher(after).lookingAt()) {
                    out.add(new PhiSpan(m.start(), m.end(), PhiType.CONTACT, "PHONE"));
                }
            }
        }
        m = new Hits(IBAN, s, c.iban);
        while (m.find()) {
            out.add(new PhiSpan(m.start(), m.end(), PhiType.ID, "IBAN"));
        }
        add(new Hits(CARD, s, c.digit), PhiType.ID, "CARD", out);
        m = new Hits(NUMERIC_TOKEN, s, c.numTok);
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
        m = new Hits(ID_CUE, s, c.key(K_ID));
        while (m.find()) {
            int st = m.start(1);
            if (st + 3 <= m.end(1) && Character.isLowerCase(s.charAt(st)) && (s.startsWith("is ", st)
                    || s.startsWith("of ", st) || s.startsWith("was ", st) || s.startsWith("are ", st))) {
                st = s.indexOf(' ', st) + 1;
            }
            int e = m.end(1);
            while (e > st && !Character.isLetterOrDigit(s.charAt(e - 1))) {
                e--;
            }
            if (digits(s, st, e) >= 3) {
                out.add(new PhiSpan(st, e, PhiType.ID, "ID"));
            }
        }
        m = new Hits(ROOM, s, IntList.union(c.digit, c.key(K_ROOM)));
        while (m.find()) {
            out.add(new PhiSpan(m.start(), m.end(), PhiType.LOCATION, "ROOM"));
        }
        add(new Hits(STREET_US, s, c.digit), PhiType.LOCATION, "STREET", out);
        m = new Hits(STREET_NAMED, s, c.key(K_STREET_NAMED));
        while (m.find()) {
            out.add(new PhiSpan(m.start(1), m.end(1), PhiType.LOCATION, "STREET"));
        }
        List<int[]> streetEu = streetsEu(s);
        for (int[] r : streetEu) {
            out.add(new PhiSpan(r[0], r[1], PhiType.LOCATION, "STREET"));
        }
        add(new Hits(STREET_PREFIX, s, c.key(K_STREET_PREFIX)), PhiType.LOCATION, "STREET", out);
        add(new Hits(UNIT, s, c.key(K_UNIT)), PhiType.LOCATION, "STREET", out);
        m = new Hits(ZIP_STATE, s, c.upper2);
        while (m.find()) {
            out.add(new PhiSpan(m.start(1), m.end(1), PhiType.LOCATION, "ZIP"));
        }
        m = new Hits(ZIP_CUE, s, c.key(K_ZIP));
        while (m.find()) {
            out.add(new PhiSpan(m.start(1), m.end(1), PhiType.LOCATION, "ZIP"));
        }
        IntList[] anchorStarts = {c.key(K_UNIT), c.digit, c.key(K_STREET_PREFIX), c.lineDigit, c.digit,
            s.indexOf("US") >= 0 ? null : IntList.EMPTY};
        for (int a = 0; a < ANCHORS.size(); a++) {
            m = new Hits(ANCHORS.get(a), s, anchorStarts[a]);
            while (m.find()) {
                if (ANCHORS.get(a) == STREET_LINE && !streetLineWords(s, m.start(), m.end())) {
                    continue;
                }
                addressBlock(s, m.start(), m.end(), out);
            }
        }
        for (int[] r : streetEu) {
            addressBlock(s, r[0], r[1], out);
        }
        m = new Hits(ADDRESS_CUE, s, c.key(K_ADDRESS));
        while (m.find()) {
            int st = m.end();
            int lead = st;
            while (lead < s.length() && lead - st < 30 && (Character.isLowerCase(s.charAt(lead)) || s.charAt(lead) == ' ')) {
                lead++;
            }
            if (lead < s.length() && lead - st < 30 && (Character.isUpperCase(s.charAt(lead)) || Character.isDigit(s.charAt(lead)))) {
                st = lead;
            }
            int e = addressEnd(s, st);
            if (e > st) {
                out.add(new PhiSpan(st, e, PhiType.LOCATION, "STREET"));
            }
        }
        // intersections: "the corner of 25 Dili Gianni Street and King Forges", "Kuusiku 7 and Alexander Flat"
        Matcher and = AND_STREET.matcher(s);
        Matcher corner = CORNER_BEFORE.matcher(s);
        Matcher andBefore = AND_BEFORE.matcher(s);
        for (int i = 0, n0 = out.size(); i < n0; i++) {
            PhiSpan p = out.get(i);
            if (p.type() != PhiType.LOCATION || !"STREET".equals(p.subtype())) {
                continue;
            }
            int st = p.start();
            int e = p.end();
            if (st > 0 && corner.region(Math.max(0, st - 20), st).find()) {
                st = corner.start();
            } else if (st > 0 && andBefore.region(Math.max(0, st - 40), st).find()) {
                st = andBefore.start();
            }
            if (and.region(e, Math.min(s.length(), e + 80)).lookingAt()) {
                e = and.end();
            }
            if (st < p.start() || e > p.end()) {
                out.add(new PhiSpan(st, e, PhiType.LOCATION, "STREET"));
            }
        }
    }

    private static final Pattern AND_STREET = Pattern.compile("\\.?[ \\t]+and[ \\t]+(?:(?:[\\p{L}'.-]+[ \\t]+){0,3}"
            + "(?:" + STREET_TYPES + ")s?\\b\\.?|(?:[\\p{L}'.-]+[ \\t]+){1,3}\\d{1,5}[A-Za-z]?\\b)");
    private static final Pattern AND_BEFORE = Pattern.compile("(?<![\\p{L}])[\\p{Lu}][\\p{L}'-]+(?:[ \\t]+[\\p{Lu}][\\p{L}'-]+)?"
            + "[ \\t]+and[ \\t]+$");
    private static final Pattern CORNER_BEFORE = Pattern.compile("(?i)\\b(?:the[ \\t]+)?corner[ \\t]+of[ \\t]+$");

    /** A line (or a part after a cue) that starts with a house number, then a word, then another number. */
    private static final Pattern STREET_LINE = Pattern.compile("(?m)(?:^[^\\p{L}\\p{N}\\n]{0,6}|(?<=\\b(?:at|to|in|is|of|with|on)\\s)|(?<=[:,]\\s))\\d{1,6}"
            + "(?:[ \\t]+\\d{1,5})?[ \\t]+[\\p{L}][\\p{L}'.-]*(?:[ \\t]+[\\p{L}][\\p{L}'.-]*){0,4}[ \\t]+\\d{1,5}[A-Za-z]?\\b\\.?");

    private static final Pattern STREET_WORD = Pattern.compile("(?i)\\b(?:" + STREET_TYPES
            + "|rue|via|calle|rua|apt|suite|unit)\\b");
    /** A line that starts with a phone number: no address line ("082 490 1693-Office", "+46 (0)8 928"). */
    private static final Pattern PHONE_LINE = Pattern.compile("(?:\\+|\\(\\d|\\d{2,4}[ .)-]+\\d{2,4}[ .-]+\\d{2,4})");
    private static final Pattern HOUSE_NUMBER_DOT = Pattern.compile("\\d{1,5}[A-Za-z]?\\.");
    private static final Pattern ABBREV_DOT = Pattern.compile("(?i)(?:ul|rkp|u|av|st|apt)\\.");
    private static final Pattern CONTACT_LINE = Pattern.compile("(?i)[>\\s]*(?:mobile|phone|tel|fax|email|e-mail)\\b");
    /** "770 26 rue des lieutemants Thomazo", "88 C/ Señores Curas": a house number before a street-prefix word. */
    private static final Pattern STREET_NUM_PREFIX = Pattern.compile("(?<![\\w.])\\d{1,6}(?:[ \\t]+\\d{1,5})?[ \\t]+"
            + "(?i:rue|rua|r\\.|via|viale|calle|c/|avenida|av\\.|avenue|piazza|corso|largo|travessa|ul\\.|ulica|carrer"
            + "|paseo|camino|strada|chemin|all[ée]e|plaza|praça|boulevard|bd)(?:[ \\t]+[\\p{L}][\\p{L}'.-]*){1,5}");
    /** US military mail: "USNS Vincent\nFPO AA 68422", "Unit 1009 Box 0219\nDPO AP 51065". */
    private static final Pattern MILITARY = Pattern.compile("\\b(?:USNS|USNV|USS|USCGC|USNC|USCG)[ \\t]+[\\p{Lu}][\\p{L}'.-]+"
            + "(?:[ \\t]+[\\p{Lu}][\\p{L}'.-]+)?");
    /** A street without a house number after "on", "at", "in", "off": "shows on Ane Flats Street". */
    private static final Pattern STREET_NAMED = Pattern.compile("(?i:on|at|off|along)\\s((?:[\\p{Lu}][\\p{L}'.-]+[ \\t]+){1,3}"
            + "(?:Street|Avenue|Road|Boulevard|Lane|Drive|Terrace|Parkway|Highway|Crescent|Strasse|Straße)\\b)");
    private static final List<Pattern> ANCHORS = List.of(UNIT, STREET_US, STREET_PREFIX, STREET_LINE, STREET_NUM_PREFIX,
            MILITARY);

    /**
     * The words of a "number words number" line name a street: one of them is capitalized or not plain ASCII
     * ("143 31 rue de la Hulotais", "0605 πεντέλης 210"), unlike "2 pounds in 24 hours".
     */
    private static final KeyTable UNITS = KeyTable.of(Arrays.asList(("ml mg g kg mcg cc l mm cm m km lb lbs pounds"
            + " ounces oz units unit iu meq mmol minutes minute min hours hour hrs hr days day weeks week months month"
            + " years year degrees degree times tablets tablet tabs caps capsules puffs drops mmhg bpm percent").split(" ")));

    private static boolean streetLineWords(String s, int a, int b) {
        if (b < s.length() && (s.charAt(b) == '%' || s.charAt(b - 1) == '.' && Character.isDigit(s.charAt(b))
                || b + 1 < s.length() && s.charAt(b) == '.' && Character.isDigit(s.charAt(b + 1)))) {
            return false; // "5 mL of 0.25% Marcaine"
        }
        for (int k = a; k < b; ) {
            if (!Character.isLetter(s.charAt(k))) {
                k++;
                continue;
            }
            int e = k;
            while (e < b && (Character.isLetter(s.charAt(e)) || s.charAt(e) == '\'' || s.charAt(e) == '-')) {
                e++;
            }
            if (UNITS.contains(s, k, e - k)) {
                return false; // "1 g Ancef IV 30 minutes", "25 units twice a day"
            }
            if (e < b && s.charAt(e) == '.' && e + 1 < b && !ABBREV_DOT.matcher(s.substring(k, e + 1)).matches()
                    && e - k > 1) {
                return false; // "1 Do nothing. 2. Conservative"
            }
            k = e;
        }
        if (b < s.length() && b - 1 >= a && Character.isDigit(s.charAt(b - 1)) && s.charAt(b) == 's') {
            return false; // "of the 70s"
        }
        if (b > a && s.charAt(b - 1) == 's' && b - 2 >= a && Character.isDigit(s.charAt(b - 2))) {
            return false;
        }
        if (STREET_WORD.matcher(s).region(a, b).find()) {
            return true; // "3747 3911 fourth avenue suite 112"
        }
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (Character.isUpperCase(c) || c > 127 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static void addressBlock(String s, int start, int end, List<PhiSpan> out) {
        out.add(new PhiSpan(addressBack(s, start), addressForward(s, end), PhiType.LOCATION, "STREET"));
    }

    /**
     * European street names with a house number ("Puruntie 82", "Hauptstraße 5a", "Gamla Torget 3"): a word ending
     * in a street-word ending (any case), whitespace, 1-5 digits, an optional letter and period, with up to three
     * capitalized words before it. A hand-written scan over the text's words (no regular expression).
     */
    static List<int[]> streetsEu(String s) {
        List<int[]> out = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int st = i;
            while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '\'' || s.charAt(i) == '-')) {
                i++;
            }
            int we = i;
            // "str." keeps its period
            if (we < n && s.charAt(we) == '.' && we - st >= 3 && s.regionMatches(true, we - 3, "str", 0, 3)) {
                we++;
            }
            int k = we;
            if (k >= n || !Character.isWhitespace(s.charAt(k))) {
                continue;
            }
            while (k < n && Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            int d = k;
            while (d < n && d - k < 5 && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
                d++;
            }
            if (d == k || !streetEnding(s, st, we)) {
                continue;
            }
            if (d < n && (s.charAt(d) >= 'a' && s.charAt(d) <= 'z' || s.charAt(d) >= 'A' && s.charAt(d) <= 'Z')) {
                d++;
            }
            if (d < n && s.charAt(d) == '.') {
                d++;
            }
            int a = st;
            for (int back = 0; back < 3; back++) {
                int e = a;
                while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
                    e--;
                }
                if (e == a || e == 0) {
                    break;
                }
                int b = e;
                while (b > 0 && (Character.isLetter(s.charAt(b - 1)) || "'.-".indexOf(s.charAt(b - 1)) >= 0)) {
                    b--;
                }
                if (b == e || !Character.isUpperCase(s.charAt(b))
                        || b > 0 && Character.isLetterOrDigit(s.charAt(b - 1))) {
                    break;
                }
                a = b;
            }
            if (out == null) {
                out = new ArrayList<>();
            }
            out.add(new int[] {a, d});
            i = d;
        }
        return out == null ? List.of() : out;
    }

    private static boolean streetEnding(String s, int st, int e) {
        for (String end : STREET_EU_ENDINGS) {
            int l = end.length();
            if (e - st >= l && s.regionMatches(true, e - l, end, 0, l)) {
                return true;
            }
        }
        return false;
    }

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
            if (!(Character.isDigit(c) || Character.isUpperCase(c) || ABBREV_DOT.matcher(word).matches())
                    || STOP.contains(word.toLowerCase(Locale.ROOT))
                    || word.endsWith(".") && !ABBREV_DOT.matcher(word).matches() && !HOUSE_NUMBER_DOT.matcher(word).matches()) {
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
            if (lines > 0) {
                // "??? Broomfield", "> DOLE": bullet or quote marks before the line's text
                int lead = 0;
                while (lead < rest.length() && lead < 6 && !Character.isLetterOrDigit(rest.charAt(lead))
                        && rest.charAt(lead) != '(' && rest.charAt(lead) != '+') {
                    lead++;
                }
                i += lead;
                rest = rest.substring(lead);
                // "SCHEIBBS, NO 14908, and Ilmalankuja 82": the part before the next address
                int and = rest.indexOf(", and ");
                int dot = rest.indexOf(". ");
                if (dot > 0 && dot <= 48 && dot + 2 < rest.length() && Character.isUpperCase(rest.charAt(dot + 2))
                        && (and < 0 || dot < and) && Character.isDigit(rest.charAt(dot - 1))) {
                    and = dot;
                }
                if (and > 0 && and <= 48) {
                    rest = rest.substring(0, and);
                    lineEnd = i + and;
                    nl = -1;
                }
            }
            String t = rest.strip();
            if (lines > 0 && t.endsWith("?") && t.indexOf('?') == t.length() - 1 && t.length() > 1) {
                t = t.substring(0, t.length() - 1);
            }
            if (lines > 0 && (t.isEmpty() || t.length() > 48 || t.contains("?") || t.contains(": ")
                    || CONTACT_LINE.matcher(t).lookingAt() || PHONE_LINE.matcher(t).lookingAt())) {
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
            if (Character.isLetter(c)) {
                // whole words only: "San" holds no stop word "an"
                int st = i;
                while (i < n && Character.isLetter(line.charAt(i))) {
                    i++;
                }
                String w = line.substring(st, i);
                if (Character.isLowerCase(c) && !PARTICLES.contains(w, 0, w.length())
                        && (STOP.contains(w) && !w.equals("of") || w.equals("for") || w.equals("last")
                        || w.equals("after") || w.equals("in") || w.equals("case") || w.equals("it"))) {
                    return st;
                }
                continue;
            }
            if (c == '.' && i + 1 < n && line.charAt(i + 1) == ' ' && i + 2 < n && Character.isUpperCase(line.charAt(i + 2))
                    && i > 0 && (Character.isLowerCase(line.charAt(i - 1)) || Character.isDigit(line.charAt(i - 1))
                    && i + 3 < n && Character.isLowerCase(line.charAt(i + 3)))) {
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
            if (c == '.' && i + 2 < s.length() && s.charAt(i + 1) == ' ' && Character.isLowerCase(s.charAt(i + 2))) {
                e = i;
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
        addDate(s, start, end, false, out);
    }

    /**
     * A date; with {@code withTime} (ISO dates: "2000-04-16 11:34:35") the time right after it is included. A time
     * after other date forms ("May 14 1998 1:12 PM") is left: a time of day is not a date element.
     */
    private static void addDate(String s, int start, int end, boolean withTime, List<PhiSpan> out) {
        if (withTime) {
            Matcher t = TIME_AFTER.matcher(s).region(end, s.length());
            if (t.lookingAt()) {
                end = t.end();
            }
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

    private static void add(Hits m, PhiType type, String sub, List<PhiSpan> out) {
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new PhiSpan(m.start(), m.end(), type, sub));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // institutions

    private void detectInstitutions(String s, Words w, Cands c, List<PhiSpan> out) {
        Matcher leadMatcher = INSTITUTION_LEAD.matcher(s);
        Hits m = Hits.windows(INSTITUTION, s, c.key(K_FACILITY), c, 6, 160);
        while (m.find()) {
            int st = m.start();
            // drop leading function words and all-capital header words ("EMERGENCY DEPARTMENT")
            Matcher lead = leadMatcher.region(st, m.end());
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
        m = new Hits(SAINT, s, c.key(K_SAINT));
        while (m.find()) {
            int e = m.end();
            // "St. John's wort" and the like stop at the first lower-case word, which the pattern excludes
            out.add(new PhiSpan(m.start(), e, PhiType.LOCATION, "INSTITUTION"));
        }
        m = new Hits(BANNER, s, c.key(K_BANNER));
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

    private static final KeyTable FACILITY_WORDS = KeyTable.of(Arrays.asList(("hospital hospitals medical center"
            + " centre health system healthcare clinic clinics institute memorial rehabilitation regional infirmary"
            + " nursing hospice university college laboratory pharmacy").split(" ")));
    private static final KeyTable INSTITUTION_WORDS = KeyTable.of(Arrays.asList(("hospital hospitals medical center"
            + " centre health system healthcare care clinic clinics institute memorial rehabilitation regional"
            + " infirmary nursing home facility hospice group university college surgery surgical cancer heart"
            + " children's pavilion manor laboratories laboratory lab pharmacy sanatorium sanitarium of the and at med"
            + " ctr general community county state veterans").split(" ")));

    private static boolean facilityWord(String s, Words w, int j) {
        return FACILITY_WORDS.contains(s, w.start[j], w.len(j));
    }

    private boolean hasNameWord(String s, int a, int b, Words w) {
        // at least one word before the facility word that is not itself a facility or function word
        int i = w.wordAtOrAfter(a);
        int facilityWords = 0;
        int others = 0;
        for (; i < w.n && w.start[i] < b; i++) {
            if (INSTITUTION_WORDS.contains(s, w.start[i], w.len(i))) {
                facilityWords++;
            } else if (w.titleCase(i) || w.allCaps(i) && w.len(i) <= 3) {
                others++;
            }
        }
        return others > 0 || facilityWords >= 3;
    }

    // ---------------------------------------------------------------------------------------------------------
    // names

    private void detectNames(String s, Words w, Cands c, List<PhiSpan> out) {
        boolean[] name = new boolean[w.n];
        // 1. titles: "Dr. Carreón", "Mr. Alpha González", "DR. SMITH"
        for (int i = 0; i + 1 < w.n; i++) {
            if (TITLE_TABLE.contains(s, w.start[i], w.len(i)) && (w.titleCase(i) || w.allCaps(i) || w.len(i) <= 3)
                    && !w.newlineBetween(i, i + 1)) {
                int j = i + 1;
                boolean caps = w.allCaps(i);
                takeRun(w, j, name, true, caps || w.allCaps(j), 4);
            }
        }
        // 2. labels: "PATIENT NAME: Ruelas, Guillermina R", "cc: ...", "Directed By: ..."
        Hits m = new Hits(LABEL, s, c.key(K_LABEL));
        while (m.find()) {
            int j = w.wordAtOrAfter(m.end());
            if (j < w.n && w.start[j] == m.end()) {
                takeRun(w, j, name, true, true, 5);
            }
        }
        // 2a. a name on the line of an address label, with the street on the next line
        m = new Hits(ADDRESS_CUE, s, c.key(K_ADDRESS));
        while (m.find()) {
            int st = m.end();
            int eol = s.indexOf('\n', st);
            if (eol < 0 || st == 0 || s.charAt(st - 1) != ' ' && s.charAt(m.end() - 1) != ':' && s.charAt(st - 2) != ':') {
                continue;
            }
            boolean digits = false;
            for (int k = st; k < eol; k++) {
                digits |= Character.isDigit(s.charAt(k));
            }
            int next = eol + 1;
            while (next < s.length() && (s.charAt(next) == ' ' || s.charAt(next) == '\t')) {
                next++;
            }
            int j = w.wordAtOrAfter(st);
            if (!digits && next < s.length() && Character.isDigit(s.charAt(next)) && j < w.n && w.start[j] < eol
                    && w.titleCase(j)) {
                takeRun(w, j, name, true, true, 4);
            }
        }
        // 2b. speaker labels at a line start: "mika: \"who are you?\"", "Ella: What a wife."
        for (int j = 0; j < w.n; j++) {
            if (!(j == 0 || w.newlineBefore(j)) || !onlyChars(s, j == 0 ? 0 : lineStart(s, w.start[j]), w.start[j], " \t>", 8)) {
                continue;
            }
            int k = j;
            if (k + 1 < w.n && onlySpacesBetween(s, w, k, k + 1) && speakerWord(w, k + 1)) {
                k++;
            }
            int colon = w.end[k];
            if (colon < s.length() && s.charAt(colon) == ':' && (speakerWord(w, j) || townSpeaker(w, j, colon))
                    && (w.hasName(j) || k > j || townSpeaker(w, j, colon)) && restOfLineHasText(s, colon + 1)) {
                for (int x = j; x <= k; x++) {
                    name[x] = true;
                }
            }
        }
        // 2c. lower-case lists of given names: "they had 6: silvana, adam, christopher, kristina, chad and caleb."
        for (int j = 0; j < w.n; j++) {
            int k = j;
            int strong = 0;
            while (k < w.n && lowerGiven(w, k)) {
                if (w.lowerNameCandidate(k)) {
                    strong++;
                }
                if (k + 1 < w.n && lowerGiven(w, k + 1) && listGap(s, w.end[k], w.start[k + 1])) {
                    k++;
                } else if (k + 2 < w.n && andBetween(s, w, k, k + 1, k + 2) && lowerGiven(w, k + 2)) {
                    k += 2;
                } else {
                    break;
                }
            }
            int items = 0;
            for (int x = j; x <= k && x < w.n; x++) {
                if (lowerGiven(w, x)) {
                    items++;
                }
            }
            if (items >= 3 && strong * 2 >= items) {
                for (int x = j; x <= k; x++) {
                    if (lowerGiven(w, x)) {
                        name[x] = true;
                    }
                }
            }
            j = Math.max(j, k);
        }
        // 3. phrases: "seen by", "daughter", "my name is"
        Matcher p = PHRASE.matcher(s);
        Matcher generic = GENERIC_CUE.matcher("");
        Matcher lowerOk = LOWER_NAME_CUE.matcher("");
        for (int j = 0; j < w.n; j++) {
            if (!(w.titleCase(j) || w.lowerNameCandidate(j)) || name[j] || j == 0) {
                continue;
            }
            boolean nameIs = j >= 2 && NAME_IS_CUE.matcher(s).region(Math.max(0, w.start[j] - 20), w.start[j]).find();
            if (!(w.titleCase(j) ? (weakName(w, j) || nameIs) && !w.isStop(j)
                    : strongName(w, j) || w.lowerNameCandidate(j))) {
                continue;
            }
            // the cue ends right before the word (whitespace and an optional comma between): check the gap first
            if (!phraseGap(s, w.end[j - 1], w.start[j])) {
                continue;
            }
            p.region(Math.max(0, w.start[j] - 30), w.start[j]);
            if (p.find()) {
                String cue = p.group().trim();
                if (generic.reset(cue).matches() && !(strongName(w, j) || unknownWord(w, j) && w.titleCase(j)
                        && nextIsName(w, j) || nameIs)) {
                    continue;
                }
                if (!w.titleCase(j) && !lowerOk.reset(cue).lookingAt()) {
                    continue;
                }
                if (nameIs && w.titleCase(j)) {
                    name[j] = true;
                }
                takeRun(w, j, name, false, false, 4);
            }
        }
        // 3b. vocatives and grammar of person names without cue words
        for (int j = 0; j < w.n; j++) {
            if (name[j]) {
                continue;
            }
            // "Kuba, can I please speak to your boss?"
            if (w.titleCase(j) && w.sentenceInitial(j) && j + 1 < w.n && s.startsWith(", ", w.end[j])
                    && w.start[j + 1] == w.end[j] + 2 && VOCATIVE_NEXT.contains(s, w.start[j + 1], w.len(j + 1))
                    && personWord(w, j)) {
                name[j] = true;
            }
            // "Don't go to town, Mark!": a given name addressed at the end of a sentence
            if (w.titleCase(j) && j > 0 && (w.flags(j) & WordLexicon.FIRST) != 0 && !w.isStop(j)
                    && w.start[j] >= 2 && s.startsWith(", ", w.start[j] - 2) && w.end[j] < s.length()
                    && (s.charAt(w.end[j]) == '!' || s.charAt(w.end[j]) == '?')) {
                name[j] = true;
            }
            // "Muslija and Brown were precision engineers."
            if (w.titleCase(j) && w.sentenceInitial(j) && j + 3 < w.n && andBetween(s, w, j, j + 1, j + 2)
                    && w.titleCase(j + 2) && personWord(w, j)
                    && (personWord(w, j + 2) || (w.flags(j + 2) & WordLexicon.LAST) != 0 && !w.isStop(j + 2))
                    && onlySpacesBetween(s, w, j + 2, j + 3) && PLURAL_VERBS.contains(s, w.start[j + 3], w.len(j + 3))
                    && (weakName(w, j) || weakName(w, j + 2))) {
                name[j] = true;
                name[j + 2] = true;
            }
            // lower-case "emidio p lombardo", "hyuuma t. maida" on a line of their own (after an optional label)
            if (Character.isLowerCase(s.charAt(w.start[j])) && j + 2 < w.n && w.len(j + 1) == 1
                    && Character.isLowerCase(s.charAt(w.start[j + 1]))
                    && onlyChars(s, w.end[j], w.start[j + 1], " ", 2) && onlyChars(s, w.end[j + 1], w.start[j + 2], ". ", 3)
                    && lowerPersonWord(w, j) && lowerPersonWord(w, j + 2)
                    && lineEndsAfter(s, w.end[j + 2]) && lineStartsBefore(s, w.start[j])) {
                name[j] = true;
                name[j + 1] = true;
                name[j + 2] = true;
            }
        }
        // 4. followed by a degree or by "is a 70-year-old"; after a signature line
        Matcher degree = DEGREE_AFTER.matcher(s);
        Matcher ageAfter = AGE_AFTER.matcher(s);
        for (int j = 0; j < w.n; j++) {
            int e = w.end[j];
            if (e >= s.length() || s.charAt(e) != ',' && s.charAt(e) != ' ' && s.charAt(e) != '\t'
                    || !w.titleCase(j) || name[j] || w.isStop(j)) {
                continue;
            }
            int lim = Math.min(s.length(), e + 40);
            if (degree.region(e, lim).find() || ageAfter.region(e, lim).find() && weakName(w, j)) {
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
        m = new Hits(SIGNATURE, s, s.indexOf("____") >= 0 ? null : IntList.EMPTY);
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
                    && !(w.clinical(j) && w.sentenceInitial(j))
                    && !((w.flags(j) & (WordLexicon.DICT | WordLexicon.FIRST)) == WordLexicon.DICT && w.sentenceInitial(j)
                    && w.followedByLabelMark(j))
                    && !((w.flags(j) & WordLexicon.FREQUENT) != 0 && w.sentenceInitial(j) && !(j + 1 < w.n
                    && !w.newlineBetween(j, j + 1) && w.titleCase(j + 1) && noDictWord(w, j + 1) && weakName(w, j + 1)))) {
                name[j] = true;
            } else if (w.titleCase(j) && j + 1 < w.n && w.titleCase(j + 1) && onlySpacesBetween(s, w, j, j + 1)
                    && (weakName(w, j) && (weakName(w, j + 1) || noDictWord(w, j) && rareOrEponym(w, j + 1))
                    || rareOrEponym(w, j) && (w.flags(j + 1) & WordLexicon.LAST) != 0 && noDictWord(w, j + 1)
                    && (w.flags(j + 1) & WordLexicon.FIRST) == 0 && !w.isStop(j + 1))
                    && !w.isPlace(j) && !w.isPlace(j + 1)
                    && !eponym(s, w, j + 1) && !facilityWord(s, w, j + 1)) {
                name[j] = true;
                name[j + 1] = true;
            } else if (w.titleCase(j) && w.flags(j) == 0 && unknownWord(w, j) && !w.sentenceInitial(j)
                    && !eponym(s, w, j) && w.len(j) >= 3 && !w.englishDerived(j)) {
                name[j] = true;
            } else if (w.titleCase(j) && w.sentenceInitial(j) && nameVerbAfter(s, w, j) && !eponym(s, w, j)
                    && !w.isStop(j) && !(w.clinical(j) && !firstOnly(w, j))
                    && (w.flags(j) & (WordLexicon.COUNTRY | WordLexicon.STATE | WordLexicon.CITY)) == 0
                    && (w.flags(j) == 0 && unknownWord(w, j) && w.len(j) >= 3 && !w.englishDerived(j)
                    || (w.flags(j) & WordLexicon.FIRST) != 0)) {
                // "Shovda is very reliable.", "Mehrudin shouted at Todd", "David is a very sympathetic person."
                name[j] = true;
            } else if (w.titleCase(j) && w.sentenceInitial(j) && j + 1 < w.n && w.titleCase(j + 1)
                    && onlySpacesBetween(s, w, j, j + 1) && personPredicateAfter(s, w, j + 1)
                    && placeOrPerson(w, j) && placeOrPerson(w, j + 1)) {
                // "Clive Underhill arrived", "Fulgencio Matamoros tolerated the procedure"
                name[j] = true;
                name[j + 1] = true;
            } else if (w.titleCase(j) && w.sentenceInitial(j) && personPredicateAfter(s, w, j) && !eponym(s, w, j)
                    && (personWord(w, j) || w.len(j) >= 3 && !w.isStop(j) && !HEADER_WORDS.contains(w.lower(j))
                    && (w.flags(j) & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE)) == 0
                    && (!w.clinical(j) || (w.flags(j) & WordLexicon.FREQUENT) == 0 && personStateAfter(s, w, j)))) {
                // "Pennington is doing well", "Blackwood denies chest pain", "Dexter lives on ..."
                name[j] = true;
            } else if ((w.lowerNameCandidate(j) && (w.flags(j) & WordLexicon.FIRST) != 0
                    || w.lowerUnknown(j) && w.len(j) >= 5 && !w.englishDerived(j) && j > 0
                    && BARE_NOUN_PREPOSITIONS.contains(s, w.start[j - 1], w.len(j - 1)) && onlySpacesBetween(s, w, j - 1, j))
                    && ((w.flags(j) & WordLexicon.CITY) == 0 && nameVerbAfter(s, w, j) || personPredicateAfter(s, w, j))) {
                // "selma is from ...", "the true gender of frederikke has been ...": a listed given name, or an
                // unknown word right after a preposition with no article (a proper noun) before a verb
                // "selma is from ..." (a listed given name; unknown lower-case words are too often clinical words
                // missing from the lexicons: "an osteotome was used")
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
                for (int side = 0; side < 2; side++) {
                    int k = side == 0 ? j - 1 : j + 1;
                    if (k < 0 || k >= w.n || name[k]) {
                        continue;
                    }
                    int a = Math.min(j, k);
                    int b = Math.max(j, k);
                    if (w.newlineBetween(a, b)) {
                        continue;
                    }
                    int ga = w.end[a];
                    int gl = w.start[b] - ga;
                    boolean space = gl >= 1 && gl <= 2 && (s.charAt(ga) == ' ' && (gl == 1 || s.charAt(ga + 1) == ' ')
                            || s.charAt(ga) == '.' && (gl == 1 || s.charAt(ga + 1) == ' '));
                    boolean comma = gl >= 1 && gl <= 2 && s.charAt(ga) == ',' && (gl == 1 || s.charAt(ga + 1) == ' ');
                    boolean dotSpace = gl == 2 && s.charAt(ga) == '.' && s.charAt(ga + 1) == ' ';
                    if (w.initial(k) && (space || gl == 0) && !(k == j + 1 && j + 2 < w.n && w.isStop(j + 2)
                            && dotSpace)) {
                        name[k] = true;
                        changed = true;
                    } else if (space && w.titleCase(k) && (weakName(w, k) || k == j + 1 && rareAfterGiven(w, j, k)
                            || k == j + 1 && noDictWord(w, j) && rareOrEponym(w, k)
                            || k == j - 1 && ((w.flags(j) & WordLexicon.LAST) != 0 || w.flags(j) == 0 && unknownWord(w, j))
                            && noDictWord(w, j) && rareGiven(w, k))
                            && !eponym(s, w, k) && !(k == j - 1 && w.sentenceInitial(k)
                            && (w.flags(k) & (WordLexicon.FREQUENT | WordLexicon.FIRST)) == WordLexicon.FREQUENT)) {
                        name[k] = true;
                        changed = true;
                    } else if (comma && w.titleCase(k) && k == j + 1 && strongName(w, k)) {
                        name[k] = true;
                        changed = true;
                    } else if (comma && w.titleCase(k) && !w.isStop(k) && !eponym(s, w, k) && strongName(w, j)
                            && (strongName(w, k) || unknownWord(w, k) && w.flags(k) == 0
                            || w.hasName(k) && (w.flags(k) & (WordLexicon.ENGLISH | WordLexicon.FREQUENT)) == 0
                            && k == j + 1 && k + 2 < w.n && andBetween(s, w, k, k + 1, k + 2))) {
                        // lists of people: "founders: Morrison, Rogers and Torres"
                        name[k] = true;
                        changed = true;
                    }
                }
                // "Willemine ten Pas", "Ludwig van der Berg": particles between two parts of a name
                int q = j + 1;
                while (q < w.n && q - j <= 2 && PARTICLES.contains(s, w.start[q], w.len(q))
                        && Character.isLowerCase(s.charAt(w.start[q])) && onlySpacesBetween(s, w, q - 1, q)) {
                    q++;
                }
                if (q > j + 1 && q < w.n && onlySpacesBetween(s, w, q - 1, q) && w.titleCase(q) && !w.isStop(q)
                        && (name[q] || weakName(w, q) || w.len(q) >= 3 && !w.clinical(q)
                        && (w.flags(q) & WordLexicon.ENGLISH) == 0)) {
                    for (int x = j + 1; x <= q; x++) {
                        changed |= !name[x];
                        name[x] = true;
                    }
                }
                // "Brad L Key", "Daniela C Capon": the word after a given name and an initial is a surname
                if (w.initial(j) && j >= 1 && j + 1 < w.n && name[j - 1] && !name[j + 1] && w.titleCase(j + 1)
                        && (w.flags(j - 1) & WordLexicon.FIRST) != 0 && !w.newlineBetween(j, j + 1)
                        && onlyChars(s, w.end[j], w.start[j + 1], ". ", 2) && !w.isStop(j + 1)
                        && !HEADER_WORDS.contains(w.lower(j + 1)) && !eponym(s, w, j + 1)) {
                    name[j + 1] = true;
                    changed = true;
                }
                // "Tosh Olsen lives at", "Follow up with Jan Jílek": a capitalized word right before a surname
                int b = j - 1;
                if (b >= 0 && !name[b] && w.titleCase(b) && onlySpacesBetween(s, w, b, j) && surnameLike(w, j)
                        && (j + 1 >= w.n || !w.titleCase(j + 1) || w.newlineBetween(j, j + 1))
                        && givenBefore(w, b)) {
                    name[b] = true;
                    changed = true;
                }
                // "Usamov and Bowers were"
                for (int k : new int[] {j - 2, j + 2}) {
                    if (k < 0 || k >= w.n || name[k]) {
                        continue;
                    }
                    int a = Math.min(j, k);
                    if (andBetween(s, w, a, a + 1, a + 2) && w.titleCase(k) && !w.isStop(k) && !eponym(s, w, k)
                            && (strongName(w, k) || unknownWord(w, k) && w.flags(k) == 0)) {
                        name[k] = true;
                        changed = true;
                    }
                }
            }
        }
        // 6b. organizations named after people: "Clark, Romero and Hall Orchestra", "Russell Investments"
        for (int j = 0; j < w.n; j++) {
            if (!name[j]) {
                continue;
            }
            int k = j;
            while (true) {
                if (k + 1 < w.n && name[k + 1] && !w.newlineBetween(k, k + 1)
                        && onlyChars(s, w.end[k], w.start[k + 1], " ,&-", 3)) {
                    k++;
                } else if (k + 2 < w.n && name[k + 2] && andBetween(s, w, k, k + 1, k + 2)) {
                    k += 2;
                } else {
                    break;
                }
            }
            int next = k + 1;
            if (next < w.n && !w.newlineBetween(k, next) && onlyChars(s, w.end[k], w.start[next], " ,&", 3)
                    && (w.titleCase(next) || w.allCaps(next) || w.len(next) <= 3)
                    && ORG_WORDS.contains(s, w.start[next], w.len(next))) {
                for (int x = j; x <= k; x++) {
                    name[x] = false;
                }
            }
            j = k;
        }
        // 6c. country names of two or three words ("South Africa", "Czech Republic") are not people
        for (int j = 0; j + 1 < w.n; j++) {
            if (!w.titleCase(j) || !onlySpacesBetween(s, w, j, j + 1) || !w.titleCase(j + 1)) {
                continue;
            }
            int k = j + 1;
            if ((words.flags(s, w.start[j], w.end[k] - w.start[j]) & WordLexicon.COUNTRY) == 0) {
                continue;
            }
            for (int x = j; x <= k; x++) {
                name[x] = false;
            }
            j = k;
        }
        // 7. propagate to other mentions of the same word
        Set<String> found = new HashSet<>();
        Set<String> foundLower = new HashSet<>();
        for (int j = 0; j < w.n; j++) {
            if (name[j] && w.len(j) >= 3 && !w.isStop(j) && !w.clinical(j) && (w.flags(j) & WordLexicon.ENGLISH) == 0) {
                found.add(w.lower(j));
                if (Character.isLowerCase(s.charAt(w.start[j]))) {
                    foundLower.add(w.lower(j));
                }
            }
        }
        // a surname that is an English word, found at the end of a full name ("Brad L Key"), also names its other
        // capitalized mentions inside a sentence ("starring Key")
        Set<String> foundEnglish = new HashSet<>();
        for (int j = 1; j < w.n; j++) {
            if (name[j] && name[j - 1] && !w.newlineBetween(j - 1, j) && (j + 1 >= w.n || !name[j + 1])
                    && w.titleCase(j) && w.len(j) >= 3 && !w.isStop(j) && (w.flags(j) & WordLexicon.ENGLISH) != 0
                    && (w.flags(j - 1) & WordLexicon.FIRST) != 0 || name[j] && j >= 2 && w.initial(j - 1) && name[j - 2]
                    && w.titleCase(j) && (w.flags(j) & WordLexicon.ENGLISH) != 0 && !w.isStop(j)) {
                foundEnglish.add(w.lower(j));
            }
        }
        if (!foundEnglish.isEmpty()) {
            KeyTable t = KeyTable.of(foundEnglish);
            for (int j = 0; j < w.n; j++) {
                if (!name[j] && w.titleCase(j) && !w.sentenceInitial(j) && t.contains(s, w.start[j], w.len(j))) {
                    name[j] = true;
                }
            }
        }
        if (!found.isEmpty()) {
            KeyTable foundTable = KeyTable.of(found);
            // lower-case mentions only of names written in lower case somewhere ("my name is borna ... calls me
            // borna"): a capitalized unknown word at a sentence start says nothing of its lower-case uses
            KeyTable lowerTable = foundLower.isEmpty() ? null : KeyTable.of(foundLower);
            for (int j = 0; j < w.n; j++) {
                if (!name[j] && (w.titleCase(j) || w.allCaps(j)) && foundTable.contains(s, w.start[j], w.len(j))
                        || !name[j] && lowerTable != null && (w.lowerNameCandidate(j) || w.lowerUnknown(j))
                        && lowerTable.contains(s, w.start[j], w.len(j))) {
                    name[j] = true;
                }
            }
        }
        for (int j = 0; j < w.n; j++) {
            if (name[j]) {
                int k = j;
                while (k + 1 < w.n && name[k + 1] && !w.newlineBetween(k, k + 1)
                        && onlyChars(s, w.end[k], w.start[k + 1], " .,", 3)) {
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
                if (!runGap(w.s, w.end[k - 1], w.start[k])) {
                    break;
                }
                if (w.s.charAt(w.end[k - 1]) == ',' && !(w.titleCase(k) || capsRun && w.allCaps(k))) {
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
                if (ok && strong && k > j && w.isEnglishOnly(k) && !w.hasName(k)
                        && ((w.flags(k) & (WordLexicon.FREQUENT | WordLexicon.ENGLISH)) != 0 || !w.clinical(k))) {
                    ok = false;
                }
            } else if (w.allCaps(k) && allowCaps) {
                ok = capsRun || SUFFIXES.contains(w.lower(k));
                // a clinical word that is no dictionary word (a surname inside an eponymous term: "YAMAGUCHI") or a
                // rare dictionary word ("YAW") may be a name; frequent and common clinical words are headers
                boolean clinicalWord = w.clinical(k) && !w.hasName(k) && ((w.flags(k) & WordLexicon.DICT) == 0
                        ? false : (w.flags(k) & (WordLexicon.FREQUENT | WordLexicon.ENGLISH)) != 0 || !strong);
                if (ok && (w.isStop(k) || w.len(k) > 2 && clinicalWord || HEADER_WORDS.contains(w.lower(k)))) {
                    ok = SUFFIXES.contains(w.lower(k));
                }
            } else if (w.lowerNameCandidate(k) && !strong && taken == 0) {
                ok = true;
            } else if ((w.lowerNameCandidate(k) || w.lowerUnknown(k)) && taken > 0 && !w.titleCase(j)) {
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

    /** Lower-case particles inside names. */
    private static final KeyTable PARTICLES = KeyTable.of(Arrays.asList(("van von der den ten ter de da do di del della"
            + " dos das du le la bin ibn bint al el abu y zu").split(" ")));
    private static final KeyTable MONTH_GIVEN = KeyTable.of(Arrays.asList("jan", "may", "june", "april", "august"));

    /** A listed surname or an unknown capitalized word, not English, a place or a clinical word. */
    private boolean surnameLike(Words w, int j) {
        int f = w.flags(j);
        return w.titleCase(j) && (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE)) == 0
                && ((f & WordLexicon.LAST) != 0 || f == 0 && unknownWord(w, j)) && !w.clinical(j) && !w.isStop(j);
    }

    /** A capitalized word that can stand before a surname as a given name (no stop, English or clinical word). */
    private boolean givenBefore(Words w, int b) {
        int f = w.flags(b);
        if (w.isStop(b)) {
            return (f & WordLexicon.FIRST) != 0 && MONTH_GIVEN.contains(w.s, w.start[b], w.len(b))
                    && !(b + 2 < w.n && Character.isDigit(w.s.charAt(w.start[b + 2])));
        }
        return w.len(b) >= 2 && (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE
                | WordLexicon.DICT)) == 0 && !(w.clinical(b) && !w.hasName(b))
                && !HEADER_WORDS.contains(w.lower(b)) && !TITLE_TABLE.contains(w.s, w.start[b], w.len(b))
                && (b == 0 || w.newlineBetween(b - 1, b) || !w.titleCase(b - 1) && !w.allCaps(b - 1));
    }

    /** Words after "Name, " that make the name a form of address. */
    private static final KeyTable VOCATIVE_NEXT = KeyTable.of(Arrays.asList(("can could would will please do did are"
            + " have i you we thank thanks").split(" ")));
    /** Verbs after "A and B" at a sentence start. */
    private static final KeyTable PLURAL_VERBS = KeyTable.of(Arrays.asList(("were are have had met said told went came"
            + " arrived agreed married live lived work worked played wrote founded started").split(" ")));

    /** A capitalized word that can be a person's name: not a stop, header, common English or clinical word, place. */
    private boolean personWord(Words w, int j) {
        int f = w.flags(j);
        return !w.isStop(j) && !HEADER_WORDS.contains(w.lower(j)) && (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY
                | WordLexicon.STATE)) == 0 && !(w.clinical(j) && (f & WordLexicon.FIRST) == 0) && w.len(j) >= 3
                && ((f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 || f == 0 && !w.englishDerived(j) && !w.clinical(j)
                || f != 0 && (f & WordLexicon.DICT) == 0);
    }

    /** A capitalized word that is a listed name, a listed city or unknown; no English, clinical or stop word. */
    private boolean placeOrPerson(Words w, int j) {
        int f = w.flags(j);
        return !w.isStop(j) && !HEADER_WORDS.contains(w.lower(j)) && w.len(j) >= 2
                && (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE | WordLexicon.FREQUENT)) == 0
                && ((f & (WordLexicon.FIRST | WordLexicon.LAST | WordLexicon.CITY)) != 0 || f == 0 && !w.clinical(j));
    }

    /** A lower-case word that can be part of a name: a listed non-English name or a word no lexicon knows. */
    private boolean lowerPersonWord(Words w, int j) {
        int f = w.flags(j);
        return w.lowerNameCandidate(j) || w.lowerUnknown(j) && !w.englishDerived(j)
                || (f & WordLexicon.CITY) != 0 && (f & (WordLexicon.DICT | WordLexicon.ENGLISH)) == 0 && w.len(j) >= 3
                && !w.clinical(j);
    }

    /** Only spaces, tabs or '>' between the line start and {@code pos}, or a "label:" and spaces. */
    private static boolean lineStartsBefore(String s, int pos) {
        int k = pos;
        while (k > 0 && (s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '\t' || s.charAt(k - 1) == '>')) {
            k--;
        }
        if (k > 0 && s.charAt(k - 1) == ':') {
            return true;
        }
        return k == 0 || s.charAt(k - 1) == '\n' || s.charAt(k - 1) == '\r';
    }

    /** Only spaces or tabs between {@code pos} and the line end. */
    private static boolean lineEndsAfter(String s, int pos) {
        int k = pos;
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
            k++;
        }
        return k == s.length() || s.charAt(k) == '\n' || s.charAt(k) == '\r';
    }

    /** Words that end the name of a company or band: the names before them are not people. */
    private static final KeyTable ORG_WORDS = KeyTable.of(Arrays.asList(("inc incorporated ltd llc llp plc corp"
            + " corporation co company group technologies technology software analytics associates investments"
            + " insurance consulting agency partners bank foundation systems solutions labs laboratories holdings"
            + " services media global international industries enterprises orchestra band ventures capital trust"
            + " gmbh ag bv oy ab nv spa srl pty").split(" ")));

    private static int lineStart(String s, int pos) {
        int k = pos;
        while (k > 0 && s.charAt(k - 1) != '\n' && s.charAt(k - 1) != '\r') {
            k--;
        }
        return k;
    }

    private static boolean restOfLineHasText(String s, int from) {
        for (int k = from; k < s.length() && s.charAt(k) != '\n' && s.charAt(k) != '\r'; k++) {
            if (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '"') {
                return true;
            }
        }
        return false;
    }

    private static final Pattern SPEAKER_LINE = Pattern.compile("[ \\t>]*[\\p{L}][\\p{L}'-]{1,20}[ \\t]*:[ \\t]*\\S");

    /** "Leverett: What a wife.\nDanielle: Remember me": a listed town as a speaker, next to another speaker line. */
    private boolean townSpeaker(Words w, int j, int colon) {
        int f = w.flags(j);
        if (!w.titleCase(j) || (f & WordLexicon.CITY) == 0 || (f & (WordLexicon.DICT | WordLexicon.ENGLISH
                | WordLexicon.COUNTRY | WordLexicon.STATE)) != 0 || HEADER_WORDS.contains(w.lower(j)) || w.clinical(j)) {
            return false;
        }
        int nl = w.s.indexOf('\n', colon);
        return nl > 0 && SPEAKER_LINE.matcher(w.s).region(nl + 1, w.s.length()).lookingAt();
    }

    /** A word that may name a speaker: capitalized or lower case, a listed name or unknown, no header word. */
    private boolean speakerWord(Words w, int j) {
        if (!(w.titleCase(j) || Character.isLowerCase(w.s.charAt(w.start[j]))) || w.len(j) < 2 || w.isStop(j)
                || HEADER_WORDS.contains(w.lower(j))) {
            return false;
        }
        int f = w.flags(j);
        if (w.clinical(j) && (f & WordLexicon.FIRST) == 0) {
            return false;
        }
        if ((f & (WordLexicon.COUNTRY | WordLexicon.STATE | WordLexicon.ENGLISH)) != 0
                || (f & (WordLexicon.DICT | WordLexicon.FIRST)) == WordLexicon.DICT) {
            return false;
        }
        return (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 || f == 0 && w.len(j) >= 3;
    }

    /** A listed given name that is no English or dictionary word ("David", "Ella"; not "Mark", "Destiny"). */
    private static boolean firstOnly(Words w, int j) {
        int f = w.flags(j);
        return (f & WordLexicon.FIRST) != 0 && (f & (WordLexicon.ENGLISH | WordLexicon.DICT)) == 0;
    }

    /** "Edith Blackwood": a capitalized dictionary word (no English word of the common list) after a given name. */
    private boolean rareAfterGiven(Words w, int j, int k) {
        int f = w.flags(k);
        return ((w.flags(j) & WordLexicon.FIRST) != 0 || w.flags(j) == 0 && unknownWord(w, j))
                && w.titleCase(j) && (f & WordLexicon.DICT) != 0 && (f & WordLexicon.FREQUENT) == 0
                && (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE)) == 0 && !w.clinical(k)
                && !w.isStop(k) && w.len(k) >= 3 && !HEADER_WORDS.contains(w.lower(k));
    }

    /**
     * A capitalized word that can be half of a two-word name next to a name-like word: a rare dictionary word
     * ("Obi", "Yaw", "Blackwood": not frequent in WordNet's tagged corpus) or a clinical word that is no dictionary
     * word (a surname inside an eponymous term: "Yamaguchi").
     */
    private boolean rareOrEponym(Words w, int j) {
        int f = w.flags(j);
        if (w.isStop(j) || w.len(j) < 3 || HEADER_WORDS.contains(w.lower(j)) || !w.titleCase(j)
                || ORG_WORDS.contains(w.s, w.start[j], w.len(j))
                || (f & (WordLexicon.ENGLISH | WordLexicon.COUNTRY | WordLexicon.STATE | WordLexicon.FREQUENT)) != 0
                || EPONYM_TABLE.contains(w.s, w.start[j], w.len(j))) {
            return false;
        }
        return (f & WordLexicon.DICT) != 0 && !w.clinical(j) || (f & WordLexicon.DICT) == 0 && w.clinical(j);
    }

    /** "Yaw Boateng": a rare dictionary word (clinical or not) before a listed surname. */
    private boolean rareGiven(Words w, int k) {
        int f = w.flags(k);
        return (f & WordLexicon.DICT) != 0 && (f & (WordLexicon.FREQUENT | WordLexicon.ENGLISH | WordLexicon.COUNTRY
                | WordLexicon.STATE)) == 0 && !w.isStop(k) && w.len(k) >= 3 && !HEADER_WORDS.contains(w.lower(k))
                && !ORG_WORDS.contains(w.s, w.start[k], w.len(k)) && !TITLE_TABLE.contains(w.s, w.start[k], w.len(k))
                && (k == 0 || w.newlineBetween(k - 1, k) || !w.titleCase(k - 1)
                || w.sentenceInitial(k - 1) && (w.flags(k - 1) & WordLexicon.FREQUENT) != 0);
    }

    private static boolean noDictWord(Words w, int j) {
        return (w.flags(j) & (WordLexicon.DICT | WordLexicon.ENGLISH)) == 0;
    }

    /** A lower-case listed given name (dictionary words such as "chad" included). */
    private boolean lowerGiven(Words w, int j) {
        int f = w.len(j) >= 3 && Character.isLowerCase(w.s.charAt(w.start[j])) ? w.flags(j) : WordLexicon.DICT;
        if ((f & WordLexicon.FIRST) == 0 && f != 0) {
            return false; // most lower-case words: dictionary words that are no given name
        }
        return !w.isStop(j)
                && ((w.flags(j) & WordLexicon.FIRST) != 0 || w.lowerUnknown(j) && !w.englishDerived(j));
    }

    /** ", " between list items. */
    private static boolean listGap(String s, int a, int b) {
        return b - a >= 1 && b - a <= 2 && s.charAt(a) == ',' && (b - a == 1 || s.charAt(a + 1) == ' ');
    }

    /** Verbs that follow a person's name at the start of a sentence ("Shovda is", "Mehrudin shouted"). */
    private static final KeyTable NAME_VERBS = KeyTable.of(Arrays.asList(("is was will lives lived shouted said says"
            + " began begins has had arrived told asked wrote writes went came speaks spoke works worked joined died"
            + " moved stated reported agreed wants loves likes thinks knows called calls sang sings plays played"
            + " directed starred married").split(" ")));

    /** Prepositions after which a bare unknown lower-case word before a verb is a proper noun. */
    private static final KeyTable BARE_NOUN_PREPOSITIONS = KeyTable.of(Arrays.asList("of", "with", "for", "by", "from"));

    /** Verbs said of people in notes and letters. */
    private static final KeyTable PERSON_VERBS = KeyTable.of(Arrays.asList(("denies denied reports reported states"
            + " complains complained presents presented returns returned tolerated underwent lives lived died agreed"
            + " declined feels felt says said arrived called tolerates tolerated").split(" ")));
    /** Words after "is" / "was" said of people ("is doing well", "was admitted"). */
    private static final KeyTable PERSON_STATES = KeyTable.of(Arrays.asList(("doing feeling seen admitted discharged"
            + " married widowed alert awake being here now from").split(" ")));

    /** "Pennington is doing well", "Blackwood denies", "Dexter lives": a verb phrase said of a person follows. */
    private static boolean personPredicateAfter(String s, Words w, int j) {
        if (j + 1 >= w.n || !onlySpacesBetween(s, w, j, j + 1) || !Character.isLowerCase(s.charAt(w.start[j + 1]))) {
            return false;
        }
        if (PERSON_VERBS.contains(s, w.start[j + 1], w.len(j + 1))) {
            return true;
        }
        boolean be = w.len(j + 1) == 2 && s.regionMatches(w.start[j + 1], "is", 0, 2)
                || w.len(j + 1) == 3 && s.regionMatches(w.start[j + 1], "was", 0, 3);
        return be && j + 2 < w.n && onlySpacesBetween(s, w, j + 1, j + 2)
                && PERSON_STATES.contains(s, w.start[j + 2], w.len(j + 2));
    }

    /** "Yamaguchi is doing well": "is" or "was" and a state said of people. */
    private static boolean personStateAfter(String s, Words w, int j) {
        return personPredicateAfter(s, w, j) && (!PERSON_VERBS.contains(s, w.start[j + 1], w.len(j + 1))
                || ONLY_PERSON_VERBS.contains(s, w.start[j + 1], w.len(j + 1)));
    }

    /** Verbs said of people only (not of reports or services: "Radiology reports"). */
    private static final KeyTable ONLY_PERSON_VERBS = KeyTable.of(Arrays.asList(("arrived called lives lived died said"
            + " says agreed").split(" ")));

    private static boolean nameVerbAfter(String s, Words w, int j) {
        return j + 1 < w.n && onlySpacesBetween(s, w, j, j + 1) && NAME_VERBS.contains(s, w.start[j + 1], w.len(j + 1))
                && Character.isLowerCase(s.charAt(w.start[j + 1]));
    }

    /** Endings of English words; an unknown capitalized word with one is not taken for a name on its own. */
    private static final Pattern ENGLISH_SUFFIX = Pattern.compile("(?:ers|ing|ings|ed|al|ble|tion|tions|sion|ment|ments"
            + "|ness|ive|ous|ary|ic|ics|ical|ity|ism|ist|logy|graphy|graphic|um|oup|ful|less|ward|wise|ize|ise|ates"
            + "|ly|ry|cy|ty|ance|ence|ant|ent|ure|ors|ies|phy|gram|scopy|tomy|ectomy|itis|osis|emia|uria|pathy)$");

    private static final String[] MEDICAL_PREFIXES = ("neuro cardio gastro osteo hepato nephro pneumo pulmo dermato"
            + " hemato haemato arthro chondro encephalo cerebro angio laparo cysto immuno patho physio psycho radio"
            + " thermo electro hydro hyper supra micro macro ortho").split(" ");
    private static final String[] SUFFIX_LIST = ("ers|ings|ing|ed|al|ble|tions|tion|sion|ments|ment|ness|ive|ous|ary"
            + "|ical|ics|ic|ity|ism|ist|logy|graphy|graphic|um|ful|less|ward|wise|ize|ise|ates|ly|ry|cy|ty|ance|ence"
            + "|ant|ent|ure|ors|ies|phy|gram|scopy|tomy|ectomy|itis|osis|emia|uria|pathy").split("\\|");

    /**
     * Whether an unknown word is an English derivation: it ends in an English suffix and what is left is an English
     * or clinical word ("Onboarding", "Cardiomegalic"), or it is a medical formation (-itis, -ectomy, -scopy, ...).
     * Names that merely end like English words ("Xiaoling", "Chowdhury", "El-Sayed", "Faisal") are not.
     */
    private boolean englishDerived(String lower) {
        // "You-shaped", "Betadine-soaked": a hyphenated word that ends in a dictionary word (no listed name)
        int hy = lower.lastIndexOf('-');
        if (hy > 0 && lower.length() - hy - 1 >= 4) {
            int f = words.flags(lower, hy + 1, lower.length() - hy - 1);
            if ((f & (WordLexicon.DICT | WordLexicon.ENGLISH)) != 0 && (f & (WordLexicon.FIRST | WordLexicon.LAST)) == 0) {
                return true;
            }
        }
        // medical combining forms ("Neurodiagnostics", "Osteo-Med")
        for (String pre : MEDICAL_PREFIXES) {
            if (lower.startsWith(pre) && lower.length() >= pre.length() + 3) {
                return true;
            }
        }
        // compounds that open with a long dictionary word ("Pancreaticobiliary", "Gastroesophageal")
        for (int l = 7; l + 4 <= lower.length(); l++) {
            if ((words.flags(lower, 0, l) & WordLexicon.DICT) != 0) {
                return true;
            }
        }
        for (String suf : SUFFIX_LIST) {
            if (!lower.endsWith(suf)) {
                continue;
            }
            if (suf.length() >= 4 && !suf.equals("ings") && !suf.equals("ment") || suf.equals("ic") && lower.length() >= 9) {
                return true; // -ectomy, -scopy, -itis, -osis, -graphy, -tion ...: not name endings
            }
            String stem = lower.substring(0, lower.length() - suf.length());
            if (stem.length() < 3) {
                continue;
            }
            String[] variants = {stem, stem + "e", stem + "y", stem.substring(0, stem.length() - 1),
                stem.endsWith("i") ? stem.substring(0, stem.length() - 1) + "y" : stem};
            for (String v : variants) {
                if (v.length() >= 3 && ((words.flags(v) & (WordLexicon.DICT | WordLexicon.ENGLISH)) != 0
                        || clinical != null && clinical.lookupWord(v, 0, v.length(), new char[5 * v.length() + 8]) >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }

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
                && !EPONYM_TABLE.contains(w.s, w.start[j], w.len(j)) && !TITLE_TABLE.contains(w.s, w.start[j], w.len(j));
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

    private static final KeyTable EPONYM_TABLE = KeyTable.of(EPONYMS);
    private static final KeyTable EPONYM_HEAD_TABLE = KeyTable.of(EPONYM_HEADS);

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
        return (f & (WordLexicon.ENGLISH | WordLexicon.DICT)) == 0 && !w.clinical(j) && !w.isStop(j);
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
        if (k < w.n && w.len(k) == 1 && (s.charAt(w.start[k]) | 0x20) == 's' && s.charAt(w.start[k] - 1) == '\'') {
            k++;
        }
        return k < w.n && !w.newlineBetween(j, k) && EPONYM_HEAD_TABLE.contains(s, w.start[k], w.len(k));
    }

    /** Words a, m, b with m = "and", single spaces, on one line. */
    private static boolean andBetween(String s, Words w, int a, int m, int b) {
        return w.len(m) == 3 && s.regionMatches(w.start[m], "and", 0, 3) && w.start[m] == w.end[a] + 1
                && s.charAt(w.end[a]) == ' ' && w.start[b] == w.end[m] + 1 && s.charAt(w.end[m]) == ' ';
    }

    /** Whitespace then an optional comma then whitespace, at least one whitespace char: PHRASE's tail. */
    private static boolean phraseGap(String s, int a, int b) {
        boolean ws = false;
        boolean comma = false;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                ws = true;
            } else if ((c == ',' || c == '?') && !comma) {
                comma = true;
                ws = false;
            } else {
                return false;
            }
        }
        return ws;
    }

    /** " {1,3}", "\\.? ?", ", ?" or "-" (the gap inside a name run). */
    private static boolean runGap(String s, int a, int b) {
        int l = b - a;
        if (l == 0) {
            return true;
        }
        if (onlyChars(s, a, b, " ", 3)) {
            return true;
        }
        char c = s.charAt(a);
        if (l == 1) {
            return c == '.' || c == ',' || c == '-';
        }
        return l == 2 && (c == '.' || c == ',') && s.charAt(a + 1) == ' ';
    }

    private static boolean onlyChars(String s, int a, int b, String chars, int max) {
        if (b - a > max) {
            return false;
        }
        for (int i = a; i < b; i++) {
            if (chars.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
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

    private void detectPlaces(String s, Words w, Cands c, List<PhiSpan> out) {
        Hits m = Hits.windows(CITY_STATE, s, c.commaState, c, 6, 3);
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
        Matcher placeCue = PLACE_CUE.matcher(s);
        Matcher weakPlaceCue = WEAK_PLACE_CUE.matcher(s);
        for (int j = 0; j < w.n; j++) {
            if (Character.isLowerCase(s.charAt(w.start[j])) && w.len(j) >= 3 && w.start[j] > 0
                    && Character.isWhitespace(s.charAt(w.start[j] - 1))) {
                // "we returned to kiel by helicopter", "my friend lives in harburg"
                int lf = w.flags(j);
                boolean lowerPlace = (lf & WordLexicon.CITY) != 0 && (lf & (WordLexicon.DICT | WordLexicon.ENGLISH)) == 0
                        && !w.isStop(j) || w.lowerUnknown(j) && !w.englishDerived(j);
                if (lowerPlace && placeCue.region(Math.max(0, w.start[j] - 30), w.start[j]).find()) {
                    out.add(new PhiSpan(w.start[j], postcodeEnd(s, w.end[j]), PhiType.LOCATION, "CITY"));
                }
                continue;
            }
            if (!(w.titleCase(j) || w.allCaps(j) && w.len(j) >= 3)) {
                continue;
            }
            int f = w.flags(j);
            boolean lead = (f & (WordLexicon.COUNTRY | WordLexicon.STATE)) != 0 || w.isStop(j);
            boolean leadCity = lead && j + 1 < w.n && onlySpacesBetween(s, w, j, j + 1)
                    && (w.titleCase(j + 1) || w.allCaps(j + 1))
                    && (words.flags(s, w.start[j], w.end[j + 1] - w.start[j]) & WordLexicon.CITY) != 0;
            // "flew to New Westminster", "moved to San Lorenzo": a direction or article word opens a place name
            boolean leadCue = !leadCity && j + 1 < w.n && w.titleCase(j) && w.titleCase(j + 1)
                    && onlySpacesBetween(s, w, j, j + 1) && PLACE_LEADS.contains(s, w.start[j], w.len(j))
                    && ((w.flags(j + 1) & WordLexicon.CITY) != 0 || unknownWord(w, j + 1))
                    && w.start[j] > 0 && placeCue.region(Math.max(0, w.start[j] - 30), w.start[j]).find();
            if (leadCue) {
                out.add(new PhiSpan(w.start[j], w.end[j + 1], PhiType.LOCATION, "CITY"));
                j++;
                continue;
            }
            if (lead && !leadCity) {
                // a country or stop word alone is no place, but it may open a listed city ("New Westminster")
                continue;
            }
            int from = Math.max(0, w.start[j] - 30);
            boolean wsBefore = w.start[j] > 0 && Character.isWhitespace(s.charAt(w.start[j] - 1));
            boolean strongCue = wsBefore && placeCue.region(from, w.start[j]).find();
            int k = j;
            // multi-word city names ("New Castle", "Upton Scudamore")
            while (k + 1 < w.n && k - j < 2 && onlySpacesBetween(s, w, k, k + 1)
                    && (w.titleCase(k + 1) || w.allCaps(k + 1) && w.allCaps(j)) && !w.isStop(k + 1)) {
                if ((words.flags(s, w.start[j], w.end[k + 1] - w.start[j]) & WordLexicon.CITY) != 0
                        || strongCue && unknownWord(w, k + 1)) {
                    k++;
                } else {
                    break;
                }
            }
            int pf = k == j ? f : words.flags(s, w.start[j], w.end[k] - w.start[j]);
            if (k > j && (pf & WordLexicon.COUNTRY) != 0) {
                j = k;
                continue;
            }
            boolean city = (pf & WordLexicon.CITY) != 0 && (k > j || (f & (WordLexicon.ENGLISH | WordLexicon.DICT)) == 0
                    && !w.clinical(j));
            // after a strong cue a listed city counts even when it is also a dictionary word ("flew to Coles")
            boolean cityAfterCue = (pf & WordLexicon.CITY) != 0 && (f & WordLexicon.ENGLISH) == 0
                    && (!w.clinical(j) || (f & WordLexicon.DICT) == 0);
            // an all-capital word in a mixed-case line that no lexicon knows: a place name after "in", "at", "to"
            // ("grew up in SUND", "at the University of PORVOO", "arrived at BÜSCHENDORF")
            boolean capsPlace = w.allCaps(j) && (w.len(j) >= 5 || !asciiWord(s, w.start[j], w.end[j])) && f == 0
                    && !w.clinical(j) && k == j
                    && lineHasLowerCase(s, w.start[j]) && vowel(s, w.start[j], w.end[j])
                    && !w.englishDerived(j);
            // "in Acquapendente 1021", "in ÖVERTURINGEN 840 24": a place word with a postcode after "in"
            boolean withPostcode = k == j && !lead && wsBefore && w.start[j] >= 3
                    && s.regionMatches(w.start[j] - 3, "in ", 0, 3) && postcodeEnd(s, w.end[j]) > w.end[j]
                    && (unknownWord(w, j) || (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0
                    && (f & WordLexicon.ENGLISH) == 0);
            if (withPostcode) {
                out.add(new PhiSpan(w.start[j], postcodeEnd(s, w.end[j]), PhiType.LOCATION, "CITY"));
                continue;
            }
            if (lead && (k == j || (pf & (WordLexicon.COUNTRY | WordLexicon.STATE)) != 0)) {
                continue;
            }
            if (strongCue && (city || cityAfterCue || unknownWord(w, j) || (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0
                    || k > j && !w.clinical(j) && (f & WordLexicon.ENGLISH) == 0)
                    || (city || capsPlace) && wsBefore && weakPlaceCue.region(from, w.start[j]).find()) {
                out.add(new PhiSpan(w.start[j], postcodeEnd(s, w.end[k]), PhiType.LOCATION, "CITY"));
                j = k;
            }
        }
    }

    /** End of a postcode right after a place ("Acquapendente 1021", "ÖVERTURINGEN 840 24"), else {@code e}. */
    private static int postcodeEnd(String s, int e) {
        int i = e;
        if (i >= s.length() || s.charAt(i) != ' ') {
            return e;
        }
        i++;
        int d = i;
        while (d < s.length() && Character.isDigit(s.charAt(d)) && d - i < 6) {
            d++;
        }
        if (d - i < 3 || d - i > 5 || d < s.length() && Character.isLetterOrDigit(s.charAt(d))) {
            return e;
        }
        if (d + 3 <= s.length() && (s.charAt(d) == ' ' || s.charAt(d) == '-') && Character.isDigit(s.charAt(d + 1))
                && Character.isDigit(s.charAt(d + 2))) {
            int x = d + 1;
            while (x < s.length() && Character.isDigit(s.charAt(x)) && x - d <= 4) {
                x++;
            }
            if (x - d - 1 <= 4 && (x == s.length() || !Character.isLetterOrDigit(s.charAt(x)))) {
                d = x;
            }
        }
        return d;
    }

    private static final KeyTable PLACE_LEADS = KeyTable.of(Arrays.asList(("new north south east west upper lower"
            + " port san santa saint st great little old fort mount lake").split(" ")));

    /** Whether the line holding {@code pos} has a lower-case letter (it is no all-capital header line). */
    private static boolean lineHasLowerCase(String s, int pos) {
        for (int k = lineStart(s, pos); k < s.length() && s.charAt(k) != '\n' && s.charAt(k) != '\r'; k++) {
            if (Character.isLowerCase(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWord(String s, int a, int b) {
        for (int k = a; k < b; k++) {
            if (s.charAt(k) > 127) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[a, b)} has a vowel (acronyms such as "CHF" or "PCP" have none). */
    private static boolean vowel(String s, int a, int b) {
        for (int k = a; k < b; k++) {
            if ("AEIOUYÅÄÖÜÉÈÁÀÍÓÚØÆ".indexOf(Character.toUpperCase(s.charAt(k))) >= 0) {
                return true;
            }
        }
        return false;
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
                f = words.flags(s, start[i], end[i] - start[i]);
                if (f == 0) {
                    f = compoundFlags(i);
                }
                flags[i] = f;
            }
            return f;
        }

        /** A hyphenated word all of whose parts are dictionary words or single letters ("Follow-up", "T-wave"). */
        private int compoundFlags(int i) {
            int from = start[i];
            boolean hyphen = false;
            for (int k = start[i]; k <= end[i]; k++) {
                if (k == end[i] || s.charAt(k) == '-') {
                    int l = k - from;
                    if (l > 1 && (words.flags(s, from, l) & (WordLexicon.DICT | WordLexicon.ENGLISH)) == 0) {
                        return 0;
                    }
                    if (k < end[i]) {
                        hyphen = true;
                    }
                    from = k + 1;
                }
            }
            return hyphen ? WordLexicon.DICT : 0;
        }

        private byte[] derived;

        /** {@link PhiDetector#englishDerived(String)} of word i, computed once per document. */
        boolean englishDerived(int i) {
            if (derived == null) {
                derived = new byte[n];
            }
            if (derived[i] == 0) {
                derived[i] = PhiDetector.this.englishDerived(lower(i)) ? (byte) 1 : (byte) 2;
            }
            return derived[i] == 1;
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

        private byte[] stop;

        boolean isStop(int i) {
            if (stop == null) {
                stop = new byte[n];
            }
            if (stop[i] == 0) {
                stop[i] = STOP_TABLE.contains(s, start[i], end[i] - start[i]) ? (byte) 1 : (byte) 2;
            }
            return stop[i] == 1;
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
            return (f & (WordLexicon.FIRST | WordLexicon.LAST)) != 0 && (f & (WordLexicon.ENGLISH | WordLexicon.DICT)) == 0
                    && !clinical(i) && !isStop(i) && (f & (WordLexicon.COUNTRY | WordLexicon.STATE)) == 0;
        }

        /** A lower-case word of 3+ letters that is in no lexicon (not a name, English, clinical or a stop word). */
        boolean lowerUnknown(int i) {
            if (len(i) < 3 || !Character.isLowerCase(s.charAt(start[i]))) {
                return false;
            }
            for (int k = start[i]; k < end[i]; k++) {
                if (!Character.isLetter(s.charAt(k))) {
                    return false;
                }
            }
            return flags(i) == 0 && !clinical(i) && !isStop(i);
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
