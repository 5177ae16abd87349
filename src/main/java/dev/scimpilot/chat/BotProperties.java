package dev.scimpilot.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bot's own identity (single-tenant Azure Bot). An empty app id turns inbound authentication off,
 * which is only for local mode: the bot logs a loud warning at startup.
 */
@ConfigurationProperties("scimpilot.bot")
public record BotProperties(
        String appId,
        String appPassword,
        String appTenantId,
        String appCertificatePath,
        String appCertificatePassword,
        String openidMetadataUrl) {

    public boolean authEnabled() {
        return appId != null && !appId.isBlank();
    }

    public boolean usesCertificate() {
        return appCertificatePath != null && !appCertificatePath.isBlank();
    }

    @Override
    public String toString() {
        // Never print the password: this record ends up in startup logs and exception messages.
        return "BotProperties[appId=" + appId + ", appTenantId=" + appTenantId
                + ", password=" + (appPassword == null || appPassword.isEmpty() ? "<none>" : "<redacted>")
                + ", certificate=" + (usesCertificate() ? appCertificatePath : "<none>")
                + ", openidMetadataUrl=" + openidMetadataUrl + "]";
    }
}
