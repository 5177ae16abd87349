package dev.scimpilot.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code scimpilot.vault.uri}: the Azure Key Vault for SCIM tokens; empty = memory only (local mode). */
@ConfigurationProperties("scimpilot.vault")
public record VaultProperties(String uri) {

    public boolean configured() {
        return uri != null && !uri.isBlank();
    }
}
