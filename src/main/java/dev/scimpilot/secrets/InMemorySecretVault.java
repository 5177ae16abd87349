package dev.scimpilot.secrets;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Local mode's "vault": process memory only, so a restart forgets every token (and the bot says so). */
public class InMemorySecretVault implements SecretVault {

    private final Map<SecretRef, Secret> secrets = new ConcurrentHashMap<>();

    @Override
    public SecretRef put(String name, Secret value, Instant expiresOn) {
        SecretRef ref = new SecretRef(name, UUID.randomUUID().toString().replace("-", ""));
        secrets.put(ref, value);
        return ref;
    }

    @Override
    public Optional<Secret> get(SecretRef ref) {
        return Optional.ofNullable(secrets.get(ref));
    }

    @Override
    public boolean durable() {
        return false;
    }
}
