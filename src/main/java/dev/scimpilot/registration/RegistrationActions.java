package dev.scimpilot.registration;

import dev.scimpilot.access.AccessPolicy;
import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.cards.NoticeCard;
import dev.scimpilot.cards.PreflightReportCard.Check;
import dev.scimpilot.cards.RegisterReportCard;
import dev.scimpilot.chat.CardAction;
import dev.scimpilot.chat.CardActionRequest;
import dev.scimpilot.chat.CardReply;
import dev.scimpilot.chat.PendingInteractions;
import dev.scimpilot.chat.StateStore;
import dev.scimpilot.clients.Client;
import dev.scimpilot.clients.ClientRegistry;
import dev.scimpilot.consent.AdminConsent;
import dev.scimpilot.entra.GraphClients;
import dev.scimpilot.entra.TenantResolutionException;
import dev.scimpilot.entra.TenantResolver;
import dev.scimpilot.ninjaone.NinjaOne;
import dev.scimpilot.ninjaone.NinjaOrganization;
import dev.scimpilot.onboarding.steps.ExistingSetup;
import dev.scimpilot.runs.Failures;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The register cards' buttons: {@code register.submit} checks the form (no duplicate name or domain, tenant from the
 * domain, NinjaOne organization exists), looks in the tenant read-only and shows what it found against the runbook;
 * {@code register.confirm} records the client (SCIM Pilot's registry, not the tenant: no approval run) and audits it;
 * {@code register.cancel} closes the form.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationActions {

    /** NinjaOne SCIM tokens expire six months after they are generated (runbook step 4). */
    static final int TOKEN_LIFETIME_MONTHS = 6;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    record FormRef(@NotBlank @Size(max = 60) String draftId) {}

    @Bean
    CardAction<RegisterFormSubmission> registerSubmit(AccessPolicy access, PendingInteractions pending, RegisterForms forms,
            ClientRegistry registry, TenantResolver tenants, NinjaOne ninjaOne, GraphClients graph, AdminConsent consent,
            StateStore state, Clock clock) {
        return new CardAction<>() {
            public String verb() {
                return "register.submit";
            }

            public Class<RegisterFormSubmission> dataType() {
                return RegisterFormSubmission.class;
            }

            public CardReply handle(CardActionRequest<RegisterFormSubmission> request) {
                RegisterFormSubmission form = request.data();
                String conversation = request.conversation().conversationId();
                if (!pending.isOpen(conversation, form.draftId())) {
                    return closed();
                }
                var refusal = access.whyNotTechnician(request.user());
                if (refusal.isPresent()) {
                    return again(form, refusal.get());
                }
                String name = form.clientName().strip();
                String domain = form.emailDomain().strip().toLowerCase(Locale.ROOT);
                Optional<Client> sameName = registry.byName(name);
                if (sameName.isPresent()) {
                    return again(form, "The registry already has " + sameName.get().name() + ". `client " + sameName.get().name()
                            + "` shows it; an approver can `forget client` it first if it is wrong.");
                }
                Optional<Client> sameDomain = registry.byDomain(domain);
                if (sameDomain.isPresent()) {
                    return again(form, domain + " is already registered, as " + sameDomain.get().name() + ". One registry "
                            + "entry per email domain.");
                }
                LocalDate issuedOn = null;
                if (form.tokenIssuedOn() != null && !form.tokenIssuedOn().isBlank()) {
                    try {
                        issuedOn = LocalDate.parse(form.tokenIssuedOn());
                    } catch (java.time.format.DateTimeParseException e) {
                        return again(form, "The token date is not a date; use yyyy-mm-dd or leave it empty.");
                    }
                    if (issuedOn.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
                        return again(form, "The token date is in the future; enter the day NinjaOne generated it, or leave it empty.");
                    }
                }
                String tenantId;
                try {
                    tenantId = tenants.tenantIdOf(domain);
                } catch (TenantResolutionException e) {
                    return again(form, e.getMessage());
                }
                NinjaOrganization org;
                try {
                    org = ninjaOne.organization(Long.parseLong(form.ninjaOrgId())).orElse(null);
                } catch (RuntimeException e) {
                    return again(form, "I could not read NinjaOne organization " + form.ninjaOrgId() + " (" + e.getMessage() + ").");
                }
                if (org == null) {
                    return again(form, "NinjaOne has no organization " + form.ninjaOrgId() + ". Choose one from the list.");
                }
                ExistingSetup.Found found;
                try {
                    found = ExistingSetup.discover(graph.forTenant(tenantId), org.id());
                } catch (RuntimeException e) {
                    return again(form, "I could not look in tenant " + tenantId + ": " + Failures.describe(e) + ". "
                            + consent.hintFor(e, tenantId).orElse("Check the tenant's admin consent (`consent link`)."));
                }
                Instant issued = issuedOn == null ? null : issuedOn.atStartOfDay().toInstant(ZoneOffset.UTC);
                // unknown = expiring now: the reminders start at once and ask for a rotation
                Instant expires = issued == null ? clock.instant()
                        : issued.atOffset(ZoneOffset.UTC).plusMonths(TOKEN_LIFETIME_MONTHS).toInstant();
                SwitchKeys.Parsed keys = SwitchKeys.parse(found.organizationExpression(), name, org.id());
                RegistrationDraft draft = new RegistrationDraft(form.draftId(), name, domain, tenantId, org.id(), org.name(),
                        keys == null ? List.of() : keys.extraKeys(), keys == null ? "All" : keys.fallback(), found.appName(),
                        found.appObjectId(), found.appId(), found.servicePrincipalId(), found.jobId(), found.groupId(),
                        found.groupName(), issued, expires);
                state.save(key(form.draftId()), draft);
                pending.start(conversation, confirmId(form.draftId()), "registering " + name);
                return CardReply.replaceWith("register-report", report(draft, found.checks(), issuedOn));
            }

            private CardReply again(RegisterFormSubmission form, String problem) {
                return CardReply.replaceWith("register-form", forms.again(form, problem));
            }
        };
    }

    @Bean
    CardAction<FormRef> registerConfirm(AccessPolicy access, PendingInteractions pending, ClientRegistry registry,
            StateStore state, AuditLog audit, Clock clock) {
        return new CardAction<>() {
            public String verb() {
                return "register.confirm";
            }

            public Class<FormRef> dataType() {
                return FormRef.class;
            }

            public CardReply handle(CardActionRequest<FormRef> request) {
                String conversation = request.conversation().conversationId();
                String draftId = request.data().draftId();
                Optional<RegistrationDraft> found = state.find(key(draftId), RegistrationDraft.class);
                if (!pending.isOpen(conversation, confirmId(draftId)) || found.isEmpty()) {
                    return closed();
                }
                var refusal = access.whyNotTechnician(request.user());
                if (refusal.isPresent()) {
                    return CardReply.message(dev.scimpilot.chat.Reply.text(refusal.get()));
                }
                RegistrationDraft d = found.get();
                // checked again: someone may have onboarded or registered the same client meanwhile
                if (registry.byName(d.clientName()).isPresent() || registry.byDomain(d.emailDomain()).isPresent()) {
                    pending.clearIf(conversation, confirmId(draftId));
                    state.delete(key(draftId));
                    return CardReply.replaceWith("notice", NoticeCard.of("Not registered",
                            d.clientName() + " (or " + d.emailDomain() + ") was added to the registry meanwhile. Nothing was changed.",
                            "`client " + d.clientName() + "` shows the entry."));
                }
                if (!pending.claim(conversation, confirmId(draftId))) {
                    return closed(); // a second click raced past the check above
                }
                Instant now = clock.instant();
                String id = UUID.randomUUID().toString();
                String by = request.user().displayName();
                registry.save(new Client(id, d.clientName(), d.ninjaOrgId(), d.ninjaOrgName(), d.emailDomain(), d.tenantId(),
                        d.extraCompanyNames(), d.fallback(), d.groupName(), d.groupId(), d.appName(), d.appObjectId(), d.appId(),
                        d.servicePrincipalId(), d.jobId(), null, null, null, d.tokenIssuedAt(), d.tokenExpiresAt(), conversation,
                        by + " (registered)", now, null, now));
                audit.record(request.user().aadObjectId(), by, "client.registered", null, d.clientName(),
                        "registered a client onboarded by hand: tenant " + d.tenantId() + ", NinjaOne org " + d.ninjaOrgId()
                                + ", app " + d.appName() + ", job " + d.jobId() + ", group " + d.groupName()
                                + ", token " + (d.tokenIssuedAt() == null ? "generated on an unknown day (treated as expiring now)"
                                        : "expires " + d.tokenExpiresAt().atOffset(ZoneOffset.UTC).toLocalDate()));
                state.delete(key(draftId));
                boolean soon = !d.tokenExpiresAt().isAfter(now.plus(java.time.Duration.ofDays(30)));
                return CardReply.replaceWith("notice", new NoticeCard(d.clientName() + " is registered",
                        by + " registered " + d.clientName() + ". The tenant was not changed.",
                        List.of(new NoticeCard.Fact("Entra tenant ID", d.tenantId()),
                                new NoticeCard.Fact("NinjaOne organization", d.ninjaOrgName() + " (" + d.ninjaOrgId() + ")"),
                                new NoticeCard.Fact("SCIM token expiry", DAY.format(d.tokenExpiresAt().atOffset(ZoneOffset.UTC)))),
                        soon ? "The token expires soon or its age is unknown: `rotate token " + d.clientName() + "` now."
                                : "`client " + d.clientName() + "` shows the entry."));
            }
        };
    }

    @Bean
    CardAction<FormRef> registerCancel(PendingInteractions pending, StateStore state) {
        return new CardAction<>() {
            public String verb() {
                return "register.cancel";
            }

            public Class<FormRef> dataType() {
                return FormRef.class;
            }

            public CardReply handle(CardActionRequest<FormRef> request) {
                String conversation = request.conversation().conversationId();
                pending.clearIf(conversation, request.data().draftId());
                pending.clearIf(conversation, confirmId(request.data().draftId()));
                state.delete(key(request.data().draftId()));
                return CardReply.replaceWith("notice", NoticeCard.of("Registration cancelled", "Nothing was recorded.",
                        "Start again with `register client ‹name›`."));
            }
        };
    }

    static RegisterReportCard report(RegistrationDraft d, List<Check> checks, LocalDate issuedOn) {
        List<Check> all = new ArrayList<>(checks);
        all.add(new Check("SCIM token", issuedOn == null ? "warn" : "pass", issuedOn == null
                ? "generated on an unknown day: recorded as expiring now, so reminders ask for a rotation at once"
                : "generated " + DAY.format(issuedOn) + ", expires " + DAY.format(issuedOn.plusMonths(TOKEN_LIFETIME_MONTHS))));
        List<RegisterReportCard.Fact> facts = new ArrayList<>(List.of(
                new RegisterReportCard.Fact("Email domain", d.emailDomain()),
                new RegisterReportCard.Fact("Entra tenant ID", d.tenantId()),
                new RegisterReportCard.Fact("NinjaOne organization", d.ninjaOrgName() + " (" + d.ninjaOrgId() + ")")));
        if (!d.extraCompanyNames().isEmpty()) {
            facts.add(new RegisterReportCard.Fact("Extra Switch keys", String.join(", ", d.extraCompanyNames())));
        }
        int passed = (int) all.stream().filter(c -> "pass".equals(c.status())).count();
        int warnings = (int) all.stream().filter(c -> "warn".equals(c.status())).count();
        return new RegisterReportCard(d.draftId(), d.clientName(), passed, warnings, all.size() - passed - warnings, facts, all);
    }

    private static CardReply closed() {
        return CardReply.replaceWith("notice", NoticeCard.of("This form is closed",
                "It was cancelled, already used, or replaced by a newer form. Nothing was recorded.",
                "Start again with `register client ‹name›`."));
    }

    private static String key(String draftId) {
        return "registration/" + draftId;
    }

    private static String confirmId(String draftId) {
        return draftId + "/confirm";
    }
}
