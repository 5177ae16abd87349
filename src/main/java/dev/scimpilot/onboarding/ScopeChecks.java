package dev.scimpilot.onboarding;

import dev.scimpilot.cards.PreflightReportCard.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Preflight checks of who runbook steps 1 and 6 will provision: licensed users, companyName, service accounts. */
final class ScopeChecks {

    private static final Pattern MATCHED = Pattern.compile("^(mail|UPN) matches '([^']*)'");

    private ScopeChecks() {}

    static List<Check> of(ScopePreview scope, OnboardingParameters p) {
        List<Check> checks = new ArrayList<>();
        checks.add(rule(scope));
        checks.add(companyNames(scope, p));
        checks.add(serviceAccounts(scope));
        return checks;
    }

    /** Counts, and the exclusions people do not expect: an unanchored -match also hits "kinfo@" or "customerservice@". */
    private static Check rule(ScopePreview scope) {
        int licensed = scope.verdicts().size();
        String counts = licensed + " with Exchange Online (Plan 1): " + scope.included().size() + " in the group, "
                + scope.excluded().size() + " excluded";
        List<String> surprising = new ArrayList<>();
        for (RuleEvaluator.Verdict v : scope.excluded()) {
            Matcher m = MATCHED.matcher(v.reason() == null ? "" : v.reason());
            String local = v.user().address().split("@")[0];
            if (m.find() && !local.equalsIgnoreCase(m.group(2))) {
                surprising.add(Checks.shortAddress(v.user().address()) + " ('" + m.group(2) + "')");
            }
        }
        if (scope.included().isEmpty()) {
            return Checks.warn("Licensed users", counts + "; nobody would be provisioned");
        }
        return surprising.isEmpty() ? Checks.pass("Licensed users", counts)
                : Checks.warn("Licensed users", counts + "; also excluded by the mail pattern: " + Checks.names(surprising));
    }

    private static Check companyNames(ScopePreview scope, OnboardingParameters p) {
        int exact = scope.matched(CompanyNames.Match.EXACT).size();
        int variants = scope.matched(CompanyNames.Match.VARIANT).size();
        int empty = scope.matched(CompanyNames.Match.EMPTY).size();
        int other = scope.matched(CompanyNames.Match.OTHER).size();
        int unmatched = variants + empty + other;
        String fate = "All".equalsIgnoreCase(p.fallback()) ? "global end users (fallback All)" : "skipped (fallback \"\")";
        String detail = exact + " exact";
        if (unmatched == 0) {
            return Checks.pass("companyName", detail + " '" + p.clientName() + "'");
        }
        if (variants > 0) {
            detail += ", " + variants + " variant(s): " + Checks.names(scope.variants().stream().map(v -> "'" + v + "'").toList());
        }
        if (empty > 0) {
            detail += ", " + empty + " empty";
        }
        if (other > 0) {
            detail += ", " + other + " other";
        }
        return Checks.warn("companyName", detail + " -> " + unmatched + " become " + fate
                + "; add variants as extra company names or fix them in Entra");
    }

    private static Check serviceAccounts(ScopePreview scope) {
        if (scope.suspectedServiceAccounts().isEmpty()) {
            return Checks.pass("Service accounts", "none in the group");
        }
        List<String> names = scope.suspectedServiceAccounts().stream().map(DirectoryUser::address).toList();
        return Checks.warn("Service accounts", names.size() + " likely still in the group: " + Checks.names(names)
                + "; add a UPN exclusion or remove them in NinjaOne later");
    }
}
