package dev.scimpilot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scimpilot.audit.AuditLog;
import dev.scimpilot.chat.ChatUser;
import dev.scimpilot.chat.ConversationKey;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Checked before any command or card action is dispatched: the Teams tenant must be allowed, the person
 * must be a technician or approver (help and cancel excepted: they change and show nothing), and nobody
 * may flood the bot. With no technicians and approvers configured, nobody passes: the bot fails closed.
 * Every refusal is audited.
 */
@Component
public class AccessGate implements dev.scimpilot.chat.DispatchGuard {

    /** Commands anyone in an allowed tenant may use. */
    private static final Set<String> OPEN = Set.of("help", "cancel");

    private final AccessProperties properties;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Cache<String, AtomicInteger> perMinute = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();

    public AccessGate(AccessProperties properties, AccessPolicy policy, AuditLog audit) {
        this.properties = properties;
        this.policy = policy;
        this.audit = audit;
    }

    /** Why {@code user} may not run {@code command} here, or empty when they may. */
    @Override
    public Optional<String> refuseCommand(ChatUser user, ConversationKey conversation, String command) {
        return refuse(user, conversation, "command " + command, OPEN.contains(command));
    }

    /** Why {@code user} may not press a button with {@code verb} here, or empty when they may. */
    @Override
    public Optional<String> refuseCardAction(ChatUser user, ConversationKey conversation, String verb) {
        return refuse(user, conversation, "card action " + verb, false);
    }

    private Optional<String> refuse(ChatUser user, ConversationKey conversation, String what, boolean open) {
        String tenant = conversation.tenantId() == null ? "" : conversation.tenantId().toLowerCase(Locale.ROOT);
        String why = null;
        if (!properties.allowedTenants().isEmpty() && !properties.allowedTenants().contains(tenant)) {
            why = "Sorry, SCIM Pilot only works in its MSP's own Microsoft 365 tenant.";
        } else if (!open && properties.technicians().isEmpty() && properties.approvers().isEmpty()) {
            why = "SCIM Pilot is not set up yet: nobody may use it until an administrator configures "
                    + "scimpilot.access.technicians and scimpilot.access.approvers (Entra object ids).";
        } else if (!open && !allowedTeam(conversation)) {
            why = "SCIM Pilot does not work in this team. Use it in the MSP's SCIM Pilot channel or in a chat with the bot.";
        } else if (!open) {
            why = policy.whyNotAllowed(user).orElse(null);
        }
        if (why == null && overLimit(user)) {
            why = "That is more than " + properties.commandsPerMinute() + " requests in a minute; please wait a moment.";
        }
        if (why != null) {
            audit.record(user.aadObjectId(), user.displayName(), "access.refused", null, null,
                    what + " in tenant " + tenant + ": " + why);
        }
        return Optional.ofNullable(why);
    }

    /** With allowed teams configured, channel conversations must be in one of them; chats are unaffected. */
    private boolean allowedTeam(ConversationKey conversation) {
        if (properties.allowedTeams().isEmpty() || !"channel".equals(conversation.conversationType())) {
            return true;
        }
        return conversation.teamId() != null && properties.allowedTeams().contains(conversation.teamId());
    }

    private boolean overLimit(ChatUser user) {
        String key = user.aadObjectId() != null ? user.aadObjectId() : String.valueOf(user.channelUserId());
        return perMinute.get(key, k -> new AtomicInteger()).incrementAndGet() > properties.commandsPerMinute();
    }
}
