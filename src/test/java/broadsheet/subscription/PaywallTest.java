package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.subscription.Paywall.Gift;
import broadsheet.subscription.Paywall.GiftProblem;
import broadsheet.subscription.Paywall.Meter;
import broadsheet.subscription.Paywall.Reason;
import broadsheet.subscription.Paywall.Verdict;
import broadsheet.subscription.Paywall.Viewer;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The paywall's rule over the matrix: each kind of reader against each access level, what they get (the whole
 * text or the opening), why, and that the text after the opening is absent from what a preview gives.
 */
class PaywallTest {
    private static final long ARTICLE = 42;
    private static final String BODY = "<p>One</p><p>Two</p><p>Three</p><p>Four, the SECRET</p><p>Five, also SECRET</p>";
    private static final Paywall PAYWALL = new Paywall(null, () -> Paywall.Rules.DEFAULTS, (r, t) -> false, null, null);

    /** The reader types of the matrix. */
    enum Kind {
        ANONYMOUS(new Viewer(Optional.empty(), false, Meter.NONE, Gift.NONE)),
        ANONYMOUS_METER_LEFT(new Viewer(Optional.empty(), false, new Meter(2, Set.of(7L)), Gift.NONE)),
        REGISTERED(new Viewer(Optional.of(1L), false, new Meter(2, Set.of()), Gift.NONE)),
        REGISTERED_METER_USED(new Viewer(Optional.of(1L), false, new Meter(2, Set.of(7L, 8L)), Gift.NONE)),
        SUBSCRIBER(new Viewer(Optional.of(1L), true, Meter.NONE, Gift.NONE)),
        // a lapsed subscription is a registered reader again, here with this month's meter used
        EXPIRED_SUBSCRIBER(new Viewer(Optional.of(1L), false, new Meter(2, Set.of(7L, 8L)), Gift.NONE)),
        GIFT_HOLDER(new Viewer(Optional.empty(), false, Meter.NONE, new Gift.Valid("Ann"))),
        EXPIRED_GIFT(new Viewer(Optional.empty(), false, Meter.NONE, new Gift.Refused(GiftProblem.EXPIRED)));

        final Viewer viewer;

        Kind(Viewer viewer) {
            this.viewer = viewer;
        }
    }

    @ParameterizedTest(name = "{0} reading a {1} article: {2}")
    @CsvSource({
            "ANONYMOUS,             FREE,       FULL,    FREE",
            "ANONYMOUS,             REGISTERED, PREVIEW, SIGN_IN",
            "ANONYMOUS,             PREMIUM,    PREVIEW, SUBSCRIBE",
            "ANONYMOUS_METER_LEFT,  FREE,       FULL,    FREE",
            "ANONYMOUS_METER_LEFT,  REGISTERED, PREVIEW, SIGN_IN",
            "ANONYMOUS_METER_LEFT,  PREMIUM,    FULL,    METER",
            "REGISTERED,            FREE,       FULL,    FREE",
            "REGISTERED,            REGISTERED, FULL,    SIGNED_IN",
            "REGISTERED,            PREMIUM,    FULL,    METER",
            "REGISTERED_METER_USED, FREE,       FULL,    FREE",
            "REGISTERED_METER_USED, REGISTERED, FULL,    SIGNED_IN",
            "REGISTERED_METER_USED, PREMIUM,    PREVIEW, METER_USED_UP",
            "SUBSCRIBER,            FREE,       FULL,    FREE",
            "SUBSCRIBER,            REGISTERED, FULL,    ENTITLED",
            "SUBSCRIBER,            PREMIUM,    FULL,    ENTITLED",
            "EXPIRED_SUBSCRIBER,    FREE,       FULL,    FREE",
            "EXPIRED_SUBSCRIBER,    REGISTERED, FULL,    SIGNED_IN",
            "EXPIRED_SUBSCRIBER,    PREMIUM,    PREVIEW, METER_USED_UP",
            "GIFT_HOLDER,           FREE,       FULL,    FREE",
            "GIFT_HOLDER,           REGISTERED, FULL,    GIFT",
            "GIFT_HOLDER,           PREMIUM,    FULL,    GIFT",
            "EXPIRED_GIFT,          FREE,       FULL,    FREE",
            "EXPIRED_GIFT,          REGISTERED, PREVIEW, SIGN_IN",
            "EXPIRED_GIFT,          PREMIUM,    PREVIEW, SUBSCRIBE"})
    void readerTypeByArticleAccess(Kind kind, AccessLevel access, String gets, Reason reason) {
        Verdict v = Paywall.decide(ARTICLE, access, kind.viewer);
        String body = PAYWALL.body(v, BODY);

        assertThat(v.reason()).isEqualTo(reason);
        assertThat(v.full()).isEqualTo(gets.equals("FULL"));
        if (v.full()) {
            assertThat(body).isEqualTo(BODY);
        } else {
            assertThat(body).isEqualTo("<p>One</p><p>Two</p><p>Three</p>").doesNotContain("SECRET", "Four", "Five");
        }
        assertThat(v.giftProblem()).isEqualTo(kind == Kind.EXPIRED_GIFT ? GiftProblem.EXPIRED : null);
        assertThat(v.giftFrom()).isEqualTo(reason == Reason.GIFT ? "Ann" : null);
    }

    @Test
    void theMeterSaysHowManyAreLeftAndCountsOnlyANewArticle() {
        Viewer twoLeft = new Viewer(Optional.of(1L), false, new Meter(2, Set.of()), Gift.NONE);
        Viewer readThisOne = new Viewer(Optional.of(1L), false, new Meter(2, Set.of(ARTICLE, 8L)), Gift.NONE);

        Verdict first = Paywall.decide(ARTICLE, AccessLevel.PREMIUM, twoLeft);
        Verdict again = Paywall.decide(ARTICLE, AccessLevel.PREMIUM, readThisOne);

        assertThat(first).extracting(Verdict::full, Verdict::counts, Verdict::meterLeft, Verdict::meterLimit).containsExactly(true, true, 1, 2);
        assertThat(again).extracting(Verdict::full, Verdict::counts, Verdict::meterLeft).containsExactly(true, false, 0);
    }

    @Test
    void previewKeepsTheOpeningAndNothingAfter() {
        String body = "<p>One</p><aside class=\"pull-quote\"><blockquote><p>Pulled</p></blockquote></aside><p>Two</p>"
                + "<p>Three</p><p>Four, the secret</p><h2>Later</h2><p>Five</p>";
        assertThat(Paywall.preview(body, 3)).isEqualTo("<p>One</p><p>Two</p><p>Three</p>");
    }

    @Test
    void thePreviewHasAsManyParagraphsAsTheSettingSays() {
        var one = new Paywall(null, () -> new Paywall.Rules(1, 0, 2), (r, t) -> false, null, null);
        assertThat(one.preview(BODY)).isEqualTo("<p>One</p>");
    }

    @Test
    void previewNeverEndsOnASubhead() {
        assertThat(Paywall.preview("<p>One</p><p>Two</p><h2>Sub</h2><p>Three</p>", 3)).isEqualTo("<p>One</p><p>Two</p>");
    }
}
