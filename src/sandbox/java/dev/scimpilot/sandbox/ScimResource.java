package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes Entra target attribute names (name.givenName, emails[type eq "work"].value, urn:...:attr) into SCIM JSON. */
final class ScimResource {

    private static final Pattern FILTERED = Pattern.compile("(\\w+)\\[type eq \"(\\w+)\"]\\.(\\w+)");

    private ScimResource() {
    }

    static void set(ObjectNode resource, String target, String value) {
        if (target.startsWith("urn:")) {
            int cut = target.lastIndexOf(':');
            String schema = target.substring(0, cut);
            resource.withObjectProperty(schema).put(target.substring(cut + 1), value);
            ArrayNode schemas = resource.withArrayProperty("schemas");
            boolean listed = false;
            for (JsonNode s : schemas) {
                listed |= s.asText().equals(schema);
            }
            if (!listed) {
                schemas.add(schema);
            }
            return;
        }
        Matcher m = FILTERED.matcher(target);
        if (m.matches()) {
            ObjectNode entry = resource.withArrayProperty(m.group(1)).addObject();
            entry.put("type", m.group(2));
            entry.put("primary", true);
            entry.put(m.group(3), value);
            return;
        }
        if (target.equals("active")) {
            resource.put("active", Boolean.parseBoolean(value));
            return;
        }
        int dot = target.indexOf('.');
        if (dot > 0) {
            resource.withObjectProperty(target.substring(0, dot)).put(target.substring(dot + 1), value);
        } else {
            resource.put(target, value);
        }
    }

    /** attribute path -> value, for modifiedProperties in logs. */
    static Map<String, String> flatten(JsonNode resource) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", resource, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (!e.getKey().equals("schemas")) {
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + (prefix.startsWith("urn:") && !prefix.contains(".")
                            ? ":" : ".") + e.getKey(), e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(prefix + "[" + i + "]", n.get(i), out);
            }
        } else {
            out.put(prefix, n.asText());
        }
    }
}
