package dev.scimpilot.onboarding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The organizationId mapping expression of runbook step 6: {@code Switch([companyName], fallback, name, orgId, ...)}. */
public final class SwitchExpression {

    private SwitchExpression() {}

    /**
     * The Switch with the client name first and each extra companyName variant as another key for the same
     * organization; blank and duplicate keys are left out.
     */
    public static String of(String fallback, String clientName, List<String> extraCompanyNames, long organizationId) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(clientName);
        if (extraCompanyNames != null) {
            keys.addAll(extraCompanyNames);
        }
        StringBuilder b = new StringBuilder("Switch([companyName], ").append(quote(fallback == null ? "" : fallback));
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                b.append(", ").append(quote(key)).append(", ").append(quote(String.valueOf(organizationId)));
            }
        }
        return b.append(')').toString();
    }

    /** A string constant of Entra's expression language: double quotes, backslash escapes. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
