package dev.scimpilot.access;

import dev.scimpilot.chat.ChatUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what, decided on the Entra object id of the person who sent the activity. Empty lists
 * mean nobody: the bot fails closed.
 */
@Component
public class AccessPolicy {

    private final AccessProperties properties;

    public AccessPolicy(AccessProperties properties) {
        this.properties = properties;
    }

    public boolean isTechnician(ChatUser user) {
        return user != null && user.aadObjectId() != null && properties.technicians().contains(user.aadObjectId().toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isApprover(ChatUser user) {
        return user != null && user.aadObjectId() != null && properties.approvers().contains(user.aadObjectId().toLowerCase(java.util.Locale.ROOT));
    }

    public boolean fourEyes() {
        return properties.fourEyes();
    }

    /** Why {@code user} may not start a change, or empty when they may. */
    public Optional<String> whyNotTechnician(ChatUser user) {
        return isTechnician(user) ? Optional.empty() : Optional.of("Only SCIM Pilot technicians may start changes. "
                + "Ask an administrator to add your Entra object id (" + id(user) + ") to scimpilot.access.technicians.");
    }

    /** Why {@code user} may not approve a run requested by {@code requesterId}, or empty when they may. */
    public Optional<String> whyNotApprover(ChatUser user, String requesterId) {
        if (!isApprover(user)) {
            return Optional.of("Only approvers may approve or reject. Your Entra object id (" + id(user)
                    + ") is not in scimpilot.access.approvers.");
        }
        if (fourEyes() && user.aadObjectId().equalsIgnoreCase(requesterId)) {
            return Optional.of("You asked for this change, so someone else has to approve it (four-eyes rule).");
        }
        return Optional.empty();
    }

    public java.util.List<String> approverIds() {
        return properties.approvers();
    }

    private static String id(ChatUser user) {
        return user == null || user.aadObjectId() == null ? "unknown" : user.aadObjectId();
    }
}
