package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pool size is checked where it is read: a pool of one cannot migrate the schema (Flyway holds two connections). */
class ConfigTest {

    @Test
    void refusesADatabasePoolTooSmallToMigrate() {
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "1"), Map.of("data", "target/config-test")))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage("BROADSHEET_DATABASE_POOL_SIZE: \"1\" is not a whole number from 2 to 500");
        assertThat(Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "2"), Map.of("data", "target/config-test")).databasePoolSize())
                .isEqualTo(2);
    }
}
