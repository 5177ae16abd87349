package dev.scimpilot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class MigrationsTests {

    @ParameterizedTest
    @EnumSource(Databases.class)
    void allMigrationsApplyAndCreateTheTables(Databases db) {
        DataSource ds = db.migrated();
        JdbcClient jdbc = JdbcClient.create(ds);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").query(Integer.class).single())
                .isGreaterThanOrEqualTo(1);
        for (String table : new String[] {"conversation_reference", "bot_state", "card_message"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as(table).isZero();
        }
    }
}
