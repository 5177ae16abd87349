package dev.scimpilot.testing;

import dev.scimpilot.chat.AppCredentialsSource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application on a random port with an in-memory H2 database, replying to a
 * {@link FakeTeams} connector. Test classes add their own properties (app id, metadata URL). The unprompted expiry
 * scan and watchdog do not start on their own here.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "scimpilot.data-dir=target/test-data",
        // unprompted reminders and alerts would land in the conversations other tests read; AlertsIT runs rounds itself
        "scimpilot.reminders.startup-delay=PT10H",
        "scimpilot.reminders.watchdog-interval=PT10H"
})
@Import(BotIntegrationTest.OfflineCredentials.class)
public @interface BotIntegrationTest {

    /** Outbound connector calls carry a fixed test token instead of asking login.microsoftonline.com. */
    @TestConfiguration(proxyBeanMethods = false)
    class OfflineCredentials {
        @Bean
        @Primary
        AppCredentialsSource offlineAppCredentials() {
            return TestAppCredentials::new;
        }
    }
}
