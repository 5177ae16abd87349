package dev.scimpilot.chat;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Dispatcher;

/**
 * The Bot SDK adapter with outbound credentials from an {@link AppCredentialsSource}. It exposes the SDK's inbound
 * check on its own ({@link #authenticate}), so {@code /api/messages} can refuse a bad token before it acknowledges
 * a message whose turn runs later ({@link TurnQueue}).
 *
 * <p>Its connector clients share one OkHttp dispatcher that lets {@value #CONNECTOR_CALLS_PER_HOST} calls to one host
 * run at once. The SDK builds each client with OkHttp's default of 5 per host, and every reply, card update and
 * proactive message of the whole bot goes to the one Bot Connector host of its region: under load the sixth reply
 * waited for one of the first five (the {@code /api/messages} benchmark's text answers took 450 ms where the
 * connector needed a few).
 *
 * <p>The clients also write and read JSON without the SDK's "flattening" serialiser ({@link ConnectorJson}).
 */
public class ScimPilotAdapter extends BotFrameworkHttpAdapter {

    static final int CONNECTOR_CALLS_PER_HOST = 64;

    private final AppCredentialsSource credentials;
    private final CredentialProvider inbound;
    private final ChannelProvider channels;
    private final AuthenticationConfiguration authentication = new AuthenticationConfiguration();
    private final Dispatcher dispatcher = connectorDispatcher();
    private final Map<String, ConnectorClient> connectors = new ConcurrentHashMap<>();

    public ScimPilotAdapter(CredentialProvider inbound, AppCredentialsSource outbound) {
        this(inbound, new SimpleChannelProvider(), outbound);
    }

    private ScimPilotAdapter(CredentialProvider inbound, ChannelProvider channels, AppCredentialsSource outbound) {
        super(inbound, channels);
        this.credentials = outbound;
        this.inbound = inbound;
        this.channels = channels;
    }

    /**
     * The same check {@code processActivity(authHeader, …)} makes first (token, issuer, audience, endorsements,
     * service URL trusted for replies); completes exceptionally with the SDK's {@code AuthenticationException}.
     */
    public CompletableFuture<ClaimsIdentity> authenticate(String authHeader, Activity activity) {
        return JwtTokenValidation.authenticateRequest(activity, authHeader, inbound, channels, authentication);
    }

    /** As the SDK's own (one client per service URL, app id and scope), built on the shared dispatcher. */
    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials appCredentials) {
        AppCredentials credentials = appCredentials != null ? appCredentials : MicrosoftAppCredentials.empty();
        String key = keyForConnectorClient(serviceUrl, credentials.getAppId(), credentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(connectors.computeIfAbsent(key, k -> new RestConnectorClient(
                    RestConnectorClient.getDefaultRestClientBuilder(baseUrl(serviceUrl), credentials)
                            .withDispatcher(dispatcher)
                            .withSerializerAdapter(ConnectorJson.ADAPTER)
                            .build())));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Invalid Service URL: " + serviceUrl, e));
        }
    }

    private static String baseUrl(String serviceUrl) {
        try {
            return new URI(serviceUrl).toURL().toString();
        } catch (java.net.URISyntaxException | java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Dispatcher connectorDispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(4 * CONNECTOR_CALLS_PER_HOST);
        dispatcher.setMaxRequestsPerHost(CONNECTOR_CALLS_PER_HOST);
        return dispatcher;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.supplyAsync(() -> credentials.create(appId, scope), Runnable::run);
    }
}
