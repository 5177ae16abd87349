package dev.scimpilot.testing;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.util.concurrent.CompletableFuture;

/** Outbound connector credentials with a fixed token: the real token authority is not reachable offline. */
public final class TestAppCredentials extends AppCredentials {

    public static final String TOKEN = "test-outbound-token";

    public TestAppCredentials(String appId, String scope) {
        super(null, scope);
        setAppId(appId);
    }

    @Override
    public CompletableFuture<String> getToken() {
        return CompletableFuture.completedFuture(TOKEN);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tests never ask a real authority");
    }
}
