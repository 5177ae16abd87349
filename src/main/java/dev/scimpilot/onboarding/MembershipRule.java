package dev.scimpilot.onboarding;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The dynamic membership rule of runbook step 1, written exactly as the runbook has it. */
public final class MembershipRule {

    /** Exchange Online (Plan 1): the runbook's proxy for "has an M365 Business licence". */
    public static final String EXCHANGE_ONLINE_PLAN_1 = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    private MembershipRule() {}

    /**
     * The runbook rule with {@code mailExclusion} as the {@code user.mail -match} pattern, and, when
     * {@code upnExclusion} is not blank, the runbook's optional UPN clause appended.
     */
    public static String of(String mailExclusion, String upnExclusion) {
        String rule = "(user.assignedPlans -any (assignedPlan.servicePlanId -eq \"" + EXCHANGE_ONLINE_PLAN_1
                + "\" -and assignedPlan.capabilityStatus -eq \"Enabled\")) -and (user.accountEnabled -eq true)"
                + " -and (user.userType -eq \"Member\") -and -not (user.mail -match \"" + pattern(mailExclusion, "mail") + "\")";
        if (upnExclusion != null && !upnExclusion.isBlank()) {
            rule += " -and -not (user.userPrincipalName -match \"" + pattern(upnExclusion.strip(), "UPN") + "\")";
        }
        return rule;
    }

    /** A pattern as it may appear inside the rule's double quotes: a valid regex without quotes. */
    static String pattern(String regex, String what) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("The " + what + " exclusion pattern is empty.");
        }
        if (regex.contains("\"") || regex.contains("`")) {
            // Entra escapes quotes with a backtick; no sensible exclusion needs either, so refuse instead
            throw new IllegalArgumentException("The " + what + " exclusion pattern must not contain \" or `: " + regex);
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("The " + what + " exclusion pattern is not a valid regular expression: "
                    + regex, e);
        }
        return regex;
    }
}
