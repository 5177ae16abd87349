package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connector calls send the same JSON as the SDK's own serialiser, and read its answers alike. */
class ConnectorJsonTests {

    private static final ObjectMapper TREES = new ObjectMapper();
    private final JacksonAdapter sdk = new JacksonAdapter();

    @Test
    void aCardReplyWithMentionAndChannelDataIsWrittenAsTheSdkWritesIt() throws Exception {
        Activity reply = Activity.createMessageActivity();
        reply.setText("<at>Bruno Approver</at>, Brennwald's token expires in 3 days.");
        reply.setTextFormat(com.microsoft.bot.schema.TextFormatTypes.MARKDOWN);
        reply.setReplyToId("1795860721834");
        reply.setTimestamp(OffsetDateTime.of(2026, 11, 28, 16, 40, 0, 0, ZoneOffset.UTC));
        reply.setFrom(new ChannelAccount("28:5c3a9e71-8d2f-4b6a-a1c4-7e9d0f2b8a63", "SCIM Pilot"));
        reply.setRecipient(new ChannelAccount("29:1bruno", "Bruno Approver"));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("19:ops@thread.tacv2;messageid=1795860721834");
        conversation.setConversationType("channel");
        conversation.setTenantId("8f2c1e44-5b7d-4a39-9c0e-2d6f7a1b3c55");
        reply.setConversation(conversation);
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount("29:1bruno", "Bruno Approver"));
        mention.setText("<at>Bruno Approver</at>");
        reply.setMentions(List.of(mention));
        reply.setChannelData(TREES.readTree("{\"notification\":{\"alert\":true},\"tenant\":{\"id\":\"t\"}}"));
        Attachment raw = new Attachment();
        raw.setContentType("application/vnd.microsoft.card.adaptive");
        raw.setContent(new RawValue("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\","
                + "\"text\":\"a.b \\\\. c\",\"wrap\":true}],\"refresh\":{\"userIds\":[\"29:1bruno\"]}}"));
        Attachment tree = new Attachment();
        tree.setContentType("application/vnd.microsoft.card.adaptive");
        tree.setContent(TREES.readTree("{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[],\"msteams\":{\"width\":\"Full\"}}"));
        reply.setAttachments(List.of(raw, tree));

        JsonNode ours = TREES.readTree(ConnectorJson.ADAPTER.serialize(reply));
        assertThat(ours).isEqualTo(TREES.readTree(sdk.serialize(reply)));
        assertThat(ours.at("/attachments/0/content/body/0/text").asText()).isEqualTo("a.b \\. c");
        assertThat(ours.at("/entities/0/type").asText()).isEqualTo("mention");
    }

    @Test
    void typingAndConversationParametersAreWrittenAsTheSdkWritesThem() throws Exception {
        Activity typing = new Activity(ActivityTypes.TYPING);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setTenantId("8f2c1e44-5b7d-4a39-9c0e-2d6f7a1b3c55");
        parameters.setMembers(List.of(new ChannelAccount("29:1anna", "Anna Technician")));
        parameters.setActivity(typing);

        for (Object value : List.<Object>of(typing, parameters)) {
            assertThat(TREES.readTree(ConnectorJson.ADAPTER.serialize(value))).isEqualTo(TREES.readTree(sdk.serialize(value)));
        }
    }

    @Test
    void connectorAnswersAreReadAsTheSdkReadsThem() throws Exception {
        String created = "{\"id\":\"a:1new-conversation\",\"activityId\":\"1795860721999\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\",\"unknown\":1}";
        ConversationResourceResponse ours = ConnectorJson.ADAPTER.deserialize(created, ConversationResourceResponse.class);
        ConversationResourceResponse theirs = sdk.deserialize(created, ConversationResourceResponse.class);

        assertThat(ours.getId()).isEqualTo(theirs.getId()).isEqualTo("a:1new-conversation");
        assertThat(ours.getActivityId()).isEqualTo(theirs.getActivityId());
        assertThat(ours.getServiceUrl()).isEqualTo(theirs.getServiceUrl());
        ResourceResponse sent = ConnectorJson.ADAPTER.deserialize("{\"id\":\"act-1\"}", ResourceResponse.class);
        assertThat(sent.getId()).isEqualTo("act-1");
    }
}
