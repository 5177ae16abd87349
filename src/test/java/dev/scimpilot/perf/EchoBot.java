package dev.scimpilot.perf;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The floor of the load benchmark: a bare Bot SDK handler that echoes a message (one reply to the connector, like
 * a command's answer) and answers an invoke with a small message (like a button that replies inline). It runs
 * behind SCIM Pilot's own adapter, JWT validation and controller, so the difference is SCIM Pilot's own work.
 */
final class EchoBot extends ActivityHandler {

    /**
     * Added as a source of the benchmark's echo application only. Deliberately not a {@code @Configuration}, so
     * component scanning (tests, local mode) never finds it; production code has no switch that selects it.
     */
    static final class Replacement {
        @Bean
        @Primary
        Bot echoBot() {
            return new EchoBot();
        }
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        return turn.sendActivity(MessageFactory.text("echo: " + turn.getActivity().getText())).thenApply(r -> null);
    }

    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        AdaptiveCardInvokeResponse body = new AdaptiveCardInvokeResponse();
        body.setStatusCode(200);
        body.setType("application/vnd.microsoft.activity.message");
        body.setValue("Done.");
        return CompletableFuture.completedFuture(new InvokeResponse(200, body));
    }
}
