package dev.scimpilot.access;

import dev.scimpilot.chat.ChatUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what, decided on the Entra object id of the person who sent the activity, either listed itself or
 * through a listed Entra group (read in the MSP's tenant, see GroupMembership). Empty lists mean nobody: the bot
 * fails closed, and so does a group lookup that Graph cannot answer.
 */
@Component
public class AccessPolicy {

    private final AccessProperties properties;
    private final GroupMembership groups;

    public AccessPolicy(AccessProperties properties, GroupMembership groups) {
        this.properties = properties;
        this.groups = groups;
    }

    /** Listed by user id, or a member of a listed group; false (fail closed) when Graph cannot tell right now. */
    public boolean isTechnician(ChatUser user) {
        return listedOrFalse(user, properties.technicians());
    }

    public boolean isApprover(ChatUser user) {
        return listedOrFalse(user, properties.approvers());
    }

    /** Why {@code user} may use SCIM Pilot at all (technician or approver), or empty when they may. */
    public Optional<String> whyNotAllowed(ChatUser user) {
        try {
            if (listed(user, properties.technicians()) || listed(user, properties.approvers())) {
                return Optional.empty();
            }
        } catch (GroupMembership.MembershipUnavailable e) {
            return GroupMembership.unavailableMessage();
        }
        return Optional.of("Only SCIM Pilot technicians and approvers may do that. Ask an administrator to add your "
                + "Entra object id (" + id(user) + "), or a group you are in, to scimpilot.access.technicians or approvers.");
    }

    private boolean listedOrFalse(ChatUser user, java.util.List<String> ids) {
        try {
            return listed(user, ids);
        } catch (GroupMembership.MembershipUnavailable e) {
            return false;
        }
    }

    private boolean listed(ChatUser user, java.util.List<String> ids) {
        if (user == null || user.aadObjectId() == null || ids.isEmpty()) {
            return false;
        }
        String id = user.aadObjectId().toLowerCase(java.util.Locale.ROOT);
        if (ids.contains(id)) {
            return true;
        }
        // one lookup covers both lists, so a technician who is also an approver costs one Graph call per cache period
        java.util.Set<String> memberOf = groups.groupsOf(id, allListedIds());
        return ids.stream().anyMatch(memberOf::contains);
    }

    private java.util.List<String> allListedIds() {
        java.util.List<String> all = new java.util.ArrayList<>(properties.technicians());
        properties.approvers().stream().filter(a -> !all.contains(a)).forEach(all::add);
        return all;
    }

    public boolean fourEyes() {
        return properties.fourEyes();
    }

    /** Why {@code user} may not start a change, or empty when they may. */
    public Optional<String> whyNotTechnician(ChatUser user) {
        boolean technician;
        try {
            technician = listed(user, properties.technicians());
        } catch (GroupMembership.MembershipUnavailable e) {
            return GroupMembership.unavailableMessage();
        }
        return technician ? Optional.empty() : Optional.of("Only SCIM Pilot technicians may start changes. "
                + "Ask an administrator to add your Entra object id (" + id(user) + ") to scimpilot.access.technicians.");
    }

    /** Why {@code user} may not approve a run requested by {@code requesterId}, or empty when they may. */
    public Optional<String> whyNotApprover(ChatUser user, String requesterId) {
        boolean approver;
        try {
            approver = listed(user, properties.approvers());
        } catch (GroupMembership.MembershipUnavailable e) {
            return GroupMembership.unavailableMessage();
        }
        if (!approver) {
            return Optional.of("Only approvers may approve or reject. Your Entra object id (" + id(user)
                    + ") is not in scimpilot.access.approvers.");
        }
        if (fourEyes() && user.aadObjectId().equalsIgnoreCase(requesterId)) {
            return Optional.of("You asked for this change, so someone else has to approve it (four-eyes rule).");
        }
        return Optional.empty();
    }

    /** The approvers as people (groups expanded via Graph): for card refresh lists and @mentions. */
    public java.util.List<String> approverIds() {
        return groups.users(properties.approvers());
    }

    private static String id(ChatUser user) {
        return user == null || user.aadObjectId() == null ? "unknown" : user.aadObjectId();
    }
}
