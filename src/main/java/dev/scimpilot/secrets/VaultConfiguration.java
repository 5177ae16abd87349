package dev.scimpilot.secrets;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Key Vault when configured (managed identity or any DefaultAzureCredential source), else memory with a warning. */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    @Bean
    SecretVault secretVault(VaultProperties properties) {
        if (!properties.configured()) {
            log.warn("No secret vault configured (scimpilot.vault.uri): SCIM tokens are kept in memory only and a "
                    + "restart forgets them. Fine for local mode, not for production.");
            return new InMemorySecretVault();
        }
        return new KeyVaultSecretVault(new SecretClientBuilder()
                .vaultUrl(properties.uri())
                .credential(new DefaultAzureCredentialBuilder().build())
                .buildClient());
    }
}
