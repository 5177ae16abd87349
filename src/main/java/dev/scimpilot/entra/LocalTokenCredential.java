package dev.scimpilot.entra;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import reactor.core.publisher.Mono;

/**
 * Issues unsigned JWTs naming the target tenant in {@code tid}, for Graph emulators in local mode: azure-identity
 * refuses http authorities, and an emulator tells tenants apart by this claim as Graph does.
 */
final class LocalTokenCredential implements TokenCredential {

    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tenantId;
    private final String appId;

    LocalTokenCredential(String tenantId, String appId) {
        this.tenantId = tenantId;
        this.appId = appId == null || appId.isBlank() ? "scim-pilot-local" : appId;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        Instant now = Instant.now();
        Instant exp = now.plus(LIFETIME);
        ObjectNode claims = JSON.createObjectNode().put("aud", "https://graph.microsoft.com")
                .put("iss", "https://sts.windows.net/" + tenantId + "/").put("iat", now.getEpochSecond())
                .put("nbf", now.getEpochSecond()).put("exp", exp.getEpochSecond()).put("appid", appId)
                .put("tid", tenantId).put("idtyp", "app");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
        return new AccessToken(jwt, OffsetDateTime.ofInstant(exp, ZoneOffset.UTC));
    }
}
