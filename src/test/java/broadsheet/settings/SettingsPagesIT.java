package broadsheet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.Config;
import broadsheet.shared.StaffRole;
import broadsheet.account.TwoFactor;
import broadsheet.api.admin.AdminApiClient;
import broadsheet.section.SectionStore;
import broadsheet.testing.Fixtures;
import broadsheet.testing.Html;
import broadsheet.testing.Newsroom;
import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The settings page over the real server, with the page cache on as in production: only admins may use it,
 * its form needs its token, wrong fields are shown beside themselves with nothing stored, and each setting
 * visibly takes effect at once: the paper's name and tagline on the public site and in the newsroom, the
 * defaults of new articles in the editor and the Admin API, the two-factor requirement, and the idle timeout.
 */
@ExtendWith(TestDatabase.class)
class SettingsPagesIT {
    @RegisterExtension
    static final TestApp app = new TestApp().with(Config.PAGE_CACHE_MB.key(), "16");
    private static final TwoFactor TOTP = new TwoFactor();
    private static final String ARTICLE = "/world-news/2025/12/07/harbour-talks-resume/";

    @BeforeEach
    void freshSettings() {
        // the previous test's rows are gone; this instance must not hold on to its settings or pages
        app.clock().set(TestApp.NOW);
        app.app().contentChanged();
    }

    /** The settings form; the checkbox is sent only when ticked, as a browser does. */
    private static Map<String, String> form(String name, String tagline, String access, String comments, boolean twoFactor, String hours) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("tagline", tagline);
        f.put("access", access);
        f.put("comments", comments);
        if (twoFactor) f.put("requireTwoFactor", "yes");
        f.put("idleHours", hours);
        f.putAll(READERS_AS_DEFAULT);
        f.putAll(COMMENTS_AS_DEFAULT);
        f.put("feedsFullText", "yes");
        return f;
    }

    /** The paywall's fields as they are until changed. */
    private static final Map<String, String> READERS_AS_DEFAULT = Map.of("previewParagraphs", "3", "anonymousMeter", "0",
            "registeredMeter", "2", "giftsPerMonth", "10", "giftExpiryDays", "14", "giftCap", "");

    /** The comment rules' fields as they are until changed (the premoderate-all box unticked, so not sent). */
    private static final Map<String, String> COMMENTS_AS_DEFAULT = Map.of("commentsWho", "subscribers", "commentsCloseDays", "7",
            "commentsEditMinutes", "5", "commentsMinSeconds", "10", "commentsPerHour", "30", "commentsLinksAfter", "3",
            "commentsPremoderateFirst", "1", "commentsOnDeletion", "anonymise");

    private static HttpResponse<String> save(Newsroom.Client admin, Map<String, String> form) {
        return admin.submit("/newsroom/settings", "/newsroom/settings", form);
    }

    @Test
    void onlyAdminsMayUseTheSettingsPage() {
        var anonymous = app.get("/newsroom/settings");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/newsroom/login?next=%2Fnewsroom%2Fsettings");

        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        assertThat(editor.get("/newsroom/settings").statusCode()).isEqualTo(403);
        var posted = editor.submit("/newsroom/", "/newsroom/settings", form("An Editor's Paper", "", "free", "open", false, "12"));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("This needs the admin role");
        assertThat(Html.parse(editor.get("/newsroom/")).select("a[href=/newsroom/settings]")).isEmpty();

        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var page = admin.get("/newsroom/settings");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        Document doc = Html.parse(page);
        assertThat(doc.select("h1").text()).isEqualTo("Settings");
        assertThat(doc.select("nav a[href=/newsroom/settings]").attr("aria-current")).isEqualTo("page");
        assertThat(doc.select("#name").val()).isEqualTo("The Broadsheet");
        assertThat(doc.select("#tagline").val()).isEmpty();
        assertThat(doc.select("#access option[selected]").val()).isEqualTo("free");
        assertThat(doc.select("#comments option[selected]").val()).isEqualTo("open");
        assertThat(doc.select("#requireTwoFactor").hasAttr("checked")).isFalse();
        assertThat(doc.select("#idleHours").val()).isEqualTo("12");
        assertThat(count("SELECT count(*) FROM site_settings")).as("nothing stored by anyone").isZero();
    }

    @Test
    void aSaveWithoutTheFormsTokenIsRefusedAndChangesNothing() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var r = admin.post("/newsroom/settings", form("A Forged Paper", "", "free", "open", true, "168"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("nothing was saved");
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed'")).isZero();
        assertThat(Html.parse(app.get("/")).select(".paper-name").text()).isEqualTo("The Broadsheet");
    }

    @Test
    void theSiteAndTheNewsroomShowTheNewNameAndTaglineAtOnceThoughPagesAreCached() {
        app.fixtures().store(TestApp.NOW, Fixtures.story("Harbour talks resume").build());
        app.app().contentChanged();
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        assertThat(Html.parse(app.get("/")).title()).isEqualTo("The Broadsheet");
        assertThat(Html.parse(app.get(ARTICLE)).title()).isEqualTo("Harbour talks resume | The Broadsheet");

        var saved = save(admin, form("The Northmere Courier", "News from the valley since 1871", "free", "open", false, "12"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");

        Document home = Html.parse(app.get("/"));
        assertThat(home.title()).isEqualTo("The Northmere Courier");
        assertThat(home.select("h1.paper-name").text()).isEqualTo("The Northmere Courier");
        assertThat(home.select(".paper-tagline").text()).isEqualTo("News from the valley since 1871");
        assertThat(home.select(".colophon").text()).matches("© \\d{4} The Northmere Courier\\. Published with Broadsheet\\.");
        assertThat(home.select("meta[name=description]").attr("content")).isEqualTo("News from the valley since 1871");
        assertThat(home.select("meta[property=og:description]").attr("content")).isEqualTo("News from the valley since 1871");
        assertThat(home.select("meta[property=og:site_name]").attr("content")).isEqualTo("The Northmere Courier");
        JsonNode site = Html.jsonLd(home).get(0);
        assertThat(site.path("name").asText()).isEqualTo("The Northmere Courier");
        assertThat(site.path("description").asText()).isEqualTo("News from the valley since 1871");
        assertThat(site.path("publisher").path("name").asText()).isEqualTo("The Northmere Courier");

        Document article = Html.parse(app.get(ARTICLE));
        assertThat(article.title()).isEqualTo("Harbour talks resume | The Northmere Courier");
        assertThat(article.select("p.paper-name").text()).isEqualTo("The Northmere Courier");
        assertThat(article.select(".paper-tagline")).as("the tagline is the home page's").isEmpty();
        assertThat(article.select("meta[property=og:site_name]").attr("content")).isEqualTo("The Northmere Courier");
        assertThat(Html.graphNode(Html.jsonLd(article).get(0), "NewsArticle").path("publisher").path("name").asText())
                .isEqualTo("The Northmere Courier");

        Document newsroom = Html.parse(admin.get("/newsroom/settings?notice=saved"));
        assertThat(newsroom.title()).isEqualTo("Settings · Newsroom · The Northmere Courier");
        assertThat(newsroom.select(".nr-brand a").text()).isEqualTo("The Northmere Courier Newsroom");
        assertThat(newsroom.select(".nr-notice").text()).startsWith("Saved.");
        assertThat(newsroom.select("#name").val()).isEqualTo("The Northmere Courier");
        assertThat(newsroom.select("#tagline").val()).isEqualTo("News from the valley since 1871");
        assertThat(Html.parse(app.get("/newsroom/login")).title()).endsWith("The Northmere Courier");
        assertThat(Html.parse(admin.get("/newsroom/audit/")).text()).contains("settings changed")
                .contains("name: \"The Broadsheet\" (configured) → \"The Northmere Courier\"")
                .contains("tagline: (none) → \"News from the valley since 1871\"");

        // the configured name again: the paper follows the configuration, and the tagline can go
        save(admin, form("The Broadsheet", "", "free", "open", false, "12"));
        Document back = Html.parse(app.get("/"));
        assertThat(back.title()).isEqualTo("The Broadsheet");
        assertThat(back.select(".paper-tagline")).isEmpty();
        assertThat(back.select("meta[name=description]").attr("content")).isEqualTo("The Broadsheet: news, analysis and opinion.");
        assertThat(Html.parse(app.get(ARTICLE)).title()).isEqualTo("Harbour talks resume | The Broadsheet");
        assertThat(count("SELECT count(*) FROM site_settings WHERE name IS NULL")).isEqualTo(1);
    }

    @Test
    void wrongFieldsAreMarkedBesideThemselvesAndNothingIsStored() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var r = save(admin, form("", "Kept as typed", "secret", "open", false, "0"));

        assertThat(r.statusCode()).isEqualTo(400);
        Document page = Html.parse(r);
        assertThat(page.select("[role=alert]").text()).startsWith("Nothing was saved");
        assertThat(page.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#name").attr("aria-describedby")).contains("name-error");
        assertThat(page.select("#name-error").text()).isEqualTo("The paper needs a name.");
        assertThat(page.select("#access-error").text()).isEqualTo("Choose who may read new articles: free, registered or premium.");
        assertThat(page.select("#idleHours").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#idleHours-error").text()).isEqualTo("A whole number of hours from 1 to 168 (a week).");
        assertThat(page.select("#tagline").attr("aria-invalid")).isEmpty();
        assertThat(page.select("#tagline").val()).isEqualTo("Kept as typed");
        assertThat(page.select("#comments-error")).isEmpty();

        var control = save(admin, form("The\u0007Courier", "", "free", "open", false, "12"));
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(Html.parse(control).select("#name-error").text()).isEqualTo("A name is one line of text, without control characters.");

        assertThat(count("SELECT count(*) FROM site_settings")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed'")).isZero();
        assertThat(Html.parse(app.get("/")).title()).isEqualTo("The Broadsheet");
    }

    @Test
    void theReadersRulesAreSetHereWithTheirProblemsBesideThemAndTakeEffectAtOnce() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        Map<String, String> wrong = form("The Broadsheet", "", "free", "open", false, "12");
        wrong.put("previewParagraphs", "0");
        wrong.put("giftCap", "lots");

        var refused = save(admin, wrong);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Html.parse(refused);
        assertThat(page.select("#previewParagraphs").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#previewParagraphs-error").text()).isEqualTo("A whole number from 1 to 10 paragraphs.");
        assertThat(page.select("#giftCap-error").text()).isEqualTo("A whole number from 1 to 10000 readers, or leave it empty for no cap.");
        assertThat(page.select("#giftCap").val()).isEqualTo("lots");
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();

        Map<String, String> right = form("The Broadsheet", "", "free", "open", false, "12");
        right.put("previewParagraphs", "1");
        right.put("giftsPerMonth", "5");
        var saved = save(admin, right);

        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");
        Document again = Html.parse(admin.get("/newsroom/settings"));
        assertThat(again.select("#previewParagraphs").val()).isEqualTo("1");
        assertThat(again.select("#giftsPerMonth").val()).isEqualTo("5");
        assertThat(again.select("#giftCap").val()).isEmpty();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed' AND details->>'preview paragraphs' = '3 → 1'"))
                .isEqualTo(1);
    }

    @Test
    void theSearchTuningIsSetHereWithItsProblemsBesideIt() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        Document shown = Html.parse(admin.get("/newsroom/settings"));
        assertThat(shown.select("#searchRecency").val()).isEqualTo("50");
        assertThat(shown.select("#searchHalfLife").val()).isEqualTo("30");
        Map<String, String> wrong = form("The Broadsheet", "", "free", "open", false, "12");
        wrong.put("searchRecency", "1001");
        wrong.put("searchHalfLife", "0");

        var refused = save(admin, wrong);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Html.parse(refused);
        assertThat(page.select("#searchRecency").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#searchRecency-error").text()).isEqualTo("A whole number from 0 to 1000 percent.");
        assertThat(page.select("#searchHalfLife-error").text()).isEqualTo("A whole number from 1 to 3650 days.");
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();

        Map<String, String> right = form("The Broadsheet", "", "free", "open", false, "12");
        right.put("searchRecency", "200");
        right.put("searchHalfLife", "7");
        assertThat(save(admin, right).headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");
        Document again = Html.parse(admin.get("/newsroom/settings"));
        assertThat(again.select("#searchRecency").val()).isEqualTo("200");
        assertThat(again.select("#searchHalfLife").val()).isEqualTo("7");
    }

    @Test
    void theCommentRulesAreSetHereWithTheirProblemsBesideThemAndTakeEffectAtOnce() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        Document shown = Html.parse(admin.get("/newsroom/settings"));
        COMMENTS_AS_DEFAULT.forEach((field, value) -> assertThat(shown.select("#" + field + ":not(select), #" + field + " option[selected]").val())
                .as(field).isEqualTo(value));
        assertThat(shown.select("#commentsPremoderateAll").hasAttr("checked")).isFalse();

        Map<String, String> wrong = form("The Broadsheet", "", "free", "open", false, "12");
        wrong.put("commentsPerHour", "0");
        wrong.put("commentsWho", "everyone");
        wrong.put("commentsPremoderateAll", "maybe");
        var refused = save(admin, wrong);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Html.parse(refused);
        assertThat(page.select("#commentsPerHour").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#commentsPerHour-error").text()).isEqualTo("A whole number from 1 to 1000 comments.");
        assertThat(page.select("#commentsWho-error").text()).isEqualTo("Choose who may comment: signed-in readers or subscribers.");
        assertThat(page.select("#commentsPremoderateAll-error").text()).isEqualTo("Tick the box, or leave it empty.");
        assertThat(page.select("#commentsPerHour").val()).isEqualTo("0");
        assertThat(count("SELECT count(*) FROM site_settings")).isZero();

        Map<String, String> right = form("The Broadsheet", "", "free", "open", false, "12");
        right.put("commentsWho", "readers");
        right.put("commentsMinSeconds", "0");
        right.put("commentsPremoderateAll", "yes");
        right.put("commentsOnDeletion", "remove");
        var saved = save(admin, right);

        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");
        Document again = Html.parse(admin.get("/newsroom/settings"));
        assertThat(again.select("#commentsWho option[selected]").val()).isEqualTo("readers");
        assertThat(again.select("#commentsMinSeconds").val()).isEqualTo("0");
        assertThat(again.select("#commentsPremoderateAll").hasAttr("checked")).isTrue();
        assertThat(again.select("#commentsOnDeletion option[selected]").val()).isEqualTo("remove");
        assertThat(count("SELECT count(*) FROM site_settings WHERE comments_who = 'readers' AND comments_min_seconds = 0"
                + " AND comments_premoderate_all AND comments_on_deletion = 'remove'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed' AND details->>'who may comment' = 'subscribers → readers'"
                + " AND details->>'all comments premoderated' = 'no → yes'")).isEqualTo(1);
    }

    @Test
    void savingTheSettingsAsTheyAreChangesAndRecordsNothing() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var r = save(admin, form("The Broadsheet", "", "free", "open", false, "12"));

        assertThat(r.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=unchanged");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed'")).isZero();
    }

    @Test
    void newArticlesStartWithThePapersDefaultsInTheEditorAndTheAdminApi() {
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        Document before = Html.parse(editor.get("/newsroom/articles/new"));
        assertThat(before.select("#access option[selected]").val()).isEqualTo("free");
        assertThat(before.select("#comments option[selected]").val()).isEqualTo("open");

        save(admin, form("The Broadsheet", "", "premium", "premoderated", false, "12"));

        Document blank = Html.parse(editor.get("/newsroom/articles/new"));
        assertThat(blank.select("#access option[selected]").val()).isEqualTo("premium");
        assertThat(blank.select("#comments option[selected]").val()).isEqualTo("premoderated");
        long fromForm = created(editor.submit("/newsroom/articles/new", "/newsroom/articles", article("Budget talks begin", null)));
        long chosen = created(editor.submit("/newsroom/articles/new", "/newsroom/articles", article("Budget talks end", "free")));
        assertThat(accessAndComments(fromForm)).isEqualTo("premium premoderated");
        assertThat(accessAndComments(chosen)).isEqualTo("free premoderated");

        var api = AdminApiClient.withRole(app, StaffRole.EDITOR);
        var leftOut = api.post("/articles", Map.of("headline", "Ferry strike called off", "section", "world-news", "body", "Crossings resume."));
        assertThat(leftOut.status()).isEqualTo(201);
        JsonNode viaApi = leftOut.json();
        assertThat(viaApi.path("access").asText()).isEqualTo("premium");
        assertThat(viaApi.path("comments").asText()).isEqualTo("premoderated");
        assertThat(accessAndComments(viaApi.path("id").asLong())).isEqualTo("premium premoderated");
        var chosenViaApi = api.post("/articles", Map.of("headline", "Ferry strike ends", "section", "world-news", "access", "registered", "comments", "off"));
        assertThat(chosenViaApi.status()).isEqualTo(201);
        JsonNode given = chosenViaApi.json();
        assertThat(accessAndComments(given.path("id").asLong())).isEqualTo("registered off");
        assertThat(accessAndComments(fromForm)).as("an existing article keeps its own").isEqualTo("premium premoderated");
    }

    @Test
    void requiringTwoFactorSendsEditorsAndAdminsWithoutItToSetItUpAndLetsThemInOnceDone() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        var contributor = Newsroom.signedIn(app, StaffRole.CONTRIBUTOR);
        Document settings = Html.parse(admin.get("/newsroom/settings"));
        assertThat(settings.select("#two-factor-own").text()).startsWith("You do not have two-factor sign-in yourself.");
        assertThat(settings.select("#requireTwoFactor").attr("aria-describedby")).contains("two-factor-own");

        var saved = save(admin, form("The Broadsheet", "", "free", "open", true, "12"));
        assertThat(saved.headers().firstValue("Location")).hasValue("/newsroom/settings?notice=saved");
        assertThat(count("SELECT count(*) FROM site_settings WHERE require_two_factor")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'settings changed'")).isEqualTo(1);
        // the admin who turned it on is sent to set it up too, and the settings page waits for that
        assertSentToSetUp(admin.get("/newsroom/settings"));

        // an editor signed in before: every page sends them to set it up, every form is refused
        for (String page : new String[] {"/newsroom/", "/newsroom/articles/new", "/newsroom/media/", "/newsroom/sections/"}) {
            assertSentToSetUp(editor.get(page));
        }
        TestDatabase.jdbi().useHandle(h -> SectionStore.ensure(h, "world-news", "World news", ""));
        var refused = editor.submit("/newsroom/account", "/newsroom/articles", article("Written before enrolling", null));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("requires two-factor sign-in");
        assertThat(count("SELECT count(*) FROM articles")).isZero();
        assertThat(Html.parse(editor.get("/newsroom/account")).select("[role=alert]").text())
                .startsWith("This newsroom requires two-factor sign-in for editors and admins.");
        var password = editor.submit("/newsroom/account", "/newsroom/account/password",
                Map.of("current", Newsroom.PASSWORD, "password", "a new passphrase for winter", "again", "a new passphrase for winter"));
        assertThat(password.headers().firstValue("Location")).as("their own account stays open").hasValue("/newsroom/account?notice=password");
        assertSentToSetUp(editor.get("/newsroom/"));
        // contributors are not asked
        assertThat(contributor.get("/newsroom/").statusCode()).isEqualTo(200);

        // an editor signing in now is sent straight on to set it up; signing out still works
        Newsroom.staff(StaffRole.EDITOR, "eddie@test.example", "Eddie Editor");
        var eddie = Newsroom.signIn(app, "eddie@test.example", Newsroom.PASSWORD);
        assertSentToSetUp(eddie.get("/newsroom/"));
        var out = eddie.submit("/newsroom/account", "/newsroom/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/newsroom/login");
        assertThat(eddie.get("/newsroom/account").headers().firstValue("Location").orElse("")).startsWith("/newsroom/login");

        // the setup page starts the enrolment itself; once confirmed, the newsroom opens
        var setup = editor.get("/newsroom/account/two-factor");
        assertThat(setup.statusCode()).isEqualTo(200);
        Document enrol = Html.parse(setup);
        assertThat(enrol.select("[role=status]").text()).startsWith("This newsroom requires two-factor sign-in");
        assertThat(enrol.select("main a[href=/newsroom/account]")).as("no \"not now\"").isEmpty();
        String secret = enrol.select("#secret").text().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Html.parse(editor.get("/newsroom/account/two-factor")).select("#secret").text().replace(" ", ""))
                .as("the same enrolment while it is pending").isEqualTo(secret);
        var on = editor.submit("/newsroom/account/two-factor", "/newsroom/account/two-factor/confirm",
                Map.of("code", TOTP.code(secret, TestApp.NOW)));
        assertThat(on.headers().firstValue("Location")).hasValue("/newsroom/account?notice=two-factor-on");
        assertThat(editor.get("/newsroom/").statusCode()).isEqualTo(200);
        assertThat(editor.submit("/newsroom/articles/new", "/newsroom/articles", article("Written after enrolling", null)).statusCode())
                .isEqualTo(303);

        // the admin enrols the same way and can turn the requirement off again
        String adminSecret = Html.parse(admin.get("/newsroom/account/two-factor")).select("#secret").text().replace(" ", "");
        admin.submit("/newsroom/account/two-factor", "/newsroom/account/two-factor/confirm", Map.of("code", TOTP.code(adminSecret, TestApp.NOW)));
        Document after = Html.parse(admin.get("/newsroom/settings"));
        assertThat(after.select("#requireTwoFactor").hasAttr("checked")).isTrue();
        assertThat(after.select("#two-factor-own")).isEmpty();
        save(admin, form("The Broadsheet", "", "free", "open", false, "12"));
        Newsroom.staff(StaffRole.EDITOR, "edna@test.example", "Edna Editor");
        assertThat(Newsroom.signIn(app, "edna@test.example", Newsroom.PASSWORD).get("/newsroom/").statusCode()).isEqualTo(200);
    }

    @Test
    void theIdleTimeoutSetHereAppliesToSessionsAlreadyOpen() {
        var admin = Newsroom.signedIn(app, StaffRole.ADMIN);
        var editor = Newsroom.signedIn(app, StaffRole.EDITOR);
        app.clock().advance(Duration.ofHours(2));
        assertThat(editor.get("/newsroom/").statusCode()).as("12 hours by default").isEqualTo(200);

        var saved = save(admin, form("The Broadsheet", "", "free", "open", false, "1"));
        assertThat(saved.statusCode()).isEqualTo(303);
        app.clock().advance(Duration.ofMinutes(50));
        assertThat(editor.get("/newsroom/").statusCode()).as("used 50 minutes ago").isEqualTo(200);

        app.clock().advance(Duration.ofMinutes(61));
        var ended = editor.get("/newsroom/");
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.headers().firstValue("Location").orElse("")).startsWith("/newsroom/login");
        assertThat(count("SELECT count(*) FROM sessions s JOIN staff p ON p.id = s.staff_id WHERE p.role = 'editor'"))
                .as("the ended session is gone").isZero();
        assertThat(admin.get("/newsroom/settings").statusCode()).as("unused for 111 minutes").isEqualTo(303);
    }

    private static void assertSentToSetUp(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri().getPath()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).as(r.uri().getPath()).hasValue("/newsroom/account/two-factor");
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    /** The editor's new-article form; {@code access} null leaves the field out. */
    private static Map<String, String> article(String headline, String access) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("headline", headline);
        f.put("standfirst", "A standfirst");
        f.put("section", "world-news");
        f.put("bylines", "Editor Person");
        f.put("body", "A paragraph.");
        if (access != null) f.put("access", access);
        return f;
    }

    private static long created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    private static String accessAndComments(long id) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery("SELECT access || ' ' || comment_policy FROM articles WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private static long count(String sql) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
