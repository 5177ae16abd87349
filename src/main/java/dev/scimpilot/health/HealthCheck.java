package dev.scimpilot.health;

import com.microsoft.graph.models.ProvisioningObjectSummary;
import com.microsoft.graph.models.ProvisioningResult;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.SynchronizationJob;
import com.microsoft.graph.models.SynchronizationStatusCode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.clients.SamlCertificate;
import dev.scimpilot.consent.AdminConsent;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.ninjaone.NinjaEndUser;
import dev.scimpilot.onboarding.CompanyNames;
import dev.scimpilot.onboarding.DirectoryUser;
import dev.scimpilot.onboarding.Licences;
import dev.scimpilot.onboarding.OnboardingParameters;
import dev.scimpilot.onboarding.RuleEvaluator;
import dev.scimpilot.onboarding.TenantUsers;
import dev.scimpilot.runs.Failures;
import dev.scimpilot.runs.RunContext;
import dev.scimpilot.runs.RunStep;
import dev.scimpilot.runs.Runbook;
import dev.scimpilot.runs.StepPlan;
import dev.scimpilot.secrets.SecretVault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks one client read-only and names what it finds, in the runbook's words: the provisioning job, the last 24 h of
 * provisioning logs, counts side by side (rule in scope, group members, provisioned, NinjaOne), global end users of
 * the client's domain, companyName values the Switch misses, drift from what was approved (the onboarding steps' own
 * read-only plans), the token secret and its days left. A tenant that does not answer is "unreachable", not an error.
 */
@Component
public class HealthCheck {

    /** Entra runs a provisioning cycle about every 40 minutes (graph-api.md). */
    static final Duration CYCLE = Duration.ofMinutes(40);
    static final Duration LOG_WINDOW = Duration.ofHours(24);
    /** The onboarding steps that configure the tenant: their plans say what drifted. */
    static final Set<String> DRIFT_STEPS = Set.of("dynamic-group", "enterprise-app", "app-role", "provisioning-job",
            "group-assignment");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd MMM HH:mm 'UTC'", Locale.ENGLISH);
    /** Waiting on the network, not the CPU; how many requests really go out is bounded by the {@link RequestLimiter}. */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-read");
        t.setDaemon(true);
        return t;
    });

    private final GraphClients graph;
    private final RecordedSetup recorded;
    private final ObjectProvider<dev.scimpilot.onboarding.OnboardingRunbook> onboarding;
    private final SecretVault vault;
    private final ClientRegistry registry;
    private final dev.scimpilot.audit.AuditLog audit;
    private final Clock clock;

    public HealthCheck(GraphClients graph, RecordedSetup recorded,
            ObjectProvider<dev.scimpilot.onboarding.OnboardingRunbook> onboarding, SecretVault vault, ClientRegistry registry, dev.scimpilot.audit.AuditLog audit, Clock clock) {
        this.graph = graph;
        this.audit = audit;
        this.recorded = recorded;
        this.onboarding = onboarding;
        this.vault = vault;
        this.registry = registry;
        this.clock = clock;
    }

    public ClientHealth check(Client c, SharedReads shared) {
        Instant now = clock.instant();
        int days = c.tokenDaysLeft(clock);
        OnboardingParameters p = recorded.of(c);
        GraphServiceClient g;
        List<SubscribedSku> skus;
        try {
            g = graph.forTenant(c.tenantId());
            skus = g.subscribedSkus().get().getValue();
        } catch (RuntimeException e) {
            List<Finding> findings = new ArrayList<>();
            findings.add(Finding.fail("Tenant access", "Graph does not answer for tenant " + c.tenantId() + ": "
                    + Failures.describe(e), AdminConsent.isMissingConsent(e)
                            ? "The Graph app has no admin consent in this tenant: `consent link " + c.emailDomain() + "`."
                            : "The tenant is unreachable (consent revoked, tenant deleted, or Graph unavailable); nothing "
                                    + "else could be checked.", ""));
            findings.add(token(c, days));
            registry.samlCertificate(c.id()).ifPresent(cert -> findings.add(saml(cert, null, clock)));
            return ClientHealth.of(c.id(), c.name(), now, days, findings, false);
        }
        final GraphServiceClient graphClient = g;
        boolean p1 = Licences.hasEntraIdP1(skus);
        CompletableFuture<List<DirectoryUser>> users = async(() -> TenantUsers.licensed(graphClient));
        CompletableFuture<SynchronizationJob> job = async(() -> c.servicePrincipalId() == null || c.jobId() == null ? null
                : graphClient.servicePrincipals().byServicePrincipalId(c.servicePrincipalId()).synchronization().jobs()
                        .bySynchronizationJobId(c.jobId()).get());
        CompletableFuture<List<ProvisioningObjectSummary>> logs = !p1 || c.jobId() == null
                ? CompletableFuture.completedFuture(List.of()) : async(() -> logs(graphClient, c.jobId(), now));
        CompletableFuture<Integer> members = !p1 || c.groupId() == null ? CompletableFuture.completedFuture(-1)
                : async(() -> graphClient.groups().byGroupId(c.groupId()).members().get(rc -> {
                    rc.queryParameters.select = new String[]{"id"};
                    rc.queryParameters.top = 999;
                }).getValue().size());
        CompletableFuture<List<NinjaEndUser>> inOrg = async(() -> shared.endUsers(c.ninjaOrgId()));
        CompletableFuture<List<NinjaEndUser>> global = async(shared::globalEndUsers);
        java.util.Optional<SamlCertificate> cert = registry.samlCertificate(c.id());
        CompletableFuture<Optional<SamlCertificate>> liveCert = cert.isEmpty() || c.servicePrincipalId() == null
                ? CompletableFuture.completedFuture(null) : async(() -> SamlSigningKey.read(graphClient, c.servicePrincipalId()));
        CompletableFuture<List<Finding>> drift = p1 ? async(() -> drift(p)) : CompletableFuture.completedFuture(List.of());

        List<Finding> findings = new ArrayList<>();
        findings.add(read("Provisioning job", () -> job(c, job.join(), now)));
        if (!p1) {
            findings.add(Finding.fail("Entra ID P1", Licences.NO_P1_NOTE + " Provisioning logs and group checks need it too.",
                    Causes.NO_P1, ""));
        }
        findings.add(read("Provisioning errors (24 h)", () -> p1 ? errors(logs.join())
                : Finding.warn("Provisioning errors (24 h)", "not readable: provisioning logs need Entra ID P1", Causes.NO_P1, "")));
        findings.add(read("Users in NinjaOne", () -> counts(p, users.join(), members.join(), logs.join(), inOrg.join(), p1)));
        findings.add(read("Global end users", () -> global(c, global.join())));
        findings.add(read("companyName coverage", () -> coverage(p, users.join())));
        findings.add(read("Setup drift", () -> {
            List<Finding> d = drift.join();
            return d.isEmpty() ? Finding.pass("Setup drift", "group rule, app role, attributes and mappings, group assignment: "
                    + "as approved at onboarding") : null;
        }));
        findings.removeIf(java.util.Objects::isNull);
        try {
            findings.addAll(drift.join());
        } catch (CompletionException e) {
            // already reported by read() above
        }
        findings.add(secret(p));
        findings.add(token(c, days));
        cert.ifPresent(recordedCert -> findings.add(read(SAML_CERT, () -> {
            Optional<SamlCertificate> live;
            try {
                live = liveCert.join();
            } catch (CompletionException e) {
                // the app could not be read: the recorded certificate's days left are still worth showing
                Finding f = saml(recordedCert, null, clock);
                return new Finding(f.name(), f.status(), f.detail() + " (the app's current signing key could not be read: "
                        + Failures.describe(e.getCause() == null ? e : e.getCause()) + ")", f.cause(), f.action());
            }
            SamlCertificate current = live == null ? null : live.orElse(null);
            if (current != null && !current.thumbprint().equalsIgnoreCase(recordedCert.thumbprint())) {
                // replaced by hand in Entra: the registry follows what the app really signs with, so the reminders
                // count down the new certificate (a new certificate starts its reminders over)
                registry.saveSamlCertificate(c.id(), current);
                audit.record(null, "SCIM Pilot", "client.saml-certificate-followed", null, c.name(), "the app signs with "
                        + current.thumbprint() + " (expires " + current.expiresAt() + ") instead of the recorded "
                        + recordedCert.thumbprint() + ": replaced in Entra by hand; the registry and its reminders follow");
            }
            return saml(recordedCert, live, clock);
        })));
        return ClientHealth.of(c.id(), c.name(), now, days, findings, true);
    }

    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, POOL);
    }

    /** A finding whose reads failed says so instead of failing the whole check. */
    private static Finding read(String name, Supplier<Finding> finding) {
        try {
            return finding.get();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return Finding.warn(name, "could not be checked: " + Failures.describe(cause), "", "");
        }
    }

    private static List<ProvisioningObjectSummary> logs(GraphServiceClient g, String jobId, Instant now) {
        String since = now.minus(LOG_WINDOW).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        var page = g.auditLogs().provisioning().get(rc -> {
            rc.queryParameters.filter = "jobId eq '" + jobId.replace("'", "''") + "' and activityDateTime gt " + since;
            rc.queryParameters.top = 1000;
        });
        return page == null || page.getValue() == null ? List.of() : page.getValue();
    }

    Finding job(Client c, SynchronizationJob job, Instant now) {
        String name = "Provisioning job";
        if (job == null) {
            return Finding.fail(name, "no provisioning job recorded for this client (NotConfigured)", Causes.DRIFT, Finding.REPAIR);
        }
        var status = job.getStatus();
        SynchronizationStatusCode code = status == null ? null : status.getCode();
        String schedule = job.getSchedule() == null || job.getSchedule().getState() == null ? ""
                : String.valueOf(job.getSchedule().getState());
        OffsetDateTime last = status == null || status.getLastExecution() == null ? null : status.getLastExecution().getTimeEnded();
        OffsetDateTime ok = status == null || status.getLastSuccessfulExecution() == null ? null
                : status.getLastSuccessfulExecution().getTimeEnded();
        StringBuilder d = new StringBuilder(String.valueOf(code));
        if ("Disabled".equalsIgnoreCase(schedule)) {
            d.append(", schedule disabled");
        }
        d.append("; last cycle ").append(time(last)).append(", last successful ").append(time(ok));
        if (code == SynchronizationStatusCode.Quarantine) {
            var q = status.getQuarantine();
            String reason = q == null || q.getReason() == null ? "unknown reason" : String.valueOf(q.getReason());
            String error = q == null || q.getError() == null || q.getError().getMessage() == null ? "" : ": " + q.getError().getMessage();
            d.append("; in quarantine (").append(reason).append(error).append("); next attempt ")
                    .append(time(q == null ? null : q.getNextAttempt()));
            return Finding.fail(name, d.toString(), Causes.STOPPED + " A quarantine after HTTP 401 means Entra holds a token "
                    + "NinjaOne no longer accepts: rotate it.", Finding.ROTATE);
        }
        if (code == null || code == SynchronizationStatusCode.NotConfigured || code == SynchronizationStatusCode.NotRun) {
            return Finding.fail(name, d.toString(), Causes.DRIFT, Finding.REPAIR);
        }
        if (code == SynchronizationStatusCode.Paused || "Disabled".equalsIgnoreCase(schedule) || "Paused".equalsIgnoreCase(schedule)) {
            return Finding.fail(name, d + "; provisioning is switched off", Causes.STOPPED, Finding.REPAIR);
        }
        d.append("; next cycle expected ").append(time(last == null ? null : last.plus(CYCLE)));
        if (last != null && last.toInstant().isBefore(now.minus(CYCLE.multipliedBy(3)))) {
            return Finding.warn(name, d + "; no cycle for " + Duration.between(last.toInstant(), now).toHours() + " h",
                    Causes.STOPPED, "");
        }
        return Finding.pass(name, d.toString());
    }

    /** Failures of the last 24 h grouped by reason, most frequent first, with up to three example users each. */
    static Finding errors(List<ProvisioningObjectSummary> logs) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (ProvisioningObjectSummary l : logs) {
            var info = l.getProvisioningStatusInfo();
            if (info == null || info.getStatus() != ProvisioningResult.Failure) {
                continue;
            }
            String reason = info.getErrorInformation() == null ? "unknown" : firstNonBlank(
                    info.getErrorInformation().getErrorCode(), "") + (info.getErrorInformation().getReason() == null ? ""
                    : ": " + info.getErrorInformation().getReason());
            byReason.computeIfAbsent(reason, k -> new ArrayList<>()).add(who(l));
        }
        String name = "Provisioning errors (24 h)";
        if (byReason.isEmpty()) {
            return Finding.pass(name, logs.size() + " log entries, no failures");
        }
        boolean unauthorized = byReason.keySet().stream().anyMatch(r -> r.matches("(?is).*(401|unauthori[sz]ed|invalid credentials).*"));
        String detail = byReason.entrySet().stream()
                .sorted((a, b) -> b.getValue().size() - a.getValue().size())
                .map(e -> e.getValue().size() + "× " + ClientHealth.shorten(e.getKey(), 160) + " (e.g. "
                        + e.getValue().stream().distinct().limit(3).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining("; "));
        int total = byReason.values().stream().mapToInt(List::size).sum();
        return Finding.fail(name, total + " failed: " + detail, unauthorized ? Causes.STOPPED : Causes.NOT_APPEARING,
                unauthorized ? Finding.ROTATE : "");
    }

    private static String who(ProvisioningObjectSummary l) {
        var src = l.getSourceIdentity();
        if (src == null) {
            return "?";
        }
        Object upn = src.getDetails() == null || src.getDetails().getAdditionalData() == null ? null
                : src.getDetails().getAdditionalData().get("UserPrincipalName");
        return upn != null ? upn.toString() : firstNonBlank(src.getDisplayName(), src.getId());
    }

    /** In scope (rule on licensed users) · group members · provisioned per logs · NinjaOne, and who is missing why. */
    static Finding counts(OnboardingParameters p, List<DirectoryUser> users, int members, List<ProvisioningObjectSummary> logs,
            List<NinjaEndUser> inOrg, boolean p1) {
        RuleEvaluator rule = new RuleEvaluator(p.mailExclusion(), p.upnExclusion());
        CompanyNames names = new CompanyNames(p.clientName(), p.extraCompanyNames());
        List<DirectoryUser> scope = users.stream().filter(u -> rule.evaluate(u).included()).toList();
        Set<String> ninjaMails = inOrg.stream().map(u -> lower(u.email())).collect(Collectors.toSet());
        Map<String, Boolean> lastOutcome = new HashMap<>(); // source user id → last log entry succeeded (logs are newest first)
        Map<String, String> failure = new HashMap<>();
        for (ProvisioningObjectSummary l : logs) {
            String id = l.getSourceIdentity() == null ? null : l.getSourceIdentity().getId();
            if (id == null || lastOutcome.containsKey(id) || l.getProvisioningStatusInfo() == null) {
                continue;
            }
            boolean ok = l.getProvisioningStatusInfo().getStatus() == ProvisioningResult.Success;
            lastOutcome.put(id, ok);
            if (!ok && l.getProvisioningStatusInfo().getErrorInformation() != null) {
                failure.put(id, firstNonBlank(l.getProvisioningStatusInfo().getErrorInformation().getErrorCode(), "failed"));
            }
        }
        long provisioned = lastOutcome.values().stream().filter(Boolean::booleanValue).count();
        List<DirectoryUser> missing = scope.stream().filter(u -> !ninjaMails.contains(lower(u.address()))
                && !ninjaMails.contains(lower(u.userPrincipalName()))).toList();
        String counts = scope.size() + " in scope · " + (members < 0 ? "?" : members) + " group members · "
                + (p1 ? provisioned : "?") + " provisioned (logs, 24 h) · " + inOrg.size() + " in NinjaOne org "
                + p.ninjaOrganizationId();
        if (missing.isEmpty()) {
            return Finding.pass("Users in NinjaOne", counts);
        }
        Map<String, List<String>> why = new LinkedHashMap<>();
        for (DirectoryUser u : missing) {
            CompanyNames.Match m = names.classify(u.companyName());
            String reason = m == CompanyNames.Match.EXACT ? (failure.containsKey(u.id()) ? "failed (" + failure.get(u.id()) + ")"
                    : "not provisioned yet") : "companyName mismatch";
            why.computeIfAbsent(reason, k -> new ArrayList<>()).add(u.address());
        }
        String gap = missing.size() + " licensed user" + (missing.size() == 1 ? "" : "s") + " in scope not in NinjaOne: "
                + why.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + ": "
                        + e.getValue().stream().limit(3).collect(Collectors.joining(", ")) + (e.getValue().size() > 3 ? ", …" : ""))
                        .collect(Collectors.joining("; "));
        return Finding.fail("Users in NinjaOne", counts + ". " + gap, Causes.NOT_APPEARING, "");
    }

    /** NinjaOne end users without an organization whose address is in this client's domain: the Switch missed them. */
    static Finding global(Client c, List<NinjaEndUser> global) {
        String domain = "@" + lower(c.emailDomain());
        List<String> ours = global.stream().map(NinjaEndUser::email).filter(e -> e != null && lower(e).endsWith(domain)).toList();
        if (ours.isEmpty()) {
            return Finding.pass("Global end users", "none from " + c.emailDomain());
        }
        return Finding.fail("Global end users", ours.size() + " end user" + (ours.size() == 1 ? "" : "s") + " of "
                + c.emailDomain() + " landed without an organization in NinjaOne: " + ours.stream().limit(3)
                        .collect(Collectors.joining(", ")) + (ours.size() > 3 ? ", …" : ""), Causes.GLOBAL, "");
    }

    /** companyName values of users in scope that are not exactly a Switch key. */
    static Finding coverage(OnboardingParameters p, List<DirectoryUser> users) {
        RuleEvaluator rule = new RuleEvaluator(p.mailExclusion(), p.upnExclusion());
        CompanyNames names = new CompanyNames(p.clientName(), p.extraCompanyNames());
        Map<String, Long> uncovered = users.stream().filter(u -> rule.evaluate(u).included())
                .filter(u -> names.classify(u.companyName()) != CompanyNames.Match.EXACT)
                .collect(Collectors.groupingBy(u -> u.companyName() == null || u.companyName().isBlank() ? "(empty)"
                        : "\"" + u.companyName() + "\"", LinkedHashMap::new, Collectors.counting()));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(p.clientName());
        keys.addAll(p.extraCompanyNames());
        if (uncovered.isEmpty()) {
            return Finding.pass("companyName coverage", "every user in scope has a Switch key: " + String.join(", ", keys));
        }
        long n = uncovered.values().stream().mapToLong(Long::longValue).sum();
        String where = p.fallback().isBlank() ? "they are skipped (no fallback)" : "they become global end users (fallback "
                + p.fallback() + ")";
        return Finding.warn("companyName coverage", n + " user" + (n == 1 ? "" : "s") + " in scope with companyName the "
                + "Switch does not cover: " + uncovered.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", ")) + "; " + where + ". Switch keys: " + String.join(", ", keys),
                Causes.NOT_APPEARING + " " + Causes.GLOBAL, "");
    }

    /** The onboarding steps' own read-only plans against what was approved: anything not "in place" has drifted. */
    List<Finding> drift(OnboardingParameters p) {
        Runbook<OnboardingParameters> runbook = onboarding.getObject();
        RunContext<OnboardingParameters> context = new RunContext<>("health-check", p, new HashMap<>());
        List<Finding> out = new ArrayList<>();
        for (RunStep<OnboardingParameters> step : runbook.steps()) {
            if (!DRIFT_STEPS.contains(step.id())) {
                continue;
            }
            StepPlan plan = step.plan(context);
            context.facts().putAll(plan.found());
            if (plan instanceof StepPlan.InPlace) {
                continue;
            }
            String details = plan.details() == null ? "" : " — " + plan.details().replace("\n", "; ");
            out.add(Finding.fail("Drift: " + step.title(), plan.summary() + ClientHealth.shorten(details, 600), Causes.DRIFT,
                    plan instanceof StepPlan.Blocked ? "" : Finding.REPAIR));
        }
        return out;
    }

    Finding secret(OnboardingParameters p) {
        if (p.scimToken() == null) {
            return Finding.fail("Token secret", "no SCIM token recorded for this client", Causes.STOPPED, Finding.ROTATE);
        }
        boolean present;
        try {
            present = vault.get(p.scimToken()).isPresent();
        } catch (RuntimeException e) {
            return Finding.warn("Token secret", "the vault could not be read: " + Failures.describe(e), "", "");
        }
        return present ? Finding.pass("Token secret", "in the vault (" + p.scimToken().name() + ")")
                : Finding.fail("Token secret", "not in the vault (" + p.scimToken().name() + "); a repair or rotation needs a "
                        + "new token from NinjaOne", Causes.STOPPED, Finding.ROTATE);
    }

    static final String SAML_CERT = "SAML signing certificate";

    /**
     * The SAML token-signing certificate: recorded at onboarding, compared with the app's preferred signing key when
     * the tenant could be read ({@code live}: null = not read, empty = the app has no preferred key any more).
     * Warning from {@link #SAML_WARN_DAYS} days left, red once expired (NinjaOne's sign-in then fails).
     */
    static Finding saml(SamlCertificate recorded, Optional<SamlCertificate> live, Clock clock) {
        if (live != null && live.isEmpty()) {
            return Finding.warn(SAML_CERT, "the app has no preferred token-signing certificate any more (recorded: "
                    + recorded.describe(clock) + "); someone changed single sign-on in Entra", Causes.SAML_CERT, "");
        }
        SamlCertificate cert = live != null && live.isPresent() ? live.get() : recorded;
        boolean replaced = !cert.thumbprint().equalsIgnoreCase(recorded.thumbprint());
        String prefix = replaced ? "replaced by hand in Entra (recorded " + recorded.shortThumbprint() + ", the app now signs "
                + "with " + cert.shortThumbprint() + "; the registry follows the new one); " : "";
        int days = cert.daysLeft(clock);
        String thumb = " (thumbprint " + cert.shortThumbprint() + ")";
        if (days < 0) {
            return Finding.fail(SAML_CERT, prefix + "expired on " + cert.expiresOn() + " (" + -days + (days == -1 ? " day" : " days")
                    + " ago)" + thumb + ": sign-in to NinjaOne through Entra fails", Causes.SAML_CERT, "");
        }
        if (days <= SAML_WARN_DAYS) {
            return Finding.warn(SAML_CERT, prefix + days + (days == 1 ? " day" : " days") + " left (expires " + cert.expiresOn() + ")"
                    + thumb + "; sign-in to NinjaOne stops when it does", Causes.SAML_CERT, "");
        }
        return Finding.pass(SAML_CERT, prefix + days + " days left (expires " + cert.expiresOn() + ")" + thumb);
    }

    /** The signing certificate gets a longer warning than the token: replacing it needs Entra and NinjaOne both. */
    static final int SAML_WARN_DAYS = 60;

    static Finding token(Client c, int days) {
        if (c.tokenExpiresOn() == null) {
            return Finding.warn("SCIM token", "expiry unknown", Causes.STOPPED, Finding.ROTATE);
        }
        if (days < 0) {
            return Finding.fail("SCIM token", "expired on " + c.tokenExpiresOn() + " (" + -days + " days ago)", Causes.STOPPED,
                    Finding.ROTATE);
        }
        if (days <= 14) {
            return Finding.warn("SCIM token", days + " days left (expires " + c.tokenExpiresOn() + "); provisioning stops "
                    + "silently when it does", Causes.STOPPED, Finding.ROTATE);
        }
        return Finding.pass("SCIM token", days + " days left (expires " + c.tokenExpiresOn() + ")");
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "never" : TIME.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
