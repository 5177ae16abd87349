package dev.scimpilot.chat;

/**
 * Who sent an activity. {@code aadObjectId} is the Entra object id that access rules match on;
 * the display name is for messages only and never used for decisions.
 */
public record ChatUser(String channelUserId, String aadObjectId, String name) {

    public String displayName() {
        return name == null || name.isBlank() ? "someone" : name;
    }
}
