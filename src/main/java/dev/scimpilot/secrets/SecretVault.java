package dev.scimpilot.secrets;

import java.time.Instant;
import java.util.Optional;

/**
 * The only place secrets are kept. Production: Azure Key Vault (one secret per client, a new version on
 * every rotation, expiry as a secret attribute). Local mode: memory only, lost on restart.
 */
public interface SecretVault {

    /** Stores a new version of secret {@code name}; the returned reference is safe to persist. */
    SecretRef put(String name, Secret value, Instant expiresOn);

    Optional<Secret> get(SecretRef ref);

    /** True when secrets survive a restart (a real vault). */
    boolean durable();

    /** A vault secret name for a client: letters, digits and dashes only (Key Vault's rule). */
    static String nameFor(String kind, String clientKey) {
        String slug = clientKey.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (kind + "-" + slug).substring(0, Math.min(127, kind.length() + 1 + slug.length()));
    }
}
