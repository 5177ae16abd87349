package dev.scimpilot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * SAML single sign-on on an enterprise app, as strict as Graph: PATCH of the service principal
 * ({@code preferredSingleSignOnMode}, {@code preferredTokenSigningKeyThumbprint}, {@code appRoleAssignmentRequired}),
 * PATCH of the application's {@code identifierUris} and {@code web.redirectUris}, and
 * {@code POST /servicePrincipals/{id}/addTokenSigningCertificate}.
 */
final class GraphSaml {

    static final Set<String> SSO_MODES = Set.of("password", "saml", "notSupported", "oidc");
    private static final Set<String> SP_PATCHABLE = Set.of("preferredSingleSignOnMode", "preferredTokenSigningKeyThumbprint",
            "appRoleAssignmentRequired", "accountEnabled", "notes", "tags", "loginUrl", "samlSingleSignOnSettings");

    private GraphSaml() {}

    /** PATCH /servicePrincipals/{id}. */
    static void patchServicePrincipal(ObjectNode sp, ObjectNode patch) {
        patch.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("@odata")) {
                return;
            }
            if (List.of("id", "appId", "servicePrincipalNames", "appOwnerOrganizationId").contains(f)) {
                throw GraphError.badRequest("Property '" + f + "' is read-only and cannot be set.");
            }
            if (!SP_PATCHABLE.contains(f)) {
                throw GraphError.badRequest("Property '" + f + "' does not exist on type 'microsoft.graph.servicePrincipal' "
                        + "or cannot be changed with this request.");
            }
        });
        JsonNode mode = patch.get("preferredSingleSignOnMode");
        if (mode != null && !mode.isNull() && !(mode.isTextual() && SSO_MODES.contains(mode.asText()))) {
            throw GraphError.badRequest("Invalid value specified for property 'preferredSingleSignOnMode' of resource "
                    + "'ServicePrincipal'.");
        }
        JsonNode required = patch.get("appRoleAssignmentRequired");
        if (required != null && !required.isBoolean()) {
            throw GraphError.badRequest("Cannot convert the literal '" + required + "' to the expected type 'Edm.Boolean'.");
        }
        JsonNode thumb = patch.get("preferredTokenSigningKeyThumbprint");
        if (thumb != null && !thumb.isNull()) {
            if (!thumb.isTextual() || !hasSigningKey(sp, thumb.asText())) {
                throw GraphError.badRequest("The value of 'preferredTokenSigningKeyThumbprint' must be the thumbprint of a "
                        + "signing key credential of this service principal.");
            }
        }
        sp.setAll(patch);
    }

    /** PATCH /applications/{id}: identifierUris and web.redirectUris are checked like Entra checks them. */
    static void checkApplicationPatch(Tenant t, ObjectNode app, ObjectNode patch) {
        JsonNode ids = patch.get("identifierUris");
        if (ids != null) {
            if (!ids.isArray()) {
                throw GraphError.badRequest("Invalid value specified for property 'identifierUris' of resource 'Application'.");
            }
            boolean saml = t.servicePrincipals.values().stream()
                    .filter(sp -> sp.path("appId").asText().equalsIgnoreCase(app.path("appId").asText()))
                    .anyMatch(sp -> "saml".equals(sp.path("preferredSingleSignOnMode").asText(null)));
            for (JsonNode id : ids) {
                URI uri = uri(id, "identifierUris");
                String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
                boolean verified = t.domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
                // Entra allows any URI as the SAML Entity ID once the app is a SAML app; otherwise only api:// or verified domains
                if (!saml && !uri.getScheme().equals("api") && !verified) {
                    throw new GraphError(400, "HostNameNotOnVerifiedDomain", "Values of identifierUris property must use a "
                            + "verified domain of the organization or its subdomain: '" + id.asText() + "'");
                }
            }
        }
        JsonNode web = patch.get("web");
        if (web != null) {
            if (!web.isObject()) {
                throw GraphError.badRequest("Invalid value specified for property 'web' of resource 'Application'.");
            }
            JsonNode redirects = web.get("redirectUris");
            if (redirects != null) {
                if (!redirects.isArray()) {
                    throw GraphError.badRequest("Invalid value specified for property 'web.redirectUris' of resource 'Application'.");
                }
                for (JsonNode r : redirects) {
                    URI uri = uri(r, "web.redirectUris");
                    boolean localhost = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost())
                            || "127.0.0.1".equals(uri.getHost()));
                    if (!"https".equals(uri.getScheme()) && !localhost) {
                        throw GraphError.badRequest("Invalid value specified for property 'web.redirectUris' of resource "
                                + "'Application': '" + r.asText() + "' must use https (or http://localhost).");
                    }
                }
            }
        }
    }

    private static URI uri(JsonNode value, String property) {
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 256) {
            throw GraphError.badRequest("Invalid value specified for property '" + property + "' of resource 'Application'.");
        }
        try {
            URI uri = new URI(value.asText());
            if (!uri.isAbsolute() || uri.getFragment() != null || (!"api".equals(uri.getScheme()) && uri.getHost() == null)) {
                throw new URISyntaxException(value.asText(), "not an absolute URI");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw GraphError.badRequest("Invalid value specified for property '" + property + "' of resource 'Application': '"
                    + value.asText() + "' is not a valid absolute URI.");
        }
    }

    /** POST /servicePrincipals/{id}/addTokenSigningCertificate: a self-signed certificate, 3 years unless told otherwise. */
    static ObjectNode addTokenSigningCertificate(SandboxState state, ObjectNode sp, ObjectNode body) {
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("displayName") && !f.equals("endDateTime")) {
                throw GraphError.badRequest("Property '" + f + "' does not exist on type "
                        + "'microsoft.graph.servicePrincipal.addTokenSigningCertificate'.");
            }
        });
        String name = Json.text(body, "displayName");
        if (name == null || !name.startsWith("CN=") || name.length() < 4) {
            throw GraphError.badRequest("The displayName of the certificate must start with 'CN='.");
        }
        Instant start = Instant.now();
        Instant latest = start.atOffset(java.time.ZoneOffset.UTC).plusYears(3).toInstant();
        Instant end = latest;
        if (body.hasNonNull("endDateTime")) {
            try {
                end = OffsetDateTime.parse(body.path("endDateTime").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw GraphError.badRequest("Cannot convert the literal '" + body.path("endDateTime").asText()
                        + "' to the expected type 'Edm.DateTimeOffset'.");
            }
            if (!end.isAfter(start)) {
                throw GraphError.badRequest("The endDateTime of the certificate must be in the future.");
            }
            if (end.isAfter(latest)) {
                throw GraphError.badRequest("The endDateTime of the certificate can be at most three years after its creation.");
            }
        }
        byte[] thumb = sha1((sp.path("id").asText() + state.newId()).getBytes());
        String thumbprint = HexFormat.of().withUpperCase().formatHex(thumb);
        String customKeyIdentifier = Base64.getEncoder().encodeToString(thumb);
        String key = Base64.getEncoder().encodeToString(("sandbox certificate " + name + " " + thumbprint).getBytes());
        ArrayNode keys = sp.has("keyCredentials") && sp.get("keyCredentials").isArray()
                ? (ArrayNode) sp.get("keyCredentials") : sp.putArray("keyCredentials");
        String verifyId = UUID.randomUUID().toString();
        for (String usage : List.of("Sign", "Verify")) {
            keys.addObject().put("customKeyIdentifier", customKeyIdentifier).put("displayName", name)
                    .put("endDateTime", Json.time(end)).put("keyId", usage.equals("Verify") ? verifyId : UUID.randomUUID().toString())
                    .put("startDateTime", Json.time(start)).put("type", "AsymmetricX509Cert").put("usage", usage).putNull("key");
        }
        // the private key's password (to open the PFX), same keyId as the Sign key, as Graph adds it
        ArrayNode passwords = sp.has("passwordCredentials") && sp.get("passwordCredentials").isArray()
                ? (ArrayNode) sp.get("passwordCredentials") : sp.putArray("passwordCredentials");
        passwords.addObject().put("customKeyIdentifier", customKeyIdentifier).put("displayName", name)
                .put("endDateTime", Json.time(end)).put("keyId", keys.get(keys.size() - 2).path("keyId").asText())
                .put("startDateTime", Json.time(start)).putNull("secretText").putNull("hint");
        ObjectNode out = Json.obj();
        out.put("@odata.context", state.baseUrl + "/graph/v1.0/$metadata#microsoft.graph.selfSignedCertificate");
        out.put("customKeyIdentifier", customKeyIdentifier).put("displayName", name).put("endDateTime", Json.time(end))
                .put("key", key).put("keyId", verifyId).put("startDateTime", Json.time(start)).put("thumbprint", thumbprint)
                .put("type", "AsymmetricX509Cert").put("usage", "Verify");
        return out;
    }

    static boolean hasSigningKey(ObjectNode sp, String thumbprint) {
        for (JsonNode k : sp.path("keyCredentials")) {
            if ("Sign".equals(k.path("usage").asText()) && k.hasNonNull("customKeyIdentifier")
                    && HexFormat.of().formatHex(Base64.getDecoder().decode(k.path("customKeyIdentifier").asText()))
                    .equalsIgnoreCase(thumbprint)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
