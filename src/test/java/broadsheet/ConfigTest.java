package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path data;

    @Test
    void defaultsRunEmbeddedOnLocalhost() {
        Config c = Config.load(Map.of(), Map.of("data", data.toString()));
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.mediaDir()).isEqualTo(data.resolve("media"));
        assertThat(c.pageCacheMegabytes()).isEqualTo(64);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Files.writeString(data.resolve("broadsheet.properties"), "site-name=The Northmere Courier\nport=9000\ntime-zone=Europe/Paris\n");
        Config c = Config.load(Map.of("BROADSHEET_PORT", "9100", "BROADSHEET_BASE_URL", "https://news.example.com/"),
                Map.of("data", data.toString(), "port", "9200"));
        assertThat(c.siteName()).isEqualTo("The Northmere Courier");
        assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(c.port()).isEqualTo(9200);
        assertThat(c.baseUrl()).isEqualTo("https://news.example.com");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_PORT", "eighty"), Map.of("data", data.toString())))
                .hasMessageContaining("BROADSHEET_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_TIME_ZONE", "Mars/Olympus"), Map.of("data", data.toString())))
                .hasMessageContaining("BROADSHEET_TIME_ZONE");
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_DATABASE_URL", "mysql://x"), Map.of("data", data.toString())))
                .hasMessageContaining("jdbc:postgresql");
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_BASE_URL", "ftp://x"), Map.of("data", data.toString())))
                .hasMessageContaining("BROADSHEET_BASE_URL");
    }

    @Test
    void theFormLimitIsSetInKilobytesWithinBounds() {
        assertThat(Config.load(Map.of(), Map.of("data", data.toString())).formKilobytes()).isEqualTo(64);
        assertThat(Config.load(Map.of("BROADSHEET_FORM_KB", "16"), Map.of("data", data.toString())).formKilobytes()).isEqualTo(16);
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_FORM_KB", "0"), Map.of("data", data.toString())))
                .hasMessageContaining("BROADSHEET_FORM_KB").hasMessageContaining("from 8");
    }

    @Test
    void aMetricsTokenIsLongEnoughOrAbsent() {
        assertThat(Config.load(Map.of(), Map.of("data", data.toString())).metricsToken()).isEmpty();
        assertThat(Config.load(Map.of("BROADSHEET_METRICS_TOKEN", "0123456789abcdef"), Map.of("data", data.toString())).metricsToken())
                .isEqualTo("0123456789abcdef");
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_METRICS_TOKEN", "short"), Map.of("data", data.toString())))
                .hasMessageContaining("BROADSHEET_METRICS_TOKEN").hasMessageNotContaining("short");
        assertThat(Config.load(Map.of("BROADSHEET_METRICS_TOKEN", "0123456789abcdef"), Map.of("data", data.toString())).describe())
                .contains("metrics: token required").noneMatch(line -> line.contains("0123456789abcdef"));
    }

    @Test
    void unknownKeysInTheFileAreRefused() throws Exception {
        Files.writeString(data.resolve("broadsheet.properties"), "site_name=Typo\n");
        assertThatThrownBy(() -> Config.load(Map.of(), Map.of("data", data.toString())))
                .hasMessageContaining("unknown option \"site_name\"");
    }

    @Test
    void theReadmeDocumentsEveryOption() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Config.Option o : Config.OPTIONS) {
            assertThat(readme).as("README documents " + o.envVar()).contains("`" + o.envVar() + "`").contains("`" + o.key() + "`");
        }
    }

    @Test
    void theDatabasePoolOpensEightConnectionsAtMostUnlessToldOtherwise() {
        // each connection is a PostgreSQL process of some 5 MB: 8 serve a machine of a few cores as fast as 16
        assertThat(Config.load(Map.of(), Map.of("data", data.toString())).databasePoolSize()).isEqualTo(8);
        assertThat(Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "40"), Map.of("data", data.toString())).databasePoolSize())
                .isEqualTo(40);
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "501"), Map.of("data", data.toString())))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage("BROADSHEET_DATABASE_POOL_SIZE: \"501\" is not a whole number from 2 to 500");
    }

    @Test
    void refusesADatabasePoolTooSmallToMigrate() {
        // Flyway holds two connections while it migrates
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "1"), Map.of("data", data.toString())))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage("BROADSHEET_DATABASE_POOL_SIZE: \"1\" is not a whole number from 2 to 500");
        assertThat(Config.load(Map.of("BROADSHEET_DATABASE_POOL_SIZE", "2"), Map.of("data", data.toString())).databasePoolSize())
                .isEqualTo(2);
    }

    @Test
    void mailGoesToTheOutboxUntilAnSmtpServerIsNamed() {
        Config none = Config.load(Map.of("BROADSHEET_BASE_URL", "https://news.example.com"), Map.of("data", data.toString()));
        assertThat(none.smtp().configured()).isFalse();
        assertThat(none.smtp().from()).isEqualTo("no-reply@news.example.com");
        assertThat(String.join("\n", none.describe())).contains("no SMTP server: written to " + data.resolve("outbox"));
        Config smtp = Config.load(Map.of("BROADSHEET_SMTP_HOST", "mail.example.com", "BROADSHEET_SMTP_PORT", "465",
                "BROADSHEET_SMTP_SECURITY", "SSL", "BROADSHEET_SMTP_PASSWORD", "m4ilsecret", "BROADSHEET_SMTP_FROM",
                "The Courier <news@example.com>"), Map.of("data", data.toString()));
        assertThat(smtp.smtp().configured()).isTrue();
        assertThat(smtp.smtp().port()).isEqualTo(465);
        assertThat(smtp.smtp().security()).isEqualTo("ssl");
        assertThat(String.join("\n", smtp.describe())).contains("SMTP mail.example.com:465 (ssl)").doesNotContain("m4ilsecret");
    }

    @Test
    void refusesAnUnknownSmtpSecurityOrSender() {
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_SMTP_SECURITY", "tls"), Map.of("data", data.toString())))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessage("BROADSHEET_SMTP_SECURITY: \"tls\" is not one of starttls, ssl, none");
        assertThatThrownBy(() -> Config.load(Map.of("BROADSHEET_SMTP_FROM", "not an address"), Map.of("data", data.toString())))
                .isInstanceOf(Config.ConfigException.class)
                .hasMessageStartingWith("BROADSHEET_SMTP_FROM:");
    }

    @Test
    void describeHidesThePassword() {
        Config c = Config.load(Map.of("BROADSHEET_DATABASE_URL", "jdbc:postgresql://db/x", "BROADSHEET_DATABASE_PASSWORD", "s3cret"),
                Map.of("data", data.toString()));
        assertThat(String.join("\n", c.describe())).doesNotContain("s3cret");
    }
}
