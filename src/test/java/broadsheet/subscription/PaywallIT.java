package broadsheet.subscription;

import static broadsheet.testing.Fixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.subscription.Paywall.Gift;
import broadsheet.subscription.Paywall.Reason;
import broadsheet.testing.Fixtures;
import broadsheet.testing.TestDatabase;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The paywall for one request on the real database: a signed-in reader's meter (one row per article and month, so
 * re-reading does not count twice, and a new month starts afresh), subscribers through the entitlement they are given,
 * and a visitor's meter in the signed cookie, which a forged or last month's cookie does not extend.
 */
@ExtendWith(TestDatabase.class)
class PaywallIT {
    private static final Instant NOW = Instant.parse("2025-12-07T15:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final Jdbi jdbi = TestDatabase.jdbi();
    private final Fixtures fixtures = new Fixtures(TestDatabase.tempDir("paywall-"));
    private final Set<Long> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Paywall.Rules> rules = new AtomicReference<>(new Paywall.Rules(3, 1, 2));
    private final MeterCookie cookies = new MeterCookie(() -> new byte[32]);
    private final Paywall paywall = new Paywall(jdbi, rules::get, (r, t) -> subscribers.contains(r), cookies, LONDON);
    private final List<Long> premium = new ArrayList<>();
    private long reader;

    @BeforeEach
    void articlesAndAReader() {
        for (int i = 1; i <= 3; i++) {
            fixtures.store(NOW, story("Premium " + i).slug("premium-" + i).access(AccessLevel.PREMIUM).build());
            premium.add(jdbi.withHandle(h -> h.createQuery("SELECT max(id) FROM articles").mapTo(Long.class).one()));
        }
        reader = jdbi.withHandle(h -> h.createQuery("INSERT INTO readers (email, name, created_at) VALUES ('r@example.com', 'Rae', :now) RETURNING id")
                .bind("now", NOW).mapTo(Long.class).one());
    }

    @Test
    void aSignedInReadersMeterCountsEachArticleOnceAMonth() {
        var first = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW).verdict();
        var again = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW.plusSeconds(60)).verdict();
        var second = paywall.read(premium.get(1), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW).verdict();
        var third = paywall.read(premium.get(2), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW).verdict();
        var firstAgain = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW).verdict();

        assertThat(first).extracting(Paywall.Verdict::full, Paywall.Verdict::reason, Paywall.Verdict::meterLeft).containsExactly(true, Reason.METER, 1);
        assertThat(again).extracting(Paywall.Verdict::full, Paywall.Verdict::meterLeft).containsExactly(true, 1);
        assertThat(second).extracting(Paywall.Verdict::full, Paywall.Verdict::meterLeft).containsExactly(true, 0);
        assertThat(third).extracting(Paywall.Verdict::full, Paywall.Verdict::reason).containsExactly(false, Reason.METER_USED_UP);
        assertThat(firstAgain.full()).as("an article read this month stays readable").isTrue();
        assertThat(count("SELECT count(*) FROM meter_reads")).isEqualTo(2);

        var nextMonth = paywall.read(premium.get(2), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE,
                Instant.parse("2026-01-01T00:00:00Z")).verdict();
        assertThat(nextMonth).extracting(Paywall.Verdict::full, Paywall.Verdict::meterLeft).containsExactly(true, 1);
    }

    @Test
    void withoutCountingTheMeterIsLeftAsItIs() {
        var v = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW, false).verdict();
        var visitor = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.empty(), null, Gift.NONE, NOW, false);

        assertThat(v.full()).isTrue();
        assertThat(count("SELECT count(*) FROM meter_reads")).isZero();
        assertThat(visitor.meterCookie()).isNull();
    }

    @Test
    void aSubscriberReadsEverythingWithoutUsingTheMeter() {
        subscribers.add(reader);

        var v = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.of(reader), null, Gift.NONE, NOW).verdict();

        assertThat(v).extracting(Paywall.Verdict::full, Paywall.Verdict::reason).containsExactly(true, Reason.ENTITLED);
        assertThat(count("SELECT count(*) FROM meter_reads")).isZero();
    }

    @Test
    void aVisitorsMeterIsASignedCookieAndNoDatabaseRow() {
        var first = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.empty(), null, Gift.NONE, NOW);
        var reread = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.empty(), first.meterCookie(), Gift.NONE, NOW);
        var next = paywall.read(premium.get(1), AccessLevel.PREMIUM, Optional.empty(), first.meterCookie(), Gift.NONE, NOW);

        assertThat(first.verdict()).extracting(Paywall.Verdict::full, Paywall.Verdict::meterLeft).containsExactly(true, 0);
        assertThat(first.meterCookie()).isNotNull();
        assertThat(first.shared()).isFalse();
        assertThat(reread.verdict().full()).isTrue();
        assertThat(reread.meterCookie()).as("nothing new to note").isNull();
        assertThat(next.verdict()).extracting(Paywall.Verdict::full, Paywall.Verdict::reason).containsExactly(false, Reason.METER_USED_UP);
        assertThat(count("SELECT count(*) FROM meter_reads")).isZero();

        // a new month starts afresh; a cookie signed with another key is no meter at all
        assertThat(cookies.read(first.meterCookie(), YearMonth.of(2026, 1))).isEmpty();
        String forged = new MeterCookie(() -> "another key, 32 bytes long......".getBytes()).write(YearMonth.of(2025, 12), Set.of());
        assertThat(paywall.read(premium.get(1), AccessLevel.PREMIUM, Optional.empty(), forged, Gift.NONE, NOW).verdict().full()).isTrue();
        String tampered = first.meterCookie().replace('.', '!');
        assertThat(cookies.read(tampered, YearMonth.of(2025, 12))).isEmpty();
        assertThat(cookies.read("garbage", YearMonth.of(2025, 12))).isEmpty();
    }

    @Test
    void withNoVisitorMeterAPremiumPreviewIsTheSameForEveryVisitor() {
        rules.set(new Paywall.Rules(3, 0, 2));

        var outcome = paywall.read(premium.get(0), AccessLevel.PREMIUM, Optional.empty(), null, Gift.NONE, NOW);

        assertThat(outcome.verdict().full()).isFalse();
        assertThat(outcome.shared()).isTrue();
        assertThat(outcome.meterCookie()).isNull();
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
