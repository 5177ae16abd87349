package dev.scimpilot.secrets;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Azure Key Vault: each put is a new version of the client's secret, with its expiry as an attribute. */
class KeyVaultSecretVault implements SecretVault {

    private final SecretClient client;

    KeyVaultSecretVault(SecretClient client) {
        this.client = client;
    }

    @Override
    public SecretRef put(String name, Secret value, Instant expiresOn) {
        KeyVaultSecret secret = new KeyVaultSecret(name, value.reveal());
        secret.setProperties(new SecretProperties()
                .setExpiresOn(expiresOn == null ? null : expiresOn.atOffset(ZoneOffset.UTC))
                .setContentType("text/plain")
                .setTags(Map.of("managedBy", "scim-pilot")));
        KeyVaultSecret stored = client.setSecret(secret);
        return new SecretRef(name, stored.getProperties().getVersion());
    }

    @Override
    public Optional<Secret> get(SecretRef ref) {
        try {
            return Optional.of(Secret.of(client.getSecret(ref.name(), ref.version()).getValue()));
        } catch (com.azure.core.exception.ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean durable() {
        return true;
    }
}
