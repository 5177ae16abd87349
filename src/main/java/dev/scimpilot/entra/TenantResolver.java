package dev.scimpilot.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds a client's Entra tenant id from an email address or domain through OpenID discovery on the authority host
 * (no authentication needed); answers are cached.
 */
@Component
public class TenantResolver {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ISSUER_TENANT = Pattern.compile("/([0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12})/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntraProperties entra;
    private final HttpClient http;
    private final Cache<String, String> cache = Caffeine.newBuilder().maximumSize(1000)
            .expireAfterWrite(Duration.ofHours(12)).build();

    public TenantResolver(EntraProperties entra) {
        this.entra = entra;
        this.http = HttpClient.newBuilder().connectTimeout(entra.discoveryTimeout()).build();
    }

    /** The tenant id (GUID) for "anna.meier@brennwald-heilig.ch" or "brennwald-heilig.ch". */
    public String tenantIdOf(String emailOrDomain) {
        String domain = domainOf(emailOrDomain);
        // failures are not cached: a domain may be verified in a tenant a minute later
        return cache.get(domain, this::discover);
    }

    static String domainOf(String emailOrDomain) {
        String s = emailOrDomain == null ? "" : emailOrDomain.trim().toLowerCase(Locale.ROOT);
        String domain = s.substring(s.lastIndexOf('@') + 1);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new TenantResolutionException("'" + emailOrDomain + "' is not an email address or domain name");
        }
        return domain;
    }

    private String discover(String domain) {
        URI uri = URI.create(entra.authorityHost() + "/" + domain + "/v2.0/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(entra.discoveryTimeout()).GET()
                .header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TenantResolutionException("Could not reach " + entra.authorityHost() + " to look up the tenant of '"
                    + domain + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantResolutionException("Interrupted while looking up the tenant of '" + domain + "'", e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() == 400 && body.path("error_description").asText().contains("AADSTS90002")) {
            throw new TenantResolutionException("No Microsoft Entra tenant uses the domain '" + domain
                    + "' (AADSTS90002). Check the spelling, or use a domain verified in the client's tenant.");
        }
        if (response.statusCode() != 200) {
            throw new TenantResolutionException("Tenant lookup for '" + domain + "' failed: HTTP " + response.statusCode()
                    + " " + body.path("error").asText(""));
        }
        Matcher m = ISSUER_TENANT.matcher(body.path("issuer").asText() + "/");
        if (!m.find()) {
            throw new TenantResolutionException("The OpenID configuration for '" + domain + "' has no tenant id in its issuer");
        }
        return m.group(1).toLowerCase(Locale.ROOT);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
