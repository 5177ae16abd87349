package dev.scimpilot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import dev.scimpilot.cards.CardTemplates;
import dev.scimpilot.cards.ClientListCard;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the Bot Connector receives for a card: exactly the rendered card, however the activity carries it inside. */
class ReplySenderTests {

    private final CardTemplates cards = new CardTemplates();
    private final ReplySender sender = new ReplySender(cards, null);

    @Test
    void aCardReachesTheConnectorAsTheRenderedJson() throws Exception {
        ClientListCard page = ClientListCard.page(IntStream.rangeClosed(1, 25)
                .mapToObj(i -> new ClientListCard.Row("id-" + i, "Client " + i + " AG", Integer.toString(1000 + i),
                        "client" + i + ".example", LocalDate.of(2027, 1, 1).plusDays(i), 30 + i, "healthy", "Good"))
                .toList(), 1);

        // serialised the way the SDK's connector client writes the request body
        String wire = new JacksonAdapter().serializer().writeValueAsString(sender.cardActivity("client-list", page));
        JsonNode sent = new ObjectMapper().readTree(wire);

        assertThat(sent.path("type").asText()).isEqualTo("message");
        assertThat(sent.path("attachments")).hasSize(1);
        assertThat(sent.at("/attachments/0/contentType").asText()).isEqualTo(ReplySender.ADAPTIVE_CARD);
        assertThat(sent.at("/attachments/0/content")).isEqualTo(cards.render("client-list", page));
        assertThat(sent.at("/attachments/0/content").findValuesAsText("text")).contains("Client 1 AG", "Client 20 AG");
    }

    @Test
    void keysWithDotsInACardStayAsTheyAre() throws Exception {
        String wire = new JacksonAdapter().serializer().writeValueAsString(
                sender.cardActivity("client-list", ClientListCard.page(List.of(new ClientListCard.Row("id-1", "a.b AG",
                        "1", "a.b.example", LocalDate.of(2027, 1, 1), 3, "not checked", "Default")), 1)));

        assertThat(new ObjectMapper().readTree(wire).at("/attachments/0/content").findValuesAsText("text")).contains("a.b AG");
    }
}
