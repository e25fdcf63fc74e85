package broadsheet.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.shared.AuditLog;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.search.Tuning;
import broadsheet.testing.TestDatabase;
import broadsheet.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settings row against the real database: the defaults while nothing is stored, a save with its audit
 * entry, a name equal to the configured one stored as none, and a form with any wrong field storing nothing.
 */
@ExtendWith(TestDatabase.class)
class SettingsStoreIT {
    private static final String CONFIGURED = "The Broadsheet";
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final AuditLog.Actor ADMIN = new AuditLog.Actor(null, "Ada Admin", "192.0.2.7");
    private final SettingsStore store = new SettingsStore(TestDatabase.jdbi());

    private static SettingsStore.Form form(String name, String tagline, String access, String comments, String twoFactor, String hours) {
        return new SettingsStore.Form(name, tagline, access, comments, twoFactor, hours);
    }

    private static SettingsStore.Form courier() {
        return form("The Northmere Courier", "News from the valley since 1871", "premium", "closed", "yes", "4");
    }

    @Test
    void withNothingStoredEverySettingHasItsDefault() {
        SiteSettings s = store.read();
        assertThat(s).isEqualTo(SiteSettings.DEFAULTS);
        assertThat(s.nameOr(CONFIGURED)).isEqualTo(CONFIGURED);
        assertThat(s.tagline()).isEmpty();
        assertThat(s.defaultAccess()).isEqualTo(AccessLevel.FREE);
        assertThat(s.defaultComments()).isEqualTo(CommentPolicy.OPEN);
        assertThat(s.requireTwoFactor()).isFalse();
        assertThat(s.sessionIdle()).hasHours(12);
        assertThat(SettingsStore.Form.of(s, CONFIGURED)).isEqualTo(form(CONFIGURED, "", "free", "open", "", "12"));
    }

    @Test
    void aSaveStoresEverySettingAndAuditsEachChangeFromAndTo() {
        var outcome = store.save(ADMIN, courier(), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Saved.class);
        SiteSettings s = store.read();
        assertThat(s).isEqualTo(new SiteSettings("The Northmere Courier", "News from the valley since 1871", AccessLevel.PREMIUM,
                CommentPolicy.CLOSED, true, 4));
        assertThat(((SettingsStore.Outcome.Saved) outcome).settings()).isEqualTo(s);

        JsonNode details = lastAudit();
        assertThat(details.get("name").asText()).isEqualTo("\"The Broadsheet\" (configured) → \"The Northmere Courier\"");
        assertThat(details.get("tagline").asText()).isEqualTo("(none) → \"News from the valley since 1871\"");
        assertThat(details.get("default access").asText()).isEqualTo("free → premium");
        assertThat(details.get("default comments").asText()).isEqualTo("open → closed");
        assertThat(details.get("two-factor required").asText()).isEqualTo("no → yes");
        assertThat(details.get("session idle hours").asText()).isEqualTo("12 → 4");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed' AND subject = 'The Northmere Courier'"
                + " AND actor = 'Ada Admin' AND ip = '192.0.2.7' AND at = '2025-12-07T15:00:00Z'")).isEqualTo(1);
    }

    @Test
    void aSecondSaveAuditsOnlyWhatChangedAndTheSameFormAgainChangesNothing() {
        store.save(ADMIN, courier(), CONFIGURED, NOW);
        store.save(ADMIN, form("The Northmere Courier", "News from the valley since 1871", "premium", "open", "yes", "4"), CONFIGURED,
                NOW.plusSeconds(60));
        var again = store.save(ADMIN, form("The Northmere Courier", "News from the valley since 1871", "premium", "open", "yes", "4"),
                CONFIGURED, NOW.plusSeconds(120));

        assertThat(((SettingsStore.Outcome.Saved) again).changes()).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(2);
        JsonNode latest = lastAudit();
        assertThat(latest.properties()).hasSize(1);
        assertThat(latest.get("default comments").asText()).isEqualTo("closed → open");
    }

    @Test
    void theConfiguredNameIsStoredAsNoneSoThePaperFollowsTheConfigurationAgain() {
        store.save(ADMIN, courier(), CONFIGURED, NOW);
        store.save(ADMIN, form(CONFIGURED, "", "free", "open", "", "12"), CONFIGURED, NOW);

        assertThat(store.read()).isEqualTo(SiteSettings.DEFAULTS);
        String stored = TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT name FROM site_settings").mapTo(String.class).one());
        assertThat(stored).isNull();
        assertThat(store.read().nameOr("A Renamed Paper")).isEqualTo("A Renamed Paper");
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "name|''|The paper needs a name.",
        "name|A name far too long for any masthead, however wide the page is and however small the type is set, really|A name can have at most 80 characters.",
        "name|The\u0007Courier|A name is one line of text, without control characters.",
        "tagline|A tagline with\ta tab|A tagline is one line of text, without control characters.",
        "access|secret|Choose who may read new articles: free, registered or premium.",
        "comments|maybe|Choose the comments of new articles: open, premoderated, closed or off.",
        "requireTwoFactor|on|Tick the box, or leave it empty.",
        "idleHours|0|A whole number of hours from 1 to 168 (a week).",
        "idleHours|169|A whole number of hours from 1 to 168 (a week).",
        "idleHours|twelve|A whole number of hours from 1 to 168 (a week).",
        "idleHours|''|A whole number of hours from 1 to 168 (a week).",
        "idleHours|-3|A whole number of hours from 1 to 168 (a week).",
    })
    void aWrongFieldIsNamedAndNothingIsStored(String field, String value, String message) {
        store.save(ADMIN, courier(), CONFIGURED, NOW);
        SiteSettings before = store.read();
        var f = courier();
        var wrong = switch (field) {
            case "name" -> form(value, f.tagline(), f.access(), f.comments(), f.requireTwoFactor(), f.idleHours());
            case "tagline" -> form(f.name(), value, f.access(), f.comments(), f.requireTwoFactor(), f.idleHours());
            case "access" -> form(f.name(), f.tagline(), value, f.comments(), f.requireTwoFactor(), f.idleHours());
            case "comments" -> form(f.name(), f.tagline(), f.access(), value, f.requireTwoFactor(), f.idleHours());
            case "requireTwoFactor" -> form(f.name(), f.tagline(), f.access(), f.comments(), value, f.idleHours());
            default -> form("Another Paper", f.tagline(), "free", f.comments(), f.requireTwoFactor(), value);
        };

        var outcome = store.save(ADMIN, wrong, CONFIGURED, NOW.plusSeconds(60));

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Invalid.class);
        assertThat(((SettingsStore.Outcome.Invalid) outcome).problems()).containsExactly(Map.entry(field, message));
        assertThat(store.read()).as("nothing else was stored either").isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void aFormWithEveryFieldWrongNamesEachAndStoresNoRow() {
        var outcome = store.save(ADMIN, form(" ", "x".repeat(201), "", "", "maybe", "999"), CONFIGURED, NOW);

        assertThat(((SettingsStore.Outcome.Invalid) outcome).problems())
                .containsOnlyKeys("name", "tagline", "access", "comments", "requireTwoFactor", "idleHours");
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log")).isZero();
    }

    @Test
    void theDatabaseItselfRefusesWhatThePageWould() {
        for (String bad : new String[] {
            "INSERT INTO site_settings (session_idle_hours) VALUES (0)",
            "INSERT INTO site_settings (session_idle_hours) VALUES (169)",
            "INSERT INTO site_settings (default_access) VALUES ('secret')",
            "INSERT INTO site_settings (default_comments) VALUES ('maybe')",
            "INSERT INTO site_settings (name) VALUES ('')",
            "INSERT INTO site_settings (name) VALUES (' padded ')",
            "INSERT INTO site_settings (name) VALUES (E'two\\nlines')",
            "INSERT INTO site_settings (tagline) VALUES (repeat('x', 201))",
            "INSERT INTO site_settings (id) VALUES (false)",
        }) {
            assertThatThrownBy(() -> TestDatabase.jdbi().useHandle(h -> h.execute(bad))).as(bad).isNotNull();
        }
        TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO site_settings DEFAULT VALUES"));
        assertThatThrownBy(() -> TestDatabase.jdbi().useHandle(h -> h.execute("INSERT INTO site_settings DEFAULT VALUES")))
                .as("one row at most").isNotNull();
        assertThat(store.read()).isEqualTo(SiteSettings.DEFAULTS);
    }

    private static SettingsStore.Form readers(String preview, String anonymous, String registered, String gifts, String expiry, String cap) {
        return new SettingsStore.Form(CONFIGURED, "", "free", "open", "", "12",
                new SettingsStore.ReaderFields(preview, anonymous, registered, gifts, expiry, cap));
    }

    @Test
    void theReadersRulesAreStoredAndEachChangeAudited() {
        var outcome = store.save(ADMIN, readers("5", "1", "4", "3", "7", "25"), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Saved.class);
        assertThat(store.read().readers()).isEqualTo(new ReaderSettings(5, 1, 4, 3, 7, 25));
        JsonNode details = lastAudit();
        assertThat(details.get("preview paragraphs").asText()).isEqualTo("3 → 5");
        assertThat(details.get("anonymous meter").asText()).isEqualTo("0 → 1");
        assertThat(details.get("registered meter").asText()).isEqualTo("2 → 4");
        assertThat(details.get("gifts per month").asText()).isEqualTo("10 → 3");
        assertThat(details.get("gift expiry days").asText()).isEqualTo("14 → 7");
        assertThat(details.get("gift reader cap").asText()).isEqualTo("none → 25");

        store.save(ADMIN, readers("5", "1", "4", "3", "7", ""), CONFIGURED, NOW.plusSeconds(60));
        assertThat(store.read().readers().giftCapped()).isFalse();
        assertThat(lastAudit().get("gift reader cap").asText()).isEqualTo("25 → none");
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0, 2, 10, 14, '', previewParagraphs", "11, 0, 2, 10, 14, '', previewParagraphs",
            "3, -1, 2, 10, 14, '', anonymousMeter", "3, 51, 2, 10, 14, '', anonymousMeter",
            "3, 0, x, 10, 14, '', registeredMeter", "3, 0, 2, 101, 14, '', giftsPerMonth",
            "3, 0, 2, 10, 0, '', giftExpiryDays", "3, 0, 2, 10, 366, '', giftExpiryDays",
            "3, 0, 2, 10, 14, 0, giftCap", "3, 0, 2, 10, 14, 10001, giftCap", "3, 0, 2, 10, 14, 2.5, giftCap"})
    void aReadersRuleOutsideItsLimitsIsRefusedAndNothingStored(String preview, String anonymous, String registered, String gifts,
                                                              String expiry, String cap, String field) {
        var outcome = store.save(ADMIN, readers(preview, anonymous, registered, gifts, expiry, cap), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Invalid.class);
        assertThat(((SettingsStore.Outcome.Invalid) outcome).problems()).containsOnlyKeys(field);
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
    }

    private static SettingsStore.Form comments(String who, String close, String edit, String wait, String hour, String links, String first,
                                               String all, String deletion) {
        return new SettingsStore.Form(CONFIGURED, "", "free", "open", "", "12", null,
                new SettingsStore.CommentFields(who, close, edit, wait, hour, links, first, all, deletion));
    }

    @Test
    void theCommentRulesAreStoredAndEachChangeAudited() {
        var outcome = store.save(ADMIN, comments("readers", "0", "60", "3600", "1000", "100", "100", "yes", "remove"), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Saved.class);
        assertThat(store.read().comments()).isEqualTo(new CommentSettings(CommentSettings.Who.READERS, 0, 60, 3600, 1000, 100, 100, true,
                CommentSettings.OnDeletion.REMOVE));
        JsonNode details = lastAudit();
        assertThat(details.get("who may comment").asText()).isEqualTo("subscribers → readers");
        assertThat(details.get("comments close after days").asText()).isEqualTo("7 → 0");
        assertThat(details.get("comment edit minutes").asText()).isEqualTo("5 → 60");
        assertThat(details.get("seconds between comments").asText()).isEqualTo("10 → 3600");
        assertThat(details.get("comments per hour").asText()).isEqualTo("30 → 1000");
        assertThat(details.get("approved comments before links").asText()).isEqualTo("3 → 100");
        assertThat(details.get("first comments premoderated").asText()).isEqualTo("1 → 100");
        assertThat(details.get("all comments premoderated").asText()).isEqualTo("no → yes");
        assertThat(details.get("comments of deleted accounts").asText()).isEqualTo("anonymise → remove");
        assertThat(SettingsStore.Form.of(store.read(), CONFIGURED).commentRules())
                .isEqualTo(new SettingsStore.CommentFields("readers", "0", "60", "3600", "1000", "100", "100", "yes", "remove"));
    }

    @ParameterizedTest
    @CsvSource({
            "anyone, 7, 5, 10, 30, 3, 1, '', anonymise, commentsWho",
            "readers, -1, 5, 10, 30, 3, 1, '', anonymise, commentsCloseDays",
            "readers, 3651, 5, 10, 30, 3, 1, '', anonymise, commentsCloseDays",
            "readers, 7, 61, 10, 30, 3, 1, '', anonymise, commentsEditMinutes",
            "readers, 7, 5, 3601, 30, 3, 1, '', anonymise, commentsMinSeconds",
            "readers, 7, 5, 10, 0, 3, 1, '', anonymise, commentsPerHour",
            "readers, 7, 5, 10, 1001, 3, 1, '', anonymise, commentsPerHour",
            "readers, 7, 5, 10, 30, 101, 1, '', anonymise, commentsLinksAfter",
            "readers, 7, 5, 10, 30, 3, 101, '', anonymise, commentsPremoderateFirst",
            "readers, 7, 5, 10, 30, 3, x, '', anonymise, commentsPremoderateFirst",
            "readers, 7, 5, 10, 30, 3, 1, on, anonymise, commentsPremoderateAll",
            "readers, 7, 5, 10, 30, 3, 1, '', forget, commentsOnDeletion"})
    void aCommentRuleOutsideItsLimitsIsRefusedAndNothingStored(String who, String close, String edit, String wait, String hour,
                                                              String links, String first, String all, String deletion, String field) {
        var outcome = store.save(ADMIN, comments(who, close, edit, wait, hour, links, first, all, deletion), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Invalid.class);
        assertThat(((SettingsStore.Outcome.Invalid) outcome).problems()).containsOnlyKeys(field);
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
    }

    private static SettingsStore.Form search(String recency, String halfLife) {
        return new SettingsStore.Form(CONFIGURED, "", "free", "open", "", "12", null, null, null, recency, halfLife);
    }

    @Test
    void theSearchTuningIsStoredAndEachChangeAudited() {
        assertThat(store.read().search()).isEqualTo(new Tuning(50, 30));

        var outcome = store.save(ADMIN, search("0", "365"), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Saved.class);
        assertThat(store.read().search()).isEqualTo(new Tuning(0, 365));
        JsonNode details = lastAudit();
        assertThat(details.get("search recency lift percent").asText()).isEqualTo("50 → 0");
        assertThat(details.get("search recency half-life days").asText()).isEqualTo("30 → 365");
        assertThat(SettingsStore.Form.of(store.read(), CONFIGURED).searchRecency()).isEqualTo("0");
    }

    @ParameterizedTest
    @CsvSource({"-1, 30, searchRecency", "1001, 30, searchRecency", "lots, 30, searchRecency", "50, 0, searchHalfLife",
            "50, 3651, searchHalfLife", "50, 2.5, searchHalfLife"})
    void aSearchTuningOutsideItsLimitsIsRefusedAndNothingStored(String recency, String halfLife, String field) {
        var outcome = store.save(ADMIN, search(recency, halfLife), CONFIGURED, NOW);

        assertThat(outcome).isInstanceOf(SettingsStore.Outcome.Invalid.class);
        assertThat(((SettingsStore.Outcome.Invalid) outcome).problems()).containsOnlyKeys(field);
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
    }

    @Test
    void theDatabaseRefusesASearchTuningOutsideItsLimits() {
        for (String bad : new String[] {
            "INSERT INTO site_settings (search_recency_percent) VALUES (-1)",
            "INSERT INTO site_settings (search_recency_percent) VALUES (1001)",
            "INSERT INTO site_settings (search_recency_half_life_days) VALUES (0)",
            "INSERT INTO site_settings (search_recency_half_life_days) VALUES (3651)",
        }) {
            assertThatThrownBy(() -> TestDatabase.jdbi().useHandle(h -> h.execute(bad))).as(bad).isNotNull();
        }
    }

    private static JsonNode lastAudit() {
        String json = TestDatabase.jdbi().withHandle(h -> h.createQuery("""
                        SELECT details::text FROM audit_log WHERE action = 'settings changed' ORDER BY id DESC LIMIT 1""")
                .mapTo(String.class).one());
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
