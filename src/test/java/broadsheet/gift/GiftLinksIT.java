package broadsheet.gift;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.shared.AuditLog;
import broadsheet.subscription.Paywall.GiftProblem;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestClock;
import broadsheet.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gift links on the real database: the quota and its monthly rollover (a fixed clock), giving the same article again,
 * expiry, the cap on distinct readers (also with readers at the cap at once), revoking by the giver and by an admin,
 * and the counts "My gifts" shows.
 */
@ExtendWith(TestDatabase.class)
class GiftLinksIT {
    /** 15:00 on 7 December in London. */
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Jdbi jdbi = TestDatabase.jdbi();
    private final Fixtures fixtures = new Fixtures(TestDatabase.tempDir("gifts-"));
    private final TestClock clock = new TestClock(NOW);
    private final Set<Long> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<GiftRules> rules = new AtomicReference<>(new GiftRules(3, 14, 0));
    private final GiftLinks links = new GiftLinks(jdbi, rules::get, (reader, now) -> subscribers.contains(reader), LONDON);
    private long ann;
    private List<Long> premium;

    @BeforeEach
    void aSubscriberAndFivePremiumArticles() {
        ann = reader("ann@example.com", "Ann Giver");
        subscribers.add(ann);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            fixtures.store(NOW, story("Premium story " + i).slug("premium-" + i).access(AccessLevel.PREMIUM).build());
            ids.add(idOf("premium-" + i));
        }
        premium = ids;
        fixtures.store(NOW, story("Free story").slug("free").access(AccessLevel.FREE).build());
    }

    @Test
    void aGiftIsARandomUrlSafeTokenOfAtLeast128BitsThatEncodesNothing() {
        Gift g = link(links.give(ann, premium.get(0), NOW));
        Gift other = link(links.give(ann, premium.get(1), NOW));

        assertThat(g.token()).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(other.token());
        assertThat(g.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(links.open(g.token(), GiftLinks.visitorKey("visitor-1"), NOW)).isInstanceOf(GiftLinks.Opened.Valid.class);
    }

    @Test
    void givingTheSameArticleAgainReturnsTheSameLinkAndUsesNoQuota() {
        var first = links.give(ann, premium.get(0), NOW);
        var again = links.give(ann, premium.get(0), NOW.plusSeconds(60));

        assertThat(((GiftLinks.Made.Link) first).fresh()).isTrue();
        assertThat(((GiftLinks.Made.Link) again).fresh()).isFalse();
        assertThat(link(again).token()).isEqualTo(link(first).token());
        assertThat(links.left(ann, NOW)).isEqualTo(2);
    }

    @Test
    void theQuotaCountsNewGiftsInACalendarMonthOfThePapersZoneAndRollsOver() {
        for (int i = 0; i < 3; i++) link(links.give(ann, premium.get(i), NOW));
        assertThat(links.left(ann, NOW)).isZero();
        assertThat(links.give(ann, premium.get(3), NOW)).isEqualTo(new GiftLinks.Made.QuotaUsed(3));
        // the article given already is still given, and the refusal made nothing
        assertThat(link(links.give(ann, premium.get(0), NOW)).articleId()).isEqualTo(premium.get(0));
        assertThat(count("SELECT count(*) FROM gifts")).isEqualTo(3);

        // 23:30 on 31 December in London is still December; midnight is January
        clock.set(Instant.parse("2025-12-31T23:30:00Z"));
        assertThat(links.give(ann, premium.get(3), clock.instant())).isInstanceOf(GiftLinks.Made.QuotaUsed.class);
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(links.left(ann, clock.instant())).isEqualTo(3);
        assertThat(((GiftLinks.Made.Link) links.give(ann, premium.get(3), clock.instant())).fresh()).isTrue();
        assertThat(links.left(ann, clock.instant())).isEqualTo(2);
    }

    @Test
    void onlySubscribersGiveAndOnlyPublishedPremiumArticles() {
        long bob = reader("bob@example.com", "Bob");

        assertThat(links.give(bob, premium.get(0), NOW)).isInstanceOf(GiftLinks.Made.NotAllowed.class);
        assertThat(links.give(ann, idOf("free"), NOW)).isInstanceOf(GiftLinks.Made.NotAllowed.class);
        assertThat(links.give(ann, 999_999, NOW)).isInstanceOf(GiftLinks.Made.NotAllowed.class);
        assertThat(count("SELECT count(*) FROM gifts")).isZero();
    }

    @Test
    void aLinkExpiresAndAnExpiredOneIsGivenAfreshUsingQuota() {
        Gift g = link(links.give(ann, premium.get(0), NOW));

        assertThat(links.open(g.token(), GiftLinks.visitorKey("v"), NOW.plus(Duration.ofDays(14)).minusSeconds(1)))
                .isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(links.open(g.token(), GiftLinks.visitorKey("v"), NOW.plus(Duration.ofDays(14))))
                .isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.EXPIRED, premium.get(0)));

        var renewed = links.give(ann, premium.get(0), NOW.plus(Duration.ofDays(15)));
        assertThat(((GiftLinks.Made.Link) renewed).fresh()).isTrue();
        assertThat(link(renewed).token()).isNotEqualTo(g.token());
    }

    @Test
    void theCapCountsDistinctReadersAndLetsThoseAlreadyInBackIn() {
        rules.set(new GiftRules(3, 14, 2));
        Gift g = link(links.give(ann, premium.get(0), NOW));
        long carol = reader("carol@example.com", "Carol");

        assertThat(links.open(g.token(), GiftLinks.visitorKey("first"), NOW)).isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(links.open(g.token(), GiftLinks.readerKey(carol), NOW)).isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(links.open(g.token(), GiftLinks.visitorKey("first"), NOW)).isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(links.open(g.token(), GiftLinks.readerKey(ann), NOW)).as("the giver is no reader of their own gift")
                .isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(links.open(g.token(), GiftLinks.visitorKey("third"), NOW))
                .isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.CAPPED, premium.get(0)));
        assertThat(count("SELECT count(*) FROM gift_readers")).isEqualTo(2);
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT reader_key FROM gift_readers WHERE reader_key LIKE 'a:%'")
                .mapTo(String.class).one());
        assertThat(stored).as("only a hash of the visitor's cookie").matches("a:[0-9a-f]{64}").doesNotContain("first");
    }

    @Test
    void atTheCapTwoReadersAtOnceLetExactlyTheCapIn() throws Exception {
        rules.set(new GiftRules(3, 14, 1));
        Gift g = link(links.give(ann, premium.get(0), NOW));
        List<GiftLinks.Opened> results = openAtOnce(g, List.of("one", "two"));

        assertThat(results).filteredOn(o -> o instanceof GiftLinks.Opened.Valid).hasSize(1);
        assertThat(results).filteredOn(o -> o.equals(new GiftLinks.Opened.Refused(GiftProblem.CAPPED, premium.get(0)))).hasSize(1);
        assertThat(count("SELECT count(*) FROM gift_readers")).isEqualTo(1);
    }

    @Test
    void withoutACapReadersOpeningAtOnceAreEachNotedOnce() throws Exception {
        Gift g = link(links.give(ann, premium.get(0), NOW));
        List<GiftLinks.Opened> results = openAtOnce(g, List.of("same", "same", "same", "other-1", "other-2", "other-3"));

        assertThat(results).allMatch(o -> o.equals(new GiftLinks.Opened.Valid(g, "Ann")));
        assertThat(links.open(g.token(), GiftLinks.readerKey(ann), NOW)).as("the giver").isInstanceOf(GiftLinks.Opened.Valid.class);
        assertThat(count("SELECT count(*) FROM gift_readers")).isEqualTo(4);
        assertThat(links.of(ann, NOW).get(0).readers()).isEqualTo(4);
    }

    /** Each visitor opens the link on a thread of its own, all let go at the same moment; the outcomes in that order. */
    private List<GiftLinks.Opened> openAtOnce(Gift g, List<String> visitors) throws Exception {
        CountDownLatch ready = new CountDownLatch(visitors.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(visitors.size())) {
            List<Future<GiftLinks.Opened>> opened = new ArrayList<>();
            for (String visitor : visitors) {
                opened.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return links.open(g.token(), GiftLinks.visitorKey(visitor), NOW);
                }));
            }
            ready.await();
            go.countDown();
            List<GiftLinks.Opened> results = new ArrayList<>();
            for (var f : opened) results.add(f.get());
            return results;
        }
    }

    @Test
    void aCappedLinkWithdrawnIsWithdrawnForANewReader() {
        rules.set(new GiftRules(3, 14, 5));
        Gift g = link(links.give(ann, premium.get(0), NOW));
        assertThat(links.open(g.token(), GiftLinks.visitorKey("early"), NOW)).isInstanceOf(GiftLinks.Opened.Valid.class);
        jdbi.useHandle(h -> h.execute("UPDATE gifts SET revoked_at = now(), revoked_by = 'giver'"));
        assertThat(links.open(g.token(), GiftLinks.visitorKey("late"), NOW))
                .isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.REVOKED, premium.get(0)));
        assertThat(count("SELECT count(*) FROM gift_readers")).isEqualTo(1);
    }

    @Test
    void theGiverRevokesTheirOwnLinkOnlyAndAnAdminAnyWithAnAuditEntry() {
        Gift g = link(links.give(ann, premium.get(0), NOW));
        Gift h = link(links.give(ann, premium.get(1), NOW));
        long bob = reader("bob@example.com", "Bob");

        assertThat(links.revokeOwn(bob, g.id(), NOW)).isFalse();
        assertThat(links.revokeOwn(ann, g.id(), NOW)).isTrue();
        assertThat(links.revokeOwn(ann, g.id(), NOW)).isFalse();
        assertThat(links.open(g.token(), GiftLinks.visitorKey("v"), NOW)).isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.REVOKED, premium.get(0)));

        assertThat(links.revokeAsStaff(new AuditLog.Actor(null, "Ada Admin", "192.0.2.7"), h.id(), NOW)).isTrue();
        assertThat(links.open(h.token(), GiftLinks.visitorKey("v"), NOW)).isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.REVOKED, premium.get(1)));
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'gift revoked' AND actor = 'Ada Admin'")).isEqualTo(1);
        assertThat(links.find(h.id()).orElseThrow().revokedBy()).isEqualTo("staff");
        // a revoked gift still used the month's quota
        assertThat(links.left(ann, NOW)).isEqualTo(1);
    }

    @Test
    void unknownAndMisshapenTokensAreUnknown() {
        for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "", "../../etc/passwd", "x".repeat(5000), "a'b\"c<d>")) {
            assertThat(links.open(token, GiftLinks.visitorKey("v"), NOW)).as(token).isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.UNKNOWN, null));
        }
        assertThat(links.open(null, GiftLinks.visitorKey("v"), NOW)).isEqualTo(new GiftLinks.Opened.Refused(GiftProblem.UNKNOWN, null));
    }

    @Test
    void myGiftsCountsDistinctReadersSignUpsAndSubscriptions() {
        Gift g = link(links.give(ann, premium.get(0), NOW));
        long carol = reader("carol@example.com", "Carol");
        long dan = reader("dan@example.com", "Dan");
        links.open(g.token(), GiftLinks.visitorKey("v1"), NOW);
        links.open(g.token(), GiftLinks.visitorKey("v1"), NOW);
        links.open(g.token(), GiftLinks.readerKey(carol), NOW);
        // Dan opened it before he had an account, then signed up in the same browser session
        links.open(g.token(), GiftLinks.visitorKey("dan's browser"), NOW);
        links.signedUp(dan, g.token(), NOW);
        links.signedUp(dan, g.token(), NOW);
        links.signedUp(ann, g.token(), NOW);
        links.signedUp(carol, "not-a-token", NOW);
        subscribers.add(dan);

        var mine = links.of(ann, NOW);

        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).extracting(GiftLinks.Summary::headline, GiftLinks.Summary::readers, GiftLinks.Summary::signedUp,
                GiftLinks.Summary::subscribed).containsExactly("Premium story 1", 3, 1, 1);
        assertThat(links.of(carol, NOW)).isEmpty();
        assertThat(links.latest(NOW)).hasSize(1);
    }

    @Test
    void theGiftFromNamesTheGiverByFirstName() {
        Gift g = link(links.give(ann, premium.get(0), NOW));
        assertThat(((GiftLinks.Opened.Valid) links.open(g.token(), GiftLinks.visitorKey("v"), NOW)).from()).isEqualTo("Ann");
        assertThat(GiftLinks.firstName("")).isEqualTo("a subscriber");
    }

    private static Gift link(GiftLinks.Made made) {
        assertThat(made).isInstanceOf(GiftLinks.Made.Link.class);
        return ((GiftLinks.Made.Link) made).gift();
    }

    static long reader(String email, String name) {
        return TestDatabase.jdbi().withHandle(h -> h.createQuery(
                        "INSERT INTO readers (email, name, created_at) VALUES (:e, :n, :now) RETURNING id")
                .bind("e", email).bind("n", name).bind("now", NOW).mapTo(Long.class).one());
    }

    private long idOf(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM articles WHERE slug = :s").bind("s", slug).mapTo(Long.class).one());
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
