package dev.scimpilot.onboarding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a user's companyName meets the Switch keys of runbook step 6: an exact key (mapped to the organization),
 * a variant of one (case, {@code &} for {@code +}, spacing, a missing AG/GmbH: the runbook's "companyName mismatch"),
 * empty, or another company.
 */
public final class CompanyNames {

    public enum Match { EXACT, VARIANT, EMPTY, OTHER }

    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(\\s+(ag|gmbh|sa|s\\.a\\.|sàrl|sarl|ltd|inc|llc|kg|se|co\\.?|& co\\.?|\\+ co\\.?))+$");
    private final Set<String> keys = new LinkedHashSet<>();
    private final Set<String> normalizedKeys = new LinkedHashSet<>();

    public CompanyNames(String clientName, List<String> extraCompanyNames) {
        keys.add(clientName);
        if (extraCompanyNames != null) {
            keys.addAll(extraCompanyNames);
        }
        keys.removeIf(k -> k == null || k.isBlank());
        keys.forEach(k -> normalizedKeys.add(normalize(k)));
    }

    public Match classify(String companyName) {
        if (companyName == null || companyName.isBlank()) {
            return Match.EMPTY;
        }
        if (keys.contains(companyName)) {
            return Match.EXACT; // Switch compares exactly
        }
        return normalizedKeys.contains(normalize(companyName)) ? Match.VARIANT : Match.OTHER;
    }

    static String normalize(String s) {
        String n = s.toLowerCase(Locale.ROOT).replace('&', '+').replaceAll("\\s+", " ").strip();
        n = n.replaceAll("\\s*\\+\\s*", " + ").replace(",", "");
        return LEGAL_SUFFIX.matcher(n).replaceAll("").strip();
    }
}
