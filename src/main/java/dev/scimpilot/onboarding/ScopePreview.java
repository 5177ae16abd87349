package dev.scimpilot.onboarding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What runbook steps 1 and 6 will do with the licensed users of a tenant, worked out client-side: who the group
 * rule includes (and why others are out), where the Switch sends each included user, how many NinjaOne end users
 * to expect in the organization, and which user to provision on demand first (step 8).
 */
public record ScopePreview(List<RuleEvaluator.Verdict> verdicts, Map<CompanyNames.Match, List<DirectoryUser>> byMatch,
        int expectedEndUsers, DirectoryUser canary, List<String> variants, List<DirectoryUser> suspectedServiceAccounts) {

    /** Mail or UPN local parts that usually belong to a mailbox no person reads. */
    private static final Pattern SERVICE_LIKE = Pattern.compile(
            "^(svc|service|scan|scanner|printer|print|copier|admin|administrator|backup|monitor|alert|alerts|noreply|"
                    + "no-reply|donotreply|mailer|system|sync|test|shared|room|sharepoint|teams|ticket|helpdesk)"
                    + "([._\\-0-9].*)?@|^[^@]*(svc|scan|printer|admin)[^@]*@", Pattern.CASE_INSENSITIVE);

    public static ScopePreview of(List<DirectoryUser> users, OnboardingParameters p) {
        RuleEvaluator rule = new RuleEvaluator(p.mailExclusion(), p.upnExclusion());
        CompanyNames names = new CompanyNames(p.clientName(), p.extraCompanyNames());
        List<DirectoryUser> sorted = users.stream()
                .sorted(Comparator.comparing(u -> String.valueOf(u.userPrincipalName()).toLowerCase(Locale.ROOT))).toList();
        List<RuleEvaluator.Verdict> verdicts = sorted.stream().map(rule::evaluate).toList();
        List<DirectoryUser> included = verdicts.stream().filter(RuleEvaluator.Verdict::included)
                .map(RuleEvaluator.Verdict::user).toList();
        Map<CompanyNames.Match, List<DirectoryUser>> byMatch = included.stream()
                .collect(Collectors.groupingBy(u -> names.classify(u.companyName()), () -> new java.util.EnumMap<>(
                        CompanyNames.Match.class), Collectors.toList()));
        List<DirectoryUser> exact = byMatch.getOrDefault(CompanyNames.Match.EXACT, List.of());
        DirectoryUser canary = exact.stream().filter(u -> u.id().equals(p.canaryUserId())).findFirst()
                .orElse(exact.isEmpty() ? null : exact.get(0));
        List<String> variants = new ArrayList<>(byMatch.getOrDefault(CompanyNames.Match.VARIANT, List.of()).stream()
                .map(DirectoryUser::companyName).collect(Collectors.toCollection(LinkedHashSet::new)));
        List<DirectoryUser> service = included.stream().filter(ScopePreview::looksLikeServiceAccount).toList();
        return new ScopePreview(verdicts, byMatch, exact.size(), canary, variants, service);
    }

    static boolean looksLikeServiceAccount(DirectoryUser u) {
        return (u.mail() != null && SERVICE_LIKE.matcher(u.mail()).find())
                || (u.userPrincipalName() != null && SERVICE_LIKE.matcher(u.userPrincipalName()).find());
    }

    public List<DirectoryUser> included() {
        return verdicts.stream().filter(RuleEvaluator.Verdict::included).map(RuleEvaluator.Verdict::user).toList();
    }

    public List<RuleEvaluator.Verdict> excluded() {
        return verdicts.stream().filter(v -> !v.included()).toList();
    }

    public List<DirectoryUser> matched(CompanyNames.Match match) {
        return byMatch.getOrDefault(match, List.of());
    }
}
