package dev.scimpilot.chat;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the Bot SDK adapter: inbound JWT validation whenever an app id is configured (against the
 * configured OpenID metadata, so tests can use a local JWKS), and one error handler that tells the user
 * something went wrong without leaking details.
 */
@Configuration(proxyBeanMethods = false)
class BotAdapterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BotAdapterConfiguration.class);

    @Bean
    AppCredentialsSource botAppCredentials(BotProperties properties) {
        return new BotAppCredentials(properties);
    }

    @Bean
    ScimPilotAdapter scimPilotAdapter(BotProperties properties, AppCredentialsSource outbound) {
        if (properties.openidMetadataUrl() != null && !properties.openidMetadataUrl().isBlank()) {
            // Static in the SDK; must be set before the first request is validated.
            ChannelValidation.setOpenIdMetaDataUrl(properties.openidMetadataUrl());
        }
        if (properties.authEnabled()) {
            log.info("inbound authentication ON for bot app id {} (tenant {})", properties.appId(), properties.appTenantId());
        } else {
            log.warn("""

                    ************************************************************************
                    *  INBOUND AUTHENTICATION IS OFF: no MicrosoftAppId is configured.     *
                    *  Anyone who can reach /api/messages can talk to this bot.            *
                    *  This is only acceptable in local mode (Agents Playground).          *
                    ************************************************************************""");
        }
        var credentials = new SimpleCredentialProvider(properties.appId(), properties.appPassword());
        ScimPilotAdapter adapter = new ScimPilotAdapter(credentials, outbound);
        adapter.setOnTurnError((turn, exception) -> {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("turn failed (reference {})", reference, exception);
            return turn.sendActivity(MessageFactory.text("Sorry, something went wrong on my side (reference `"
                    + reference + "`). If I was changing a tenant, the run shows which step stopped."))
                    .handle((r, e) -> null);
        });
        return adapter;
    }
}
