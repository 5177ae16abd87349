package dev.scimpilot.health;

import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.scimpilot.clients.SamlCertificate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The token-signing certificate the client's enterprise app really uses: the service principal's
 * {@code preferredTokenSigningKeyThumbprint} and the end date of the matching {@code keyCredentials} entry (its
 * {@code customKeyIdentifier} is the thumbprint). One GET with {@code $select}, so it is cheap enough for every check.
 */
final class SamlSigningKey {

    private SamlSigningKey() {}

    /** Empty when the app has no preferred signing key (or it no longer matches a key credential with an end date). */
    static Optional<SamlCertificate> read(GraphServiceClient g, String servicePrincipalId) {
        ServicePrincipal sp = g.servicePrincipals().byServicePrincipalId(servicePrincipalId).get(rc -> rc.queryParameters.select =
                new String[] {"id", "preferredTokenSigningKeyThumbprint", "keyCredentials"});
        String thumb = sp == null ? null : sp.getPreferredTokenSigningKeyThumbprint();
        if (thumb == null || thumb.isBlank() || sp.getKeyCredentials() == null) {
            return Optional.empty();
        }
        for (KeyCredential k : sp.getKeyCredentials()) {
            if (k.getCustomKeyIdentifier() != null && k.getEndDateTime() != null
                    && HexFormat.of().formatHex(k.getCustomKeyIdentifier()).equalsIgnoreCase(thumb)) {
                return Optional.of(new SamlCertificate(thumb, k.getEndDateTime().toInstant()));
            }
        }
        return Optional.empty();
    }
}
