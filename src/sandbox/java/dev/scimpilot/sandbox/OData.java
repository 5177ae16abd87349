package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OData query options the sandbox supports: $filter (the doc's forms), $select, $top, $count, paging. */
final class OData {

    private static final Pattern LAMBDA = Pattern.compile(
            "assignedPlans/any\\((\\w+):\\1/servicePlanId eq ([0-9a-fA-F-]{36})(?: and \\1/capabilityStatus eq '(\\w+)')?\\)");
    private static final Pattern EQ_STRING = Pattern.compile("([\\w/]+) eq '((?:[^']|'')*)'");
    private static final Pattern EQ_GUID = Pattern.compile("([\\w/]+) eq ([0-9a-fA-F-]{36})");
    /** DateTimeOffset comparisons, unquoted as Graph writes them: {@code activityDateTime gt 2026-11-27T10:00:00Z}. */
    private static final Pattern DATE_COMPARE = Pattern.compile("([\\w/]+) (gt|ge|lt|le) (\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+Z)?)");
    /** Graph's startswith on string properties (e.g. servicePrincipals displayName), case-insensitive as Graph's. */
    private static final Pattern STARTS_WITH = Pattern.compile("startswith\\(([\\w/]+),\\s*'((?:[^']|'')*)'\\)");

    private final Exchange ex;
    /** The sandbox's own base URL (scheme, host, port). */
    private final String baseUrl;

    OData(Exchange ex, String baseUrl) {
        this.ex = ex;
        this.baseUrl = baseUrl;
    }

    /** A query option, with or without the "$" prefix (Graph v1.0 accepts both). */
    String option(String name) {
        String v = ex.query.get("$" + name);
        return v != null ? v : ex.query.get(name);
    }

    String filter() {
        return option("filter");
    }

    boolean countRequested() {
        return "true".equalsIgnoreCase(option("count"));
    }

    /** True if the filter uses the two-condition assignedPlans lambda, which Graph treats as an advanced query. */
    boolean isAdvancedLambda() {
        String f = filter();
        if (f == null) {
            return false;
        }
        Matcher m = LAMBDA.matcher(f.trim());
        return m.matches() && m.group(3) != null;
    }

    /** Advanced queries need both ConsistencyLevel: eventual and $count=true, or Graph refuses them. */
    void requireAdvancedQueryHeaders() {
        if (!"eventual".equalsIgnoreCase(ex.header("ConsistencyLevel")) || !countRequested()) {
            throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported Query. This is an advanced query: "
                    + "send the header 'ConsistencyLevel: eventual' and $count=true.");
        }
    }

    /** The filter as a predicate over Graph JSON objects; null filter matches all; unknown forms are a 400. */
    Predicate<JsonNode> predicate(Set<String> filterable) {
        String f = filter();
        if (f == null || f.isBlank()) {
            return x -> true;
        }
        f = f.trim();
        Matcher lambda = LAMBDA.matcher(f);
        if (lambda.matches() && filterable.contains("assignedPlans")) {
            String planId = lambda.group(2);
            String status = lambda.group(3);
            return u -> {
                for (JsonNode p : u.path("assignedPlans")) {
                    if (planId.equalsIgnoreCase(p.path("servicePlanId").asText())
                            && (status == null || status.equalsIgnoreCase(p.path("capabilityStatus").asText()))) {
                        return true;
                    }
                }
                return false;
            };
        }
        List<Predicate<JsonNode>> parts = new ArrayList<>();
        for (String clause : f.split(" and ")) {
            parts.add(clause(clause.trim(), filterable));
        }
        return x -> parts.stream().allMatch(p -> p.test(x));
    }

    private static Predicate<JsonNode> clause(String clause, Set<String> filterable) {
        Matcher d = DATE_COMPARE.matcher(clause);
        if (d.matches()) {
            if (!filterable.contains(d.group(1) + " " + d.group(2))) {
                throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
                        + "specified for property '" + d.group(1) + "' of resource.");
            }
            java.time.Instant bound = d.group(4) == null ? java.time.LocalDate.parse(d.group(3)).atStartOfDay(
                    java.time.ZoneOffset.UTC).toInstant() : java.time.Instant.parse(d.group(3));
            String op = d.group(2);
            String[] path = d.group(1).split("/");
            return x -> {
                JsonNode v = x;
                for (String p : path) {
                    v = v.path(p);
                }
                if (v.isMissingNode() || v.isNull()) {
                    return false;
                }
                int c = java.time.Instant.parse(v.asText()).compareTo(bound);
                return switch (op) {
                    case "gt" -> c > 0;
                    case "ge" -> c >= 0;
                    case "lt" -> c < 0;
                    default -> c <= 0;
                };
            };
        }
        Matcher s = EQ_STRING.matcher(clause);
        Matcher g = EQ_GUID.matcher(clause);
        Matcher starts = STARTS_WITH.matcher(clause);
        if (starts.matches()) {
            String property = starts.group(1);
            String prefix = starts.group(2).replace("''", "'").toLowerCase(java.util.Locale.ROOT);
            if (!filterable.contains(property)) {
                throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
                        + "specified for property '" + property + "' of resource.");
            }
            return x -> x.path(property).isTextual() && x.path(property).asText().toLowerCase(java.util.Locale.ROOT).startsWith(prefix);
        }
        String prop;
        String value;
        if (s.matches()) {
            prop = s.group(1);
            value = s.group(2).replace("''", "'");
        } else if (g.matches()) {
            prop = g.group(1);
            value = g.group(2);
        } else {
            throw new GraphError(400, "BadRequest", "Invalid filter clause: the sandbox supports "
                    + "\"<property> eq '<value>'\", startswith(<property>,'<prefix>') and the assignedPlans/any(...) lambda, not '" + clause + "'.");
        }
        if (!filterable.contains(prop)) {
            throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
                    + "specified for property '" + prop + "' of resource.");
        }
        String[] path = prop.split("/");
        return x -> {
            JsonNode v = x;
            for (String p : path) {
                v = v.path(p);
            }
            return !v.isMissingNode() && !v.isNull() && value.equalsIgnoreCase(v.asText());
        };
    }

    /**
     * A collection response: skips $skiptoken items, takes $top (or the default page size), keeps $select
     * properties (or the default set) and adds @odata.nextLink with the same query options.
     */
    ObjectNode collection(String context, List<? extends JsonNode> items, int defaultTop, int maxTop,
                          Set<String> defaultProperties) {
        int skip = parseInt(option("skiptoken"), 0);
        int top = parseInt(option("top"), defaultTop);
        if (top <= 0 || top > maxTop) {
            throw new GraphError(400, "Request_BadRequest", "Invalid page size specified: '" + option("top") + "'.");
        }
        ObjectNode out = Json.obj();
        String version = ex.path.startsWith("/graph/beta") ? "/graph/beta" : "/graph/v1.0";
        out.put("@odata.context", baseUrl + version + "/$metadata#" + context);
        if (countRequested()) {
            out.put("@odata.count", items.size());
        }
        ArrayNode value = out.putArray("value");
        items.stream().skip(skip).limit(top).forEach(i -> value.add(project(i, defaultProperties)));
        if (skip + top < items.size()) {
            StringBuilder next = new StringBuilder(baseUrl).append(ex.path).append('?');
            for (Map.Entry<String, String> e : ex.query.entrySet()) {
                if (!e.getKey().equals("$skiptoken") && !e.getKey().equals("skiptoken")) {
                    next.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('&');
                }
            }
            next.append("$skiptoken=").append(skip + top);
            out.put("@odata.nextLink", next.toString());
        }
        return out;
    }

    /** Applies $select (or a default property set when given) to one object. */
    JsonNode project(JsonNode item, Set<String> defaultProperties) {
        String select = option("select");
        if (select == null && defaultProperties == null) {
            return item;
        }
        ObjectNode out = Json.obj();
        item.properties().stream().filter(e -> e.getKey().startsWith("@odata.")).forEach(e -> out.set(e.getKey(), e.getValue()));
        if (select != null) {
            for (String p : select.split(",")) {
                String name = p.trim();
                item.properties().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                        .ifPresentOrElse(e -> out.set(e.getKey(), e.getValue()), () -> out.putNull(name));
            }
        } else {
            item.properties().forEach(e -> {
                if (defaultProperties.contains(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$");
    }

    private static int parseInt(String s, int dflt) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new GraphError(400, "Request_BadRequest", "'" + s + "' is not a valid number.");
        }
    }
}
