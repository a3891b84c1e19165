package org.medsift.app.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a parsed JSON value against the subset of JSON Schema 2020-12 that docs/medsift-1.2.schema.json (and 1.1, 1.0) uses:
 * $ref (local), type, const, enum, anyOf, minimum, maximum, pattern, required, properties, additionalProperties
 * false, items. Returns the violations; an unsupported keyword is itself a violation, so the schema cannot silently
 * outgrow the check.
 */
final class SchemaCheck {
    private static final List<String> KEYWORDS = List.of("$schema", "$id", "$defs", "$ref", "title", "description",
            "type", "const", "enum", "anyOf", "minimum", "maximum", "pattern", "required", "properties",
            "additionalProperties", "items");

    private final Map<String, Object> root;
    private final List<String> errors = new ArrayList<>();

    private SchemaCheck(Map<String, Object> root) {
        this.root = root;
    }

    static List<String> check(Map<String, Object> schema, Object value) {
        SchemaCheck c = new SchemaCheck(schema);
        c.check(schema, value, "$");
        return c.errors;
    }

    @SuppressWarnings("unchecked")
    private boolean check(Map<String, Object> schema, Object v, String path) {
        int before = errors.size();
        for (String k : schema.keySet()) {
            if (!KEYWORDS.contains(k)) {
                errors.add(path + ": unsupported schema keyword " + k);
            }
        }
        if (schema.containsKey("$ref")) {
            String ref = (String) schema.get("$ref");
            String name = ref.substring("#/$defs/".length());
            check((Map<String, Object>) ((Map<String, Object>) root.get("$defs")).get(name), v, path);
        }
        if (schema.containsKey("type")) {
            Object t = schema.get("type");
            List<Object> types = t instanceof List ? (List<Object>) t : List.of(t);
            boolean ok = false;
            for (Object type : types) {
                ok |= isType((String) type, v);
            }
            if (!ok) {
                errors.add(path + ": expected " + types + " but was " + v);
                return false;
            }
        }
        if (schema.containsKey("const") && !schema.get("const").equals(v)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(v)) {
            errors.add(path + ": " + v + " not in enum");
        }
        if (schema.containsKey("anyOf")) {
            boolean ok = false;
            for (Object alt : (List<Object>) schema.get("anyOf")) {
                SchemaCheck c = new SchemaCheck(root);
                c.check((Map<String, Object>) alt, v, path);
                ok |= c.errors.isEmpty();
            }
            if (!ok) {
                errors.add(path + ": matches no anyOf alternative: " + v);
            }
        }
        if (v instanceof BigDecimal) {
            BigDecimal n = (BigDecimal) v;
            if (schema.containsKey("minimum") && n.compareTo((BigDecimal) schema.get("minimum")) < 0) {
                errors.add(path + ": " + n + " below minimum");
            }
            if (schema.containsKey("maximum") && n.compareTo((BigDecimal) schema.get("maximum")) > 0) {
                errors.add(path + ": " + n + " above maximum");
            }
        }
        if (v instanceof String && schema.containsKey("pattern")
                && !Pattern.compile((String) schema.get("pattern")).matcher((String) v).find()) {
            errors.add(path + ": '" + v + "' does not match " + schema.get("pattern"));
        }
        if (v instanceof Map) {
            Map<String, Object> m = (Map<String, Object>) v;
            for (Object r : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!m.containsKey(r)) {
                    errors.add(path + ": missing " + r);
                }
            }
            Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Object p = props.get(e.getKey());
                if (p != null) {
                    check((Map<String, Object>) p, e.getValue(), path + "." + e.getKey());
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    errors.add(path + ": unexpected property " + e.getKey());
                }
            }
        }
        if (v instanceof List && schema.containsKey("items")) {
            List<Object> l = (List<Object>) v;
            for (int k = 0; k < l.size(); k++) {
                check((Map<String, Object>) schema.get("items"), l.get(k), path + "[" + k + "]");
            }
        }
        return errors.size() == before;
    }

    private static boolean isType(String type, Object v) {
        switch (type) {
            case "object": return v instanceof Map;
            case "array": return v instanceof List;
            case "string": return v instanceof String;
            case "boolean": return v instanceof Boolean;
            case "null": return v == null;
            case "number": return v instanceof BigDecimal;
            case "integer":
                return v instanceof BigDecimal && ((BigDecimal) v).stripTrailingZeros().scale() <= 0;
            default: throw new IllegalArgumentException("unknown type " + type);
        }
    }
}
