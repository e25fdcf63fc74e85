package broadsheet.gift;

import broadsheet.shared.AuditLog;
import broadsheet.subscription.GiftAllowance;
import broadsheet.subscription.Paywall.GiftProblem;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Making, opening and withdrawing gift links. Each change is one transaction: a giver's gifts are made one at a
 * time (their reader row is locked), so the quota holds; a link with a cap of readers is opened with its row locked,
 * so exactly the cap of distinct readers get in however many open it at once; one without a cap just notes its readers.
 */
public final class GiftLinks implements GiftAllowance, MeterBinder {
    /** A token's shape: 24 random bytes (192 bits), URL-safe Base64 without padding. */
    private static final String TOKEN_SHAPE = "[A-Za-z0-9_-]{32}";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final RowMapper<Gift> ROW = (rs, ctx) -> new Gift(rs.getLong("id"), rs.getString("token"), rs.getLong("giver_id"),
            rs.getLong("article_id"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getInt("reader_cap"), rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
            rs.getString("revoked_by"));
    private final Jdbi jdbi;
    private final Supplier<GiftRules> rules;
    private final BiPredicate<Long, Instant> entitled;
    private final ZoneId zone;
    private final LongAdder given = new LongAdder();
    private final LongAdder notGiven = new LongAdder();
    private final LongAdder opened = new LongAdder();
    private final LongAdder newReaders = new LongAdder();
    /** Opens refused, by {@link GiftProblem} ordinal. */
    private final LongAdder[] refused = new LongAdder[GiftProblem.values().length];

    /** {@code entitled}: whether a reader has a subscription (only they may give); {@code zone}: whose months the quota counts. */
    public GiftLinks(Jdbi jdbi, Supplier<GiftRules> rules, BiPredicate<Long, Instant> entitled, ZoneId zone) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.entitled = entitled;
        this.zone = zone;
        for (int i = 0; i < refused.length; i++) refused[i] = new LongAdder();
    }

    /** What became of a request to give an article. */
    public sealed interface Made {
        /** The link; {@code fresh} when it was made now (using one of the month's gifts), not the live one already made. */
        record Link(Gift gift, boolean fresh) implements Made {}

        /** This month's gifts are used up; nothing was made. */
        record QuotaUsed(int perMonth) implements Made {}

        /** The reader may not give this article (not a subscriber, or not a published subscriber article). */
        record NotAllowed(String why) implements Made {}
    }

    /** What opening a link gave. */
    public sealed interface Opened {
        /** The link lets this reader in; {@code from} names the giver ("Ann"). */
        record Valid(Gift gift, String from) implements Opened {}

        /** The link lets nobody (or nobody more) in; {@code articleId} is its article, or null for an unknown link. */
        record Refused(GiftProblem problem, Long articleId) implements Opened {}
    }

    /** The gift of an article by a subscriber: their live link to it, or a new one when the month's quota allows. */
    public Made give(long giverId, long articleId, Instant now) {
        Made made = make(giverId, articleId, now);
        if (made instanceof Made.Link link && link.fresh()) given.increment();
        else if (!(made instanceof Made.Link)) notGiven.increment();
        return made;
    }

    private Made make(long giverId, long articleId, Instant now) {
        if (!entitled.test(giverId, now)) return new Made.NotAllowed("Only subscribers can give articles.");
        GiftRules r = rules.get();
        return jdbi.inTransaction(h -> {
            // one giver's gifts are made one at a time, so two clicks at once neither make two links nor pass the quota
            if (h.createQuery("SELECT id FROM readers WHERE id = :id FOR UPDATE").bind("id", giverId).mapTo(Long.class).findOne().isEmpty()) {
                return new Made.NotAllowed("There is no such reader.");
            }
            boolean premium = h.createQuery("SELECT count(*) FROM articles WHERE id = :a AND status = 'published' AND access = 'premium'")
                    .bind("a", articleId).mapTo(Integer.class).one() > 0;
            if (!premium) return new Made.NotAllowed("Only published subscriber articles can be given.");
            Optional<Gift> live = h.createQuery("""
                            SELECT * FROM gifts WHERE giver_id = :g AND article_id = :a AND revoked_at IS NULL AND expires_at > :now
                            ORDER BY created_at DESC LIMIT 1""")
                    .bind("g", giverId).bind("a", articleId).bind("now", now).map(ROW).findOne();
            if (live.isPresent()) return new Made.Link(live.get(), false);
            LocalDate month = month(now);
            if (madeIn(h, giverId, month) >= r.perMonth()) return new Made.QuotaUsed(r.perMonth());
            Gift made = h.createQuery("""
                            INSERT INTO gifts (token, giver_id, article_id, created_at, month, expires_at, reader_cap)
                            VALUES (:token, :g, :a, :now, :month, :expires, :cap) RETURNING *""")
                    .bind("token", newToken()).bind("g", giverId).bind("a", articleId).bind("now", now).bind("month", month)
                    .bind("expires", now.plus(Duration.ofDays(r.expiryDays()))).bind("cap", r.readerCap() > 0 ? r.readerCap() : null)
                    .map(ROW).one();
            return new Made.Link(made, true);
        });
    }

    /** Gifts the reader may still make this month. */
    @Override
    public int left(long readerId, Instant now) {
        int made = jdbi.withHandle(h -> madeIn(h, readerId, month(now)));
        return Math.max(0, rules.get().perMonth() - made);
    }

    /**
     * Opens a link for one reader: {@code readerKey} is {@link #readerKey(long)} for a signed-in reader or
     * {@link #visitorKey(String)} for a visitor. A reader already let in is let in again; a new one is counted, unless
     * the link's cap is reached. A token of the wrong shape is simply unknown.
     */
    public Opened open(String token, String readerKey, Instant now) {
        return open(null, token, readerKey, now);
    }

    /**
     * Opens a link whose address names the article {@code articleId}: a token of another article is unknown here, and
     * an unknown token is refused with that article, so its page can show the article's opening and say why.
     */
    public Opened open(Long articleId, String token, String readerKey, Instant now) {
        boolean[] newReader = {false};
        Opened o = open(articleId, token, readerKey, now, newReader);
        switch (o) {
            case Opened.Valid v -> opened.increment();
            case Opened.Refused r -> refused[r.problem().ordinal()].increment();
        }
        if (newReader[0]) newReaders.increment();
        return o;
    }

    private Opened open(Long articleId, String token, String readerKey, Instant now, boolean[] newReader) {
        if (token == null || !token.matches(TOKEN_SHAPE)) return new Opened.Refused(GiftProblem.UNKNOWN, articleId);
        return jdbi.inTransaction(h -> {
            Optional<Giving> found = h.createQuery("SELECT g.*, r.name AS giver_name FROM gifts g JOIN readers r ON r.id = g.giver_id WHERE g.token = :t")
                    .bind("t", token).map((rs, ctx) -> new Giving(ROW.map(rs, ctx), rs.getString("giver_name"))).findOne()
                    .filter(x -> articleId == null || x.gift().articleId() == articleId);
            if (found.isEmpty()) return new Opened.Refused(GiftProblem.UNKNOWN, articleId);
            Gift g = found.get().gift();
            if (g.revoked()) return new Opened.Refused(GiftProblem.REVOKED, g.articleId());
            if (g.expired(now)) return new Opened.Refused(GiftProblem.EXPIRED, g.articleId());
            Opened.Valid valid = new Opened.Valid(g, firstName(found.get().giverName()));
            if (readerKey.equals(readerKey(g.giverId()))) return valid;
            if (g.readerCap() == 0) {
                // no cap: a reader is simply noted (once), without waiting on anyone; a note lost in a crash only means
                // that reader is counted again, so the commit need not wait for the disk
                h.execute("SET LOCAL synchronous_commit = off");
                newReader[0] = h.createUpdate("""
                                INSERT INTO gift_readers (gift_id, reader_key, first_at) VALUES (:g, :k, :now) ON CONFLICT DO NOTHING""")
                        .bind("g", g.id()).bind("k", readerKey).bind("now", now).execute() == 1;
                return valid;
            }
            // at a cap the gift's row lock makes readers take turns, so exactly the cap get in
            boolean live = h.createQuery("SELECT revoked_at IS NULL FROM gifts WHERE id = :id FOR UPDATE").bind("id", g.id()).mapTo(Boolean.class).one();
            if (!live) return new Opened.Refused(GiftProblem.REVOKED, g.articleId());
            boolean known = h.createQuery("SELECT EXISTS (SELECT 1 FROM gift_readers WHERE gift_id = :g AND reader_key = :k)")
                    .bind("g", g.id()).bind("k", readerKey).mapTo(Boolean.class).one();
            if (known) return valid;
            int readers = h.createQuery("SELECT count(*) FROM (SELECT 1 FROM gift_readers WHERE gift_id = :g LIMIT :cap) x")
                    .bind("g", g.id()).bind("cap", g.readerCap()).mapTo(Integer.class).one();
            if (readers >= g.readerCap()) return new Opened.Refused(GiftProblem.CAPPED, g.articleId());
            h.createUpdate("INSERT INTO gift_readers (gift_id, reader_key, first_at) VALUES (:g, :k, :now)")
                    .bind("g", g.id()).bind("k", readerKey).bind("now", now).execute();
            newReader[0] = true;
            return valid;
        });
    }

    /** A gift with its giver's name, as a link is opened. */
    private record Giving(Gift gift, String giverName) {}

    /** Links made and refused, and links opened (let in, a new reader among them, or refused and why). */
    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("broadsheet.gift.links.given", given, LongAdder::sum)
                .description("Gift links subscribers made (asking again for a live link of the same article makes none)").register(registry);
        FunctionCounter.builder("broadsheet.gift.links.refused", notGiven, LongAdder::sum)
                .description("Requests to give an article that made no link: not a subscriber, not a subscriber article, or the month's quota used")
                .register(registry);
        String opens = "Gift links opened, by outcome: opened (the article shown whole) or refused (unknown, expired, revoked, capped)";
        FunctionCounter.builder("broadsheet.gift.opens", opened, LongAdder::sum).description(opens).tag("outcome", "opened").register(registry);
        for (GiftProblem p : GiftProblem.values()) {
            FunctionCounter.builder("broadsheet.gift.opens", refused[p.ordinal()], LongAdder::sum).description(opens)
                    .tag("outcome", p.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
        }
        FunctionCounter.builder("broadsheet.gift.readers", newReaders, LongAdder::sum)
                .description("Readers a gift link let in for the first time (the giver and readers let in before are not counted again)")
                .register(registry);
    }

    /**
     * Notes that a reader signed up while reading a gift (the token of the gift page they came from): the gift is
     * counted as having brought them. For the reader accounts to call at sign-up; an unknown token, or a reader
     * already noted, changes nothing.
     */
    public void signedUp(long readerId, String token, Instant now) {
        if (token == null || !token.matches(TOKEN_SHAPE)) return;
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO gift_signups (reader_id, gift_id, at)
                        SELECT :r, id, :now FROM gifts WHERE token = :t AND giver_id <> :r
                        ON CONFLICT (reader_id) DO NOTHING""")
                .bind("r", readerId).bind("t", token).bind("now", now).execute());
    }

    /** Withdraws one of the giver's own links; false when it is not theirs or already withdrawn. */
    public boolean revokeOwn(long giverId, long giftId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE gifts SET revoked_at = :now, revoked_by = 'giver'
                        WHERE id = :id AND giver_id = :g AND revoked_at IS NULL""")
                .bind("now", now).bind("id", giftId).bind("g", giverId).execute()) > 0;
    }

    /** Withdraws any link, for an admin, with its audit entry; false when there is none or it is already withdrawn. */
    public boolean revokeAsStaff(AuditLog.Actor actor, long giftId, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Gift> g = h.createQuery("""
                            UPDATE gifts SET revoked_at = :now, revoked_by = 'staff' WHERE id = :id AND revoked_at IS NULL RETURNING *""")
                    .bind("now", now).bind("id", giftId).map(ROW).findOne();
            g.ifPresent(gift -> AuditLog.record(h, actor, "gift revoked", "gift " + gift.id(),
                    Map.of("article", gift.articleId(), "giver", gift.giverId()), now));
            return g.isPresent();
        });
    }

    /**
     * A gift with what it did: its article, distinct readers, readers who signed up through it, and of those and its
     * signed-in readers, how many have a subscription now.
     */
    public record Summary(Gift gift, String headline, String articlePath, String giverEmail, int readers, int signedUp,
                          int subscribed) {}

    /** The giver's gifts, newest first. */
    public List<Summary> of(long giverId, Instant now) {
        return summaries("WHERE g.giver_id = :giver", giverId, now);
    }

    /** Every gift, newest first, the latest 200: for the newsroom. */
    public List<Summary> latest(Instant now) {
        return summaries("", null, now);
    }

    /** One gift, if there is one. */
    public Optional<Gift> find(long giftId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM gifts WHERE id = :id").bind("id", giftId).map(ROW).findOne());
    }

    private List<Summary> summaries(String where, Long giverId, Instant now) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery("""
                    SELECT g.*, a.headline, a.path, r.email,
                           (SELECT count(*) FROM gift_readers gr WHERE gr.gift_id = g.id) AS readers,
                           (SELECT count(*) FROM gift_signups s WHERE s.gift_id = g.id) AS signups,
                           ARRAY(SELECT s.reader_id FROM gift_signups s WHERE s.gift_id = g.id
                                 UNION SELECT substr(gr.reader_key, 3)::bigint FROM gift_readers gr
                                       WHERE gr.gift_id = g.id AND gr.reader_key LIKE 'r:%') AS reader_ids
                    FROM gifts g JOIN articles a ON a.id = g.article_id JOIN readers r ON r.id = g.giver_id
                    """ + where + " ORDER BY g.created_at DESC, g.id DESC LIMIT 200");
            if (giverId != null) q.bind("giver", giverId);
            return q.map((rs, ctx) -> {
                Gift g = ROW.map(rs, ctx);
                Long[] ids = (Long[]) rs.getArray("reader_ids").getArray();
                int subscribed = 0;
                for (Long id : ids) if (id != g.giverId() && entitled.test(id, now)) subscribed++;
                return new Summary(g, rs.getString("headline"), rs.getString("path"), rs.getString("email"), rs.getInt("readers"),
                        rs.getInt("signups"), subscribed);
            }).list();
        });
    }

    /** How a signed-in reader is counted among a link's readers. */
    public static String readerKey(long readerId) {
        return "r:" + readerId;
    }

    /** How a visitor is counted, from their random cookie: only its hash is stored. */
    public static String visitorKey(String cookie) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cookie.getBytes(StandardCharsets.UTF_8));
            return "a:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A fresh random value of a token's shape (also the visitor's cookie). */
    public static String newToken() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether a string has a token's shape. */
    public static boolean tokenShaped(String s) {
        return s != null && s.matches(TOKEN_SHAPE);
    }

    /** The giver as the gifted page names them: the first word of their name, or "a subscriber". */
    static String firstName(String name) {
        String n = name == null ? "" : name.strip();
        return n.isEmpty() ? "a subscriber" : n.split("\\s+")[0];
    }

    private LocalDate month(Instant now) {
        return YearMonth.from(now.atZone(zone)).atDay(1);
    }

    private static int madeIn(Handle h, long giverId, LocalDate month) {
        return h.createQuery("SELECT count(*) FROM gifts WHERE giver_id = :g AND month = :m")
                .bind("g", giverId).bind("m", month).mapTo(Integer.class).one();
    }
}
