package dev.scimpilot.scim;

import dev.scimpilot.secrets.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Tests a SCIM endpoint URL and bearer token against NinjaOne before anything is written to a tenant:
 * a read of one user, redirects never followed (a redirect could carry the token elsewhere).
 */
@Component
public class ScimEndpointProbe {

    /** The probe's verdict, with a sentence for chat that names the runbook's likely cause. */
    public record Result(boolean ok, int status, String message) {}

    private final ScimUrlPolicy policy;
    private final HttpClient http;
    private final ScimProperties properties;

    public ScimEndpointProbe(ScimUrlPolicy policy, ScimProperties properties) {
        this.policy = policy;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
    }

    public Result probe(String baseUrl, Secret token) {
        var refusal = policy.check(baseUrl);
        if (refusal.isPresent()) {
            return new Result(false, 0, refusal.get());
        }
        if (token == null || token.isBlank()) {
            return new Result(false, 0, "The SCIM token is empty.");
        }
        String base = baseUrl.trim().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/Users?startIndex=1&count=1"))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/scim+json, application/json")
                .GET().build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Result(true, status, "NinjaOne accepted the SCIM token.");
            }
            if (status == 401 || status == 403) {
                return new Result(false, status, "NinjaOne rejected the SCIM token (HTTP " + status + "). It may be mistyped, "
                        + "expired, or regenerated since; copy a fresh one from NinjaOne → Identity Providers → SCIM.");
            }
            if (status == 404) {
                return new Result(false, status, "No SCIM endpoint at that URL (HTTP 404): check the SCIM endpoint URL in NinjaOne.");
            }
            if (status >= 300 && status < 400) {
                return new Result(false, status, "The SCIM endpoint redirected elsewhere; I do not follow redirects with a token.");
            }
            return new Result(false, status, "The SCIM endpoint answered HTTP " + status + "; try again later.");
        } catch (HttpTimeoutException e) {
            return new Result(false, 0, "The SCIM endpoint did not answer within " + properties.timeout().toSeconds() + " s.");
        } catch (IOException e) {
            return new Result(false, 0, "Could not reach the SCIM endpoint (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, "Interrupted while testing the SCIM endpoint.");
        }
    }
}
