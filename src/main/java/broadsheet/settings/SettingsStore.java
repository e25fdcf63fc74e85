package broadsheet.settings;

import broadsheet.shared.AuditLog;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.search.Tuning;
import broadsheet.storage.ChangeFeed;
import broadsheet.text.Texts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The {@code site_settings} row: reading it (the defaults while there is none) and saving the settings form.
 * A save checks every field first and stores nothing when one is wrong; otherwise it stores the row, writes
 * the audit entry naming each change (from, to) and sends a change notice, in one transaction, so every
 * instance reloads the settings. Who may save is the route table's business; what the settings do is
 * decided where they are used.
 */
public final class SettingsStore {
    private static final RowMapper<SiteSettings> ROW = (rs, ctx) -> new SiteSettings(rs.getString("name"), rs.getString("tagline"),
            AccessLevel.fromWord(rs.getString("default_access")).orElse(AccessLevel.FREE),
            CommentPolicy.fromWord(rs.getString("default_comments")).orElse(CommentPolicy.OPEN),
            rs.getBoolean("require_two_factor"), rs.getInt("session_idle_hours"),
            new ReaderSettings(rs.getInt("preview_paragraphs"), rs.getInt("anonymous_meter"), rs.getInt("registered_meter"),
                    rs.getInt("gifts_per_month"), rs.getInt("gift_expiry_days"), rs.getInt("gift_reader_cap")),
            new CommentSettings(CommentSettings.Who.fromWord(rs.getString("comments_who")).orElse(CommentSettings.Who.SUBSCRIBERS),
                    rs.getInt("comments_close_days"), rs.getInt("comments_edit_minutes"), rs.getInt("comments_min_seconds"),
                    rs.getInt("comments_per_hour"), rs.getInt("comments_links_after"), rs.getInt("comments_premoderate_first"),
                    rs.getBoolean("comments_premoderate_all"),
                    CommentSettings.OnDeletion.fromWord(rs.getString("comments_on_deletion")).orElse(CommentSettings.OnDeletion.ANONYMISE)),
            rs.getBoolean("feeds_full_text"),
            new Tuning(rs.getInt("search_recency_percent"), rs.getInt("search_recency_half_life_days")));
    private final Jdbi jdbi;

    public SettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The settings form as sent, each field stripped; {@code requireTwoFactor} is the checkbox's value ("yes"), or
     * empty; {@code readers} the paywall's fields.
     */
    public record Form(String name, String tagline, String access, String comments, String requireTwoFactor, String idleHours,
                       ReaderFields readers, CommentFields commentRules, String feedsFullText, String searchRecency,
                       String searchHalfLife) {
        /**
         * {@code feedsFullText}: the checkbox's value ("yes") or empty; null (a form made without it) is "yes", the default.
         * {@code searchRecency} and {@code searchHalfLife}: whole numbers; null (a form made without them) is the default.
         */
        public Form {
            feedsFullText = feedsFullText == null ? "yes" : clean(feedsFullText);
            searchRecency = searchRecency == null ? String.valueOf(Tuning.DEFAULT.recencyPercent()) : clean(searchRecency);
            searchHalfLife = searchHalfLife == null ? String.valueOf(Tuning.DEFAULT.halfLifeDays()) : clean(searchHalfLife);
            name = clean(name);
            tagline = clean(tagline);
            access = clean(access);
            comments = clean(comments);
            requireTwoFactor = clean(requireTwoFactor);
            idleHours = clean(idleHours);
            readers = readers == null ? ReaderFields.of(ReaderSettings.DEFAULTS) : readers;
            commentRules = commentRules == null ? CommentFields.of(CommentSettings.DEFAULTS) : commentRules;
        }

        /** The form with search tuned as by default. */
        public Form(String name, String tagline, String access, String comments, String requireTwoFactor, String idleHours,
                    ReaderFields readers, CommentFields commentRules, String feedsFullText) {
            this(name, tagline, access, comments, requireTwoFactor, idleHours, readers, commentRules, feedsFullText, null, null);
        }

        /** The form with the feeds' full text on, as by default. */
        public Form(String name, String tagline, String access, String comments, String requireTwoFactor, String idleHours,
                    ReaderFields readers, CommentFields commentRules) {
            this(name, tagline, access, comments, requireTwoFactor, idleHours, readers, commentRules, null);
        }

        /** The form with the comment rules at their defaults. */
        public Form(String name, String tagline, String access, String comments, String requireTwoFactor, String idleHours,
                    ReaderFields readers) {
            this(name, tagline, access, comments, requireTwoFactor, idleHours, readers, null);
        }

        /** The form with the readers' rules at their defaults. */
        public Form(String name, String tagline, String access, String comments, String requireTwoFactor, String idleHours) {
            this(name, tagline, access, comments, requireTwoFactor, idleHours, null, null);
        }

        /** The form filled in with the settings in effect. */
        public static Form of(SiteSettings s, String configuredName) {
            return new Form(s.nameOr(configuredName), s.tagline(), s.defaultAccess().word(), s.defaultComments().word(),
                    s.requireTwoFactor() ? "yes" : "", String.valueOf(s.sessionIdleHours()), ReaderFields.of(s.readers()),
                    CommentFields.of(s.comments()), s.feedsFullText() ? "yes" : "", String.valueOf(s.search().recencyPercent()),
                    String.valueOf(s.search().halfLifeDays()));
        }
    }

    /** The paywall's fields of the form as sent, stripped; an empty {@code giftCap} means no cap. */
    public record ReaderFields(String previewParagraphs, String anonymousMeter, String registeredMeter, String giftsPerMonth,
                               String giftExpiryDays, String giftCap) {
        public ReaderFields {
            previewParagraphs = clean(previewParagraphs);
            anonymousMeter = clean(anonymousMeter);
            registeredMeter = clean(registeredMeter);
            giftsPerMonth = clean(giftsPerMonth);
            giftExpiryDays = clean(giftExpiryDays);
            giftCap = clean(giftCap);
        }

        public static ReaderFields of(ReaderSettings r) {
            return new ReaderFields(String.valueOf(r.previewParagraphs()), String.valueOf(r.anonymousMeter()),
                    String.valueOf(r.registeredMeter()), String.valueOf(r.giftsPerMonth()), String.valueOf(r.giftExpiryDays()),
                    r.giftCapped() ? String.valueOf(r.giftReaderCap()) : "");
        }

        /** The rules these fields give; only for fields without problems. */
        ReaderSettings settings() {
            return new ReaderSettings(Integer.parseInt(previewParagraphs), Integer.parseInt(anonymousMeter),
                    Integer.parseInt(registeredMeter), Integer.parseInt(giftsPerMonth), Integer.parseInt(giftExpiryDays),
                    giftCap.isEmpty() ? 0 : Integer.parseInt(giftCap));
        }
    }

    /**
     * The comment rules' fields of the form as sent, stripped: {@code who} and {@code onDeletion} are the words of
     * {@link CommentSettings.Who} and {@link CommentSettings.OnDeletion}, {@code premoderateAll} the checkbox's value
     * ("yes") or empty, the rest whole numbers.
     */
    public record CommentFields(String who, String closeDays, String editMinutes, String minSeconds, String perHour, String linksAfter,
                                String premoderateFirst, String premoderateAll, String onDeletion) {
        public CommentFields {
            who = clean(who);
            closeDays = clean(closeDays);
            editMinutes = clean(editMinutes);
            minSeconds = clean(minSeconds);
            perHour = clean(perHour);
            linksAfter = clean(linksAfter);
            premoderateFirst = clean(premoderateFirst);
            premoderateAll = clean(premoderateAll);
            onDeletion = clean(onDeletion);
        }

        public static CommentFields of(CommentSettings c) {
            return new CommentFields(c.who().word(), String.valueOf(c.closeDays()), String.valueOf(c.editMinutes()),
                    String.valueOf(c.minSeconds()), String.valueOf(c.perHour()), String.valueOf(c.linksAfter()),
                    String.valueOf(c.premoderateFirst()), c.premoderateAll() ? "yes" : "", c.onDeletion().word());
        }

        /** The rules these fields give; only for fields without problems. */
        CommentSettings settings() {
            return new CommentSettings(CommentSettings.Who.fromWord(who).orElseThrow(), Integer.parseInt(closeDays),
                    Integer.parseInt(editMinutes), Integer.parseInt(minSeconds), Integer.parseInt(perHour), Integer.parseInt(linksAfter),
                    Integer.parseInt(premoderateFirst), premoderateAll.equals("yes"), CommentSettings.OnDeletion.fromWord(onDeletion).orElseThrow());
        }
    }

    /** What became of a save. */
    public sealed interface Outcome {
        /** Stored; {@code changes} says what changed ("name": "A → B"), and is empty when nothing did. */
        record Saved(SiteSettings settings, Map<String, String> changes) implements Outcome {}

        /** Nothing was stored; the problems are keyed by form field. */
        record Invalid(Map<String, String> problems) implements Outcome {}
    }

    /** The settings in effect: the stored row, or the defaults while there is none. */
    public SiteSettings read() {
        return jdbi.withHandle(SettingsStore::read);
    }

    /** The settings in effect, read in the caller's transaction. */
    public static SiteSettings read(Handle h) {
        return h.createQuery("SELECT * FROM site_settings").map(ROW).findOne().orElse(SiteSettings.DEFAULTS);
    }

    /**
     * Checks and stores the form. A name equal to the configured one is stored as "none", so the paper
     * follows the configuration again.
     */
    public Outcome save(AuditLog.Actor actor, Form form, String configuredName, Instant now) {
        Map<String, String> problems = problems(form);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        SiteSettings after = new SiteSettings(form.name().equals(configuredName) ? "" : form.name(), form.tagline(),
                AccessLevel.fromWord(form.access()).orElseThrow(), CommentPolicy.fromWord(form.comments()).orElseThrow(),
                form.requireTwoFactor().equals("yes"), Integer.parseInt(form.idleHours()), form.readers().settings(),
                form.commentRules().settings(), form.feedsFullText().equals("yes"),
                new Tuning(Integer.parseInt(form.searchRecency()), Integer.parseInt(form.searchHalfLife())));
        return jdbi.inTransaction(h -> {
            // two admins saving at once take turns, so each audit entry's "from" is what the other stored;
            // readers are not held up (this lock mode lets plain reads through)
            h.execute("LOCK TABLE site_settings IN SHARE ROW EXCLUSIVE MODE");
            SiteSettings before = read(h);
            Map<String, String> changes = changes(before, after, configuredName);
            if (changes.isEmpty()) return new Outcome.Saved(before, changes);
            h.createUpdate("""
                            INSERT INTO site_settings (id, name, tagline, default_access, default_comments, require_two_factor,
                                                       session_idle_hours, preview_paragraphs, anonymous_meter, registered_meter,
                                                       gifts_per_month, gift_expiry_days, gift_reader_cap, comments_who,
                                                       comments_close_days, comments_edit_minutes, comments_min_seconds,
                                                       comments_per_hour, comments_links_after, comments_premoderate_first,
                                                       comments_premoderate_all, comments_on_deletion, feeds_full_text,
                                                       search_recency_percent, search_recency_half_life_days, updated_at, updated_by)
                            VALUES (true, :name, :tagline, :access, :comments, :twoFactor, :idle, :preview, :anonymousMeter,
                                    :registeredMeter, :gifts, :expiry, :cap, :who, :closeDays, :editMinutes, :minSeconds, :perHour,
                                    :linksAfter, :premoderateFirst, :premoderateAll, :onDeletion, :feedsFullText, :recency, :halfLife, :now, :by)
                            ON CONFLICT (id) DO UPDATE SET name = excluded.name, tagline = excluded.tagline,
                                default_access = excluded.default_access, default_comments = excluded.default_comments,
                                require_two_factor = excluded.require_two_factor, session_idle_hours = excluded.session_idle_hours,
                                preview_paragraphs = excluded.preview_paragraphs, anonymous_meter = excluded.anonymous_meter,
                                registered_meter = excluded.registered_meter, gifts_per_month = excluded.gifts_per_month,
                                gift_expiry_days = excluded.gift_expiry_days, gift_reader_cap = excluded.gift_reader_cap,
                                comments_who = excluded.comments_who, comments_close_days = excluded.comments_close_days,
                                comments_edit_minutes = excluded.comments_edit_minutes, comments_min_seconds = excluded.comments_min_seconds,
                                comments_per_hour = excluded.comments_per_hour, comments_links_after = excluded.comments_links_after,
                                comments_premoderate_first = excluded.comments_premoderate_first,
                                comments_premoderate_all = excluded.comments_premoderate_all,
                                comments_on_deletion = excluded.comments_on_deletion, feeds_full_text = excluded.feeds_full_text,
                                search_recency_percent = excluded.search_recency_percent,
                                search_recency_half_life_days = excluded.search_recency_half_life_days,
                                updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                    .bind("name", after.name().isEmpty() ? null : after.name()).bind("tagline", after.tagline())
                    .bind("access", after.defaultAccess().word()).bind("comments", after.defaultComments().word())
                    .bind("twoFactor", after.requireTwoFactor()).bind("idle", after.sessionIdleHours())
                    .bind("preview", after.readers().previewParagraphs()).bind("anonymousMeter", after.readers().anonymousMeter())
                    .bind("registeredMeter", after.readers().registeredMeter()).bind("gifts", after.readers().giftsPerMonth())
                    .bind("expiry", after.readers().giftExpiryDays())
                    .bind("cap", after.readers().giftCapped() ? after.readers().giftReaderCap() : null)
                    .bind("who", after.comments().who().word()).bind("closeDays", after.comments().closeDays())
                    .bind("editMinutes", after.comments().editMinutes()).bind("minSeconds", after.comments().minSeconds())
                    .bind("perHour", after.comments().perHour()).bind("linksAfter", after.comments().linksAfter())
                    .bind("premoderateFirst", after.comments().premoderateFirst())
                    .bind("premoderateAll", after.comments().premoderateAll()).bind("onDeletion", after.comments().onDeletion().word())
                    .bind("feedsFullText", after.feedsFullText())
                    .bind("recency", after.search().recencyPercent()).bind("halfLife", after.search().halfLifeDays())
                    .bind("now", now).bind("by", actor.staffId())
                    .execute();
            AuditLog.record(h, actor, "settings changed", after.nameOr(configuredName), changes, now);
            ChangeFeed.announce(h, "settings");
            return new Outcome.Saved(after, changes);
        });
    }

    /** Problems with the form, keyed by field ("name", "tagline", "access", "comments", "requireTwoFactor", "idleHours"). */
    static Map<String, String> problems(Form f) {
        Map<String, String> p = new LinkedHashMap<>();
        if (f.name().isEmpty()) p.put("name", "The paper needs a name.");
        else if (f.name().length() > SiteSettings.MAX_NAME) p.put("name", "A name can have at most " + SiteSettings.MAX_NAME + " characters.");
        else if (Texts.hasControl(f.name())) p.put("name", "A name is one line of text, without control characters.");
        if (f.tagline().length() > SiteSettings.MAX_TAGLINE) {
            p.put("tagline", "A tagline can have at most " + SiteSettings.MAX_TAGLINE + " characters.");
        } else if (Texts.hasControl(f.tagline())) {
            p.put("tagline", "A tagline is one line of text, without control characters.");
        }
        if (AccessLevel.fromWord(f.access()).isEmpty()) p.put("access", "Choose who may read new articles: free, registered or premium.");
        if (CommentPolicy.fromWord(f.comments()).isEmpty()) {
            p.put("comments", "Choose the comments of new articles: open, premoderated, closed or off.");
        }
        if (!f.requireTwoFactor().isEmpty() && !f.requireTwoFactor().equals("yes")) {
            p.put("requireTwoFactor", "Tick the box, or leave it empty.");
        }
        int hours = f.idleHours().matches("[0-9]{1,4}") ? Integer.parseInt(f.idleHours()) : -1;
        if (hours < SiteSettings.MIN_IDLE_HOURS || hours > SiteSettings.MAX_IDLE_HOURS) {
            p.put("idleHours", "A whole number of hours from " + SiteSettings.MIN_IDLE_HOURS + " to " + SiteSettings.MAX_IDLE_HOURS
                    + " (a week).");
        }
        ReaderFields r = f.readers();
        whole(p, "previewParagraphs", r.previewParagraphs(), ReaderSettings.MIN_PREVIEW, ReaderSettings.MAX_PREVIEW, "paragraphs");
        whole(p, "anonymousMeter", r.anonymousMeter(), 0, ReaderSettings.MAX_METER, "articles");
        whole(p, "registeredMeter", r.registeredMeter(), 0, ReaderSettings.MAX_METER, "articles");
        whole(p, "giftsPerMonth", r.giftsPerMonth(), 0, ReaderSettings.MAX_GIFTS, "gifts");
        whole(p, "giftExpiryDays", r.giftExpiryDays(), 1, ReaderSettings.MAX_EXPIRY_DAYS, "days");
        if (!r.giftCap().isEmpty()) whole(p, "giftCap", r.giftCap(), 1, ReaderSettings.MAX_CAP, "readers, or leave it empty for no cap");
        CommentFields c = f.commentRules();
        if (CommentSettings.Who.fromWord(c.who()).isEmpty()) p.put("commentsWho", "Choose who may comment: signed-in readers or subscribers.");
        whole(p, "commentsCloseDays", c.closeDays(), 0, CommentSettings.MAX_CLOSE_DAYS, "days (0: never)");
        whole(p, "commentsEditMinutes", c.editMinutes(), 0, CommentSettings.MAX_EDIT_MINUTES, "minutes");
        whole(p, "commentsMinSeconds", c.minSeconds(), 0, CommentSettings.MAX_MIN_SECONDS, "seconds");
        whole(p, "commentsPerHour", c.perHour(), 1, CommentSettings.MAX_PER_HOUR, "comments");
        whole(p, "commentsLinksAfter", c.linksAfter(), 0, CommentSettings.MAX_LINKS_AFTER, "approved comments");
        whole(p, "commentsPremoderateFirst", c.premoderateFirst(), 0, CommentSettings.MAX_PREMODERATE_FIRST, "comments");
        if (!c.premoderateAll().isEmpty() && !c.premoderateAll().equals("yes")) p.put("commentsPremoderateAll", "Tick the box, or leave it empty.");
        if (CommentSettings.OnDeletion.fromWord(c.onDeletion()).isEmpty()) {
            p.put("commentsOnDeletion", "Choose what a deleted account leaves of its comments: anonymise or remove.");
        }
        if (!f.feedsFullText().isEmpty() && !f.feedsFullText().equals("yes")) p.put("feedsFullText", "Tick the box, or leave it empty.");
        whole(p, "searchRecency", f.searchRecency(), 0, Tuning.MAX_RECENCY_PERCENT, "percent");
        whole(p, "searchHalfLife", f.searchHalfLife(), Tuning.MIN_HALF_LIFE_DAYS, Tuning.MAX_HALF_LIFE_DAYS, "days");
        return p;
    }

    /** Notes a problem unless {@code value} is a whole number from {@code min} to {@code max}. */
    private static void whole(Map<String, String> problems, String field, String value, int min, int max, String unit) {
        int n = value.matches("[0-9]{1,6}") ? Integer.parseInt(value) : -1;
        if (n < min || n > max) problems.put(field, "A whole number from " + min + " to " + max + " " + unit + ".");
    }

    /** Each setting that differs, as "from → to", in the form's order. */
    static Map<String, String> changes(SiteSettings before, SiteSettings after, String configuredName) {
        Map<String, String> c = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) c.put("name", name(before, configuredName) + " → " + name(after, configuredName));
        if (!before.tagline().equals(after.tagline())) c.put("tagline", text(before.tagline()) + " → " + text(after.tagline()));
        if (before.defaultAccess() != after.defaultAccess()) {
            c.put("default access", before.defaultAccess().word() + " → " + after.defaultAccess().word());
        }
        if (before.defaultComments() != after.defaultComments()) {
            c.put("default comments", before.defaultComments().word() + " → " + after.defaultComments().word());
        }
        if (before.requireTwoFactor() != after.requireTwoFactor()) {
            c.put("two-factor required", onOff(before.requireTwoFactor()) + " → " + onOff(after.requireTwoFactor()));
        }
        if (before.sessionIdleHours() != after.sessionIdleHours()) {
            c.put("session idle hours", before.sessionIdleHours() + " → " + after.sessionIdleHours());
        }
        ReaderSettings b = before.readers();
        ReaderSettings a = after.readers();
        change(c, "preview paragraphs", b.previewParagraphs(), a.previewParagraphs());
        change(c, "anonymous meter", b.anonymousMeter(), a.anonymousMeter());
        change(c, "registered meter", b.registeredMeter(), a.registeredMeter());
        change(c, "gifts per month", b.giftsPerMonth(), a.giftsPerMonth());
        change(c, "gift expiry days", b.giftExpiryDays(), a.giftExpiryDays());
        if (b.giftReaderCap() != a.giftReaderCap()) c.put("gift reader cap", cap(b) + " → " + cap(a));
        CommentSettings cb = before.comments();
        CommentSettings ca = after.comments();
        if (cb.who() != ca.who()) c.put("who may comment", cb.who().word() + " → " + ca.who().word());
        change(c, "comments close after days", cb.closeDays(), ca.closeDays());
        change(c, "comment edit minutes", cb.editMinutes(), ca.editMinutes());
        change(c, "seconds between comments", cb.minSeconds(), ca.minSeconds());
        change(c, "comments per hour", cb.perHour(), ca.perHour());
        change(c, "approved comments before links", cb.linksAfter(), ca.linksAfter());
        change(c, "first comments premoderated", cb.premoderateFirst(), ca.premoderateFirst());
        if (cb.premoderateAll() != ca.premoderateAll()) c.put("all comments premoderated", onOff(cb.premoderateAll()) + " → " + onOff(ca.premoderateAll()));
        if (before.feedsFullText() != after.feedsFullText()) {
            c.put("feeds carry full text", onOff(before.feedsFullText()) + " → " + onOff(after.feedsFullText()));
        }
        change(c, "search recency lift percent", before.search().recencyPercent(), after.search().recencyPercent());
        change(c, "search recency half-life days", before.search().halfLifeDays(), after.search().halfLifeDays());
        if (cb.onDeletion() != ca.onDeletion()) c.put("comments of deleted accounts", cb.onDeletion().word() + " → " + ca.onDeletion().word());
        return c;
    }

    private static void change(Map<String, String> changes, String what, int before, int after) {
        if (before != after) changes.put(what, before + " → " + after);
    }

    private static String cap(ReaderSettings r) {
        return r.giftCapped() ? String.valueOf(r.giftReaderCap()) : "none";
    }

    private static String name(SiteSettings s, String configuredName) {
        return s.name().isEmpty() ? "\"" + configuredName + "\" (configured)" : "\"" + s.name() + "\"";
    }

    private static String text(String s) {
        return s.isEmpty() ? "(none)" : "\"" + s + "\"";
    }

    private static String onOff(boolean b) {
        return b ? "yes" : "no";
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
