package broadsheet.subscription;

import broadsheet.content.AccessLevel;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The one decision of what a reader gets of an article (the whole text or its opening) and why. The article page,
 * its JSON-LD, the gifted page, the Content API, and later feeds and search snippets all ask it, so the rest of a
 * paywalled text never leaves the server for a reader without access.
 *
 * <p>{@link #decide} is the rule itself, a pure function of the article's access level and the {@link Viewer};
 * {@link #read} builds the viewer for one request (entitlement, the meter from the database or the visitor's
 * cookie), decides, and counts the article on the meter when the meter is what let the reader in.
 */
public final class Paywall {
    /** Who is reading, and what they bring. */
    public record Viewer(Optional<Long> readerId, boolean entitled, Meter meter, Gift gift) {
        /** A visitor who is not signed in, without a meter or a gift: what the Content API and feeds see. */
        public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), false, Meter.NONE, Gift.NONE);

        public boolean signedIn() {
            return readerId.isPresent();
        }
    }

    /**
     * A meter: how many premium articles the reader may read whole this month, and those read already.
     *
     * @param limit premium articles a month; 0 for no meter
     */
    public record Meter(int limit, Set<Long> read) {
        public static final Meter NONE = new Meter(0, Set.of());

        public Meter {
            read = Set.copyOf(read);
        }
    }

    /** The gift link the reader came by, if any, as the gift links found it. */
    public sealed interface Gift {
        Gift NONE = new None();

        record None() implements Gift {}

        /** A live link for this article; {@code from} is how the giver is named ("Ann"). */
        record Valid(String from) implements Gift {}

        /** A link that lets nobody in any more, and why. */
        record Refused(GiftProblem problem) implements Gift {}
    }

    /** Why a gift link did not open the article. */
    public enum GiftProblem { EXPIRED, REVOKED, CAPPED, UNKNOWN }

    /** Why the reader gets what they get. */
    public enum Reason {
        /** The article is free. */
        FREE,
        /** A registered-level article, and the reader is signed in. */
        SIGNED_IN,
        /** The reader has a subscription (or complimentary access). */
        ENTITLED,
        /** A subscriber's gift link. */
        GIFT,
        /** A free article of the month's meter. */
        METER,
        /** A registered-level article for a visitor not signed in: sign in or register (free). */
        SIGN_IN,
        /** A premium article, and no meter at all: subscribe. */
        SUBSCRIBE,
        /** A premium article, and this month's free articles are used up: subscribe. */
        METER_USED_UP
    }

    /**
     * What the reader gets.
     *
     * @param full      the whole text; otherwise the opening
     * @param meterLeft free articles left on the meter this month after this one (meaningful for {@link Reason#METER}
     *                  and {@link Reason#METER_USED_UP})
     * @param meterLimit the meter's free articles a month, for the same reasons
     * @param counts    this read uses one of the meter's articles, so the caller records it
     * @param giftFrom  the giver's name, for {@link Reason#GIFT}; else null
     * @param giftProblem why a gift link the reader came by did not open the article; else null
     */
    public record Verdict(boolean full, Reason reason, int meterLeft, int meterLimit, boolean counts, String giftFrom, GiftProblem giftProblem) {
        public boolean preview() {
            return !full;
        }
    }

    /**
     * The rules in effect (the newsroom's settings).
     *
     * @param previewParagraphs blocks of the body a reader without access sees
     * @param anonymousMeter    premium articles a month for visitors not signed in
     * @param registeredMeter   premium articles a month for signed-in readers without a subscription
     */
    public record Rules(int previewParagraphs, int anonymousMeter, int registeredMeter) {
        public static final Rules DEFAULTS = new Rules(3, 0, 2);
    }

    /** What {@link #read} decided, and the visitor's meter cookie to set when it changed (else null). */
    public record Outcome(Verdict verdict, String meterCookie, boolean shared) {}

    private final Jdbi jdbi;
    private final Supplier<Rules> rules;
    private final BiPredicate<Long, Instant> entitled;
    private final MeterCookie cookies;
    private final ZoneId zone;

    /**
     * {@code entitled}: whether a reader has a subscription at an instant (the subscriptions answer it);
     * {@code zone}: the paper's, whose calendar months the meters count.
     */
    public Paywall(Jdbi jdbi, Supplier<Rules> rules, BiPredicate<Long, Instant> entitled, MeterCookie cookies, ZoneId zone) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.entitled = entitled;
        this.cookies = cookies;
        this.zone = zone;
    }

    /** The rule: what a viewer gets of an article with this access level (whose id is {@code articleId}). */
    public static Verdict decide(long articleId, AccessLevel access, Viewer viewer) {
        GiftProblem giftProblem = viewer.gift() instanceof Gift.Refused r ? r.problem() : null;
        if (access == AccessLevel.FREE) return verdict(true, Reason.FREE, giftProblem);
        if (viewer.entitled()) return verdict(true, Reason.ENTITLED, giftProblem);
        if (viewer.gift() instanceof Gift.Valid v) return new Verdict(true, Reason.GIFT, 0, 0, false, v.from(), null);
        if (access == AccessLevel.REGISTERED) {
            return verdict(viewer.signedIn(), viewer.signedIn() ? Reason.SIGNED_IN : Reason.SIGN_IN, giftProblem);
        }
        Meter meter = viewer.meter();
        if (meter.limit() == 0) return verdict(false, Reason.SUBSCRIBE, giftProblem);
        int used = meter.read().size();
        if (meter.read().contains(articleId)) {
            return new Verdict(true, Reason.METER, Math.max(0, meter.limit() - used), meter.limit(), false, null, giftProblem);
        }
        if (used < meter.limit()) return new Verdict(true, Reason.METER, meter.limit() - used - 1, meter.limit(), true, null, giftProblem);
        return new Verdict(false, Reason.METER_USED_UP, 0, meter.limit(), false, null, giftProblem);
    }

    /**
     * What a signed-in reader's verdict says of their subscription: {@link #read} asks about it for every article that is
     * not free, and {@link #decide} answers {@link Reason#ENTITLED} whenever they have one; for a free article it was
     * not asked (empty).
     */
    public static Optional<Boolean> entitlementOf(AccessLevel access, Verdict verdict) {
        return access == AccessLevel.FREE ? Optional.empty() : Optional.of(verdict.reason() == Reason.ENTITLED);
    }

    private static Verdict verdict(boolean full, Reason reason, GiftProblem giftProblem) {
        return new Verdict(full, reason, 0, 0, false, null, giftProblem);
    }

    /**
     * Decides for one request and counts the read on the meter when the meter let the reader in: a signed-in
     * reader's in the database (once per article and month), a visitor's in the returned cookie. A gift link's page
     * passes its gift; such pages use no meter. {@code shared} in the outcome says whether every visitor who is not
     * signed in would get the same answer, so that it may be kept by shared caches.
     */
    public Outcome read(long articleId, AccessLevel access, Optional<Long> readerId, String meterCookie, Gift gift, Instant now) {
        return read(articleId, access, readerId, meterCookie, gift, now, true);
    }

    /**
     * As {@link #read(long, AccessLevel, Optional, String, Gift, Instant)}; without {@code counting} (a {@code HEAD}
     * request, which shows no text) the meter is left as it is.
     */
    public Outcome read(long articleId, AccessLevel access, Optional<Long> readerId, String meterCookie, Gift gift, Instant now,
                        boolean counting) {
        Rules r = rules.get();
        YearMonth month = YearMonth.from(now.atZone(zone));
        boolean viaGift = !(gift instanceof Gift.None);
        if (readerId.isPresent()) {
            long reader = readerId.get();
            boolean isEntitled = access != AccessLevel.FREE && entitled.test(reader, now);
            if (access != AccessLevel.PREMIUM || isEntitled || viaGift || r.registeredMeter() == 0) {
                return new Outcome(decide(articleId, access, new Viewer(readerId, isEntitled, Meter.NONE, gift)), null, false);
            }
            Verdict v = jdbi.inTransaction(h -> {
                // one reader opening two articles at once takes turns, so the meter is never exceeded
                h.createQuery("SELECT id FROM readers WHERE id = :id FOR UPDATE").bind("id", reader).mapTo(Long.class).findOne();
                Set<Long> read = Set.copyOf(h.createQuery("SELECT article_id FROM meter_reads WHERE reader_id = :r AND month = :m")
                        .bind("r", reader).bind("m", month.atDay(1)).mapTo(Long.class).list());
                Verdict d = decide(articleId, access, new Viewer(readerId, false, new Meter(r.registeredMeter(), read), gift));
                if (d.counts() && counting) {
                    h.createUpdate("""
                                    INSERT INTO meter_reads (reader_id, month, article_id, read_at) VALUES (:r, :m, :a, :now)
                                    ON CONFLICT DO NOTHING""")
                            .bind("r", reader).bind("m", month.atDay(1)).bind("a", articleId).bind("now", now).execute();
                }
                return d;
            });
            return new Outcome(v, null, false);
        }
        boolean metered = access == AccessLevel.PREMIUM && r.anonymousMeter() > 0 && !viaGift;
        Meter meter = metered ? new Meter(r.anonymousMeter(), cookies.read(meterCookie, month)) : Meter.NONE;
        Verdict v = decide(articleId, access, new Viewer(Optional.empty(), false, meter, gift));
        String cookie = v.counts() && counting ? cookies.write(month, plus(meter.read(), articleId)) : null;
        // a premium article under the anonymous meter differs from one visitor to the next
        boolean shared = !viaGift && !(access == AccessLevel.PREMIUM && r.anonymousMeter() > 0);
        return new Outcome(v, cookie, shared);
    }

    /**
     * What a reader may read whole of any article, with no meter and no gift link: for text shown beside many articles
     * at once (search snippets), which must not open what only the meter would. Asks about the reader's subscription
     * once, now. Empty {@code readerId}: a visitor who is not signed in, who reads free articles alone.
     */
    public BiPredicate<Long, AccessLevel> readsWhole(Optional<Long> readerId, Instant now) {
        boolean isEntitled = readerId.isPresent() && entitled.test(readerId.get(), now);
        Viewer viewer = new Viewer(readerId, isEntitled, Meter.NONE, Gift.NONE);
        return (articleId, access) -> decide(articleId, access, viewer).full();
    }

    /** Blocks of the body a reader without access sees, as the rules in effect have it. */
    public int previewParagraphs() {
        return rules.get().previewParagraphs();
    }

    /** Whether a premium article's page depends on the visitor's own meter, so no shared cache may keep it. */
    public boolean meteredForVisitors(AccessLevel access) {
        return access == AccessLevel.PREMIUM && rules.get().anonymousMeter() > 0;
    }

    /** The opening of a body as the rules in effect have it. */
    public String preview(String bodyHtml) {
        return preview(bodyHtml, rules.get().previewParagraphs());
    }

    /** The body a verdict allows: all of it, or its opening. */
    public String body(Verdict verdict, String bodyHtml) {
        return verdict.full() ? bodyHtml : preview(bodyHtml);
    }

    private static Set<Long> plus(Set<Long> read, long articleId) {
        var all = new LinkedHashSet<>(read);
        all.add(articleId);
        return all;
    }

    /** The opening of a body: its first {@code blocks} top-level blocks, skipping pull quotes and never ending on a subhead. */
    public static String preview(String bodyHtml, int blocks) {
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false);
        int kept = 0;
        for (Element e : doc.body().children()) {
            if (kept >= blocks || e.hasClass("pull-quote")) {
                e.remove();
            } else {
                kept++;
            }
        }
        // an opening that ends on a subhead would promise a section it does not show
        Element last = doc.body().children().last();
        while (last != null && last.tagName().matches("h[2-6]")) {
            last.remove();
            last = doc.body().children().last();
        }
        return doc.body().html();
    }
}
