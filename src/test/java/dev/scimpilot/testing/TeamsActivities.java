package dev.scimpilot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Builds activities shaped like the ones Teams sends (personal chat, channel mention, invoke). */
public final class TeamsActivities {

    public static final String TENANT = "8f2c1e44-5b7d-4a39-9c0e-2d6f7a1b3c55";
    public static final String BOT_ID = "28:5c3a9e71-8d2f-4b6a-a1c4-7e9d0f2b8a63";
    public static final String CONVERSATION = "a:1personal-chat-anna";
    public static final String TECHNICIAN_AAD = "a1b2c3d4-0000-4000-8000-000000000001";
    public static final String APPROVER_AAD = "b2c3d4e5-0000-4000-8000-000000000002";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String serviceUrl;

    public TeamsActivities(String serviceUrl) {
        this.serviceUrl = serviceUrl;
    }

    public ObjectNode message(String text) {
        ObjectNode a = base("message");
        a.put("text", text);
        a.put("textFormat", "plain");
        return a;
    }

    public ObjectNode channelMention(String text) {
        ObjectNode a = message("<at>SCIM Pilot</at> " + text);
        ObjectNode conv = a.putObject("conversation");
        conv.put("isGroup", true);
        conv.put("conversationType", "channel");
        conv.put("tenantId", TENANT);
        conv.put("id", "19:ops@thread.tacv2;messageid=1795860721834");
        ObjectNode cd = a.putObject("channelData");
        cd.putObject("tenant").put("id", TENANT);
        cd.putObject("team").put("id", "19:team-general@thread.tacv2");
        cd.putObject("channel").put("id", "19:ops@thread.tacv2");
        ObjectNode mention = a.putArray("entities").addObject();
        mention.put("type", "mention");
        mention.put("text", "<at>SCIM Pilot</at>");
        mention.putObject("mentioned").put("id", BOT_ID).put("name", "SCIM Pilot");
        return a;
    }

    public ObjectNode execute(String verb, ObjectNode data, String replyToId) {
        ObjectNode a = base("invoke");
        a.put("name", "adaptiveCard/action");
        a.put("replyToId", replyToId);
        ObjectNode action = a.putObject("value").putObject("action");
        action.put("type", "Action.Execute");
        action.put("verb", verb);
        action.set("data", data == null ? JSON.createObjectNode() : data);
        a.with("value").put("trigger", "manual");
        return a;
    }

    public ObjectNode submit(ObjectNode value, String replyToId) {
        ObjectNode a = base("message");
        a.put("replyToId", replyToId);
        a.set("value", value);
        return a;
    }

    public ObjectNode installationAdd() {
        ObjectNode a = base("installationUpdate");
        a.put("action", "add");
        return a;
    }

    public ObjectNode data() {
        return JSON.createObjectNode();
    }

    private ObjectNode base(String type) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", type);
        a.put("id", UUID.randomUUID().toString());
        a.put("timestamp", Instant.now().toString());
        a.put("channelId", "msteams");
        a.put("serviceUrl", serviceUrl);
        a.put("locale", "en-US");
        ObjectNode from = a.putObject("from");
        from.put("id", "29:1anna-technician");
        from.put("name", "Anna Technician");
        from.put("aadObjectId", TECHNICIAN_AAD);
        ObjectNode conv = a.putObject("conversation");
        conv.put("conversationType", "personal");
        conv.put("tenantId", TENANT);
        conv.put("id", CONVERSATION);
        a.putObject("recipient").put("id", BOT_ID).put("name", "SCIM Pilot");
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        return a;
    }
}
