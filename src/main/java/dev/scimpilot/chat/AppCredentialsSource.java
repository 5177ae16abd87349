package dev.scimpilot.chat;

import com.microsoft.bot.connector.authentication.AppCredentials;

/**
 * Where the adapter gets the credentials for outbound connector calls. Production uses the bot's
 * password or certificate ({@link BotAppCredentials}); tests replace this bean because the token
 * authority is not reachable offline.
 */
@FunctionalInterface
public interface AppCredentialsSource {

    AppCredentials create(String appId, String oAuthScope);
}
