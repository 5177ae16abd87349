package dev.scimpilot.chat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.CertificateAppCredentials;
import com.microsoft.bot.connector.authentication.CertificateAppCredentialsOptions;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.io.FileInputStream;

/**
 * Credentials of a single-tenant bot: tokens from the bot's own tenant (the SDK's default asks the
 * multi-tenant botframework.com authority), with a password or a PKCS#12 certificate.
 */
class BotAppCredentials implements AppCredentialsSource {

    private final BotProperties properties;

    BotAppCredentials(BotProperties properties) {
        this.properties = properties;
    }

    @Override
    public AppCredentials create(String appId, String oAuthScope) {
        String tenant = properties.appTenantId() == null || properties.appTenantId().isBlank() ? null : properties.appTenantId();
        if (!properties.usesCertificate()) {
            return new MicrosoftAppCredentials(appId, properties.appPassword(), tenant, oAuthScope);
        }
        try (var in = new FileInputStream(properties.appCertificatePath())) {
            return new CertificateAppCredentials(new CertificateAppCredentialsOptions(
                    appId, in, properties.appCertificatePassword(), tenant, oAuthScope, true));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the bot certificate " + properties.appCertificatePath()
                    + " (PKCS#12 expected)", e);
        }
    }
}
