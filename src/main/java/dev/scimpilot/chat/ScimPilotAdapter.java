package dev.scimpilot.chat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;

/** The Bot SDK adapter with outbound credentials from an {@link AppCredentialsSource}. */
public class ScimPilotAdapter extends BotFrameworkHttpAdapter {

    private final AppCredentialsSource credentials;

    public ScimPilotAdapter(CredentialProvider inbound, AppCredentialsSource outbound) {
        super(inbound, new SimpleChannelProvider());
        this.credentials = outbound;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.supplyAsync(() -> credentials.create(appId, scope), Runnable::run);
    }
}
