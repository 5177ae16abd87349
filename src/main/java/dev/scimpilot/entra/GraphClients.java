package dev.scimpilot.entra;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.microsoft.graph.core.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.springframework.stereotype.Component;

/**
 * One GraphServiceClient per client tenant (cached), pointed at the configured Graph base URL and sending tokens
 * for the target tenant only to the configured Graph host.
 */
@Component
public class GraphClients {

    private static final Pattern TENANT_ID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private final GraphProperties graph;
    private final EntraProperties entra;
    private final HttpClient identityHttp;
    private final LoadingCache<String, GraphServiceClient> clients;
    private final TenantRequestGate gate;

    public GraphClients(GraphProperties graph, EntraProperties entra) {
        this(graph, entra, (TenantRequestGate) null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public GraphClients(GraphProperties graph, EntraProperties entra,
            org.springframework.beans.factory.ObjectProvider<TenantRequestGate> gate) {
        this(graph, entra, gate.getIfAvailable());
    }

    /** {@code gate} may be null: no limit on concurrent requests. */
    public GraphClients(GraphProperties graph, EntraProperties entra, TenantRequestGate gate) {
        this.gate = gate;
        this.graph = graph;
        this.entra = entra;
        this.identityHttp = new OkHttpAsyncHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10))
                .readTimeout(entra.discoveryTimeout().multipliedBy(3)).writeTimeout(Duration.ofSeconds(30)).build();
        this.clients = Caffeine.newBuilder().maximumSize(500).expireAfterAccess(Duration.ofHours(12)).build(this::create);
    }

    /** The Graph client acting in the given client tenant (a tenant GUID, see TenantResolver). */
    public GraphServiceClient forTenant(String tenantId) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("not an Entra tenant id (GUID): " + tenantId);
        }
        return clients.get(tenantId.toLowerCase(Locale.ROOT));
    }

    private GraphServiceClient create(String tenantId) {
        var auth = new AzureIdentityAuthenticationProvider(credential(tenantId), new String[]{graph.host()}, graph.scope());
        // the factory adds Graph's middleware (retry on 429/503/504 with Retry-After, redirects, telemetry)
        OkHttpClient.Builder builder = GraphClientFactory.create().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(graph.timeout()).writeTimeout(graph.timeout())
                .callTimeout(graph.timeout().multipliedBy(5)); // bounds retries with their Retry-After waits
        if (gate != null) {
            builder.addInterceptor(gate.forTenant(tenantId)); // after Graph's middleware: once per attempt
        }
        OkHttpClient http = builder.build();
        GraphServiceClient client = new GraphServiceClient(auth, http);
        client.getRequestAdapter().setBaseUrl(graph.baseUrl());
        return client;
    }

    private TokenCredential credential(String tenantId) {
        return switch (graph.auth()) {
            case LOCAL -> new LocalTokenCredential(tenantId, graph.clientId());
            case CLIENT_SECRET -> {
                require(graph.clientId(), "scimpilot.graph.client-id");
                require(graph.clientSecret(), "scimpilot.graph.client-secret");
                var b = new ClientSecretCredentialBuilder().tenantId(tenantId).clientId(graph.clientId())
                        .clientSecret(graph.clientSecret()).authorityHost(entra.authorityHost())
                        .httpClient(identityHttp).maxRetry(3);
                yield nonMicrosoftAuthority() ? b.disableInstanceDiscovery().build() : b.build();
            }
            case CERTIFICATE -> {
                require(graph.clientId(), "scimpilot.graph.client-id");
                require(graph.certificatePath(), "scimpilot.graph.certificate-path");
                var b = new ClientCertificateCredentialBuilder().tenantId(tenantId).clientId(graph.clientId())
                        .authorityHost(entra.authorityHost()).httpClient(identityHttp).maxRetry(3);
                String path = graph.certificatePath();
                String lower = path.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".pfx") || lower.endsWith(".p12")) {
                    b.pfxCertificate(path).clientCertificatePassword(graph.certificatePassword());
                } else {
                    b.pemCertificate(path);
                }
                yield nonMicrosoftAuthority() ? b.disableInstanceDiscovery().build() : b.build();
            }
        };
    }

    /** MSAL's instance discovery only knows Microsoft authorities; skip it for any other (e.g. an https emulator). */
    private boolean nonMicrosoftAuthority() {
        String host = java.net.URI.create(entra.authorityHost()).getHost().toLowerCase(Locale.ROOT);
        return !(host.startsWith("login.microsoftonline.") || host.startsWith("login.chinacloudapi.")
                || host.equals("login.partner.microsoftonline.cn"));
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set for Graph authentication");
        }
    }
}
