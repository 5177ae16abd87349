package dev.scimpilot.onboarding;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates runbook step 1's rule client-side, because Entra's evaluateDynamicMembership is delegated-only:
 * says per user whether the group will include them, and if not which clause excludes them.
 */
public final class RuleEvaluator {

    /** The rule's answer for one user; {@code reason} names the excluding clause (null when included). */
    public record Verdict(DirectoryUser user, boolean included, String reason) {
        /** True when the mail or UPN pattern, not licence/state/type, excludes the user. */
        public boolean excludedByPattern() {
            return !included && reason != null && (reason.startsWith("mail matches") || reason.startsWith("UPN matches"));
        }
    }

    private final Pattern mail;
    private final Pattern upn;

    public RuleEvaluator(String mailExclusion, String upnExclusion) {
        // Entra's -match is an unanchored, case-insensitive regex search
        this.mail = compile(MembershipRule.pattern(mailExclusion, "mail"));
        this.upn = upnExclusion == null || upnExclusion.isBlank() ? null
                : compile(MembershipRule.pattern(upnExclusion.strip(), "UPN"));
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public Verdict evaluate(DirectoryUser u) {
        if (!u.exchangePlan1Enabled()) {
            return new Verdict(u, false, "no Exchange Online (Plan 1) enabled");
        }
        if (!u.accountEnabled()) {
            return new Verdict(u, false, "account disabled");
        }
        if (u.userType() == null || !"member".equals(u.userType().toLowerCase(Locale.ROOT))) {
            return new Verdict(u, false, "userType " + u.userType() + ", not Member");
        }
        // a null mail makes -match false, so -not(...) keeps the user (graph-api.md step 3)
        String m = match(mail, u.mail());
        if (m != null) {
            return new Verdict(u, false, "mail matches '" + m + "' (" + u.mail() + ")");
        }
        String p = match(upn, u.userPrincipalName());
        if (p != null) {
            return new Verdict(u, false, "UPN matches '" + p + "' (" + u.userPrincipalName() + ")");
        }
        return new Verdict(u, true, null);
    }

    private static String match(Pattern pattern, String value) {
        if (pattern == null || value == null) {
            return null;
        }
        Matcher m = pattern.matcher(value);
        return m.find() ? m.group() : null;
    }
}
