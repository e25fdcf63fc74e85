package broadsheet.subscription;

import broadsheet.storage.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The readers as the newsroom looks them up: by the start of their email, a page at a time in email order (keyset
 * pagination: the next page starts after the last email shown, so it stays fast however many readers there are),
 * and one reader with their subscriptions and complimentary access. Reading only; {@link Grants} changes access.
 */
public final class ReaderDirectory {
    public static final int PAGE = 25;
    private final Jdbi jdbi;

    public ReaderDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A reader as the newsroom lists them. */
    public record Reader(long id, String email, String name, boolean verified, Instant createdAt) {}

    /** One of a reader's subscriptions; {@code plan} is empty when the provider bills a price no plan names. */
    public record Subscription(long id, String plan, String status, Instant periodEnd, boolean renews, String provider,
                               String providerRef, Instant createdAt) {
        /** Whether an admin may cancel it here: one an admin granted, not yet cancelled or expired. */
        public boolean cancellable() {
            return provider.equals("admin") && (status.equals("active") || status.equals("past_due"));
        }
    }

    /** An admin's complimentary access. */
    public record Grant(long id, Instant startsAt, Instant endsAt, String reason, String grantedBy, Instant revokedAt) {
        public boolean running(Instant now) {
            return revokedAt == null && !startsAt.isAfter(now) && endsAt.isAfter(now);
        }

        public boolean revocable(Instant now) {
            return revokedAt == null && endsAt.isAfter(now);
        }
    }

    /** A page of readers and the email the next page starts after, or null on the last page. */
    public record Found(List<Reader> readers, String after) {}

    /**
     * Readers whose email starts with {@code prefix} (any case; empty: every reader), after the email {@code after}
     * (null: from the first).
     */
    public Found find(String prefix, String after, int size) {
        String like = prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Reader> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM readers
                        WHERE lower(email) COLLATE "C" LIKE :like
                          AND (CAST(:after AS text) IS NULL OR lower(email) COLLATE "C" > CAST(:after AS text) COLLATE "C")
                        ORDER BY lower(email) COLLATE "C" LIMIT :limit""")
                .bind("like", like).bind("after", after == null ? null : after.toLowerCase(java.util.Locale.ROOT)).bind("limit", size + 1)
                .map((rs, ctx) -> reader(rs)).list());
        if (rows.size() <= size) return new Found(rows, null);
        List<Reader> page = rows.subList(0, size);
        return new Found(List.copyOf(page), page.get(size - 1).email().toLowerCase(java.util.Locale.ROOT));
    }

    public Optional<Reader> reader(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM readers WHERE id = :id").bind("id", id).map((rs, ctx) -> reader(rs)).findOne());
    }

    /** The reader's subscriptions, the latest period first. */
    public List<Subscription> subscriptions(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.*, p.name AS plan_name FROM subscriptions s LEFT JOIN plans p ON p.id = s.plan_id
                        WHERE s.reader_id = :reader ORDER BY s.current_period_end DESC, s.id DESC""")
                .bind("reader", readerId)
                .map((rs, ctx) -> new Subscription(rs.getLong("id"), rs.getString("plan_name") == null ? "" : rs.getString("plan_name"),
                        rs.getString("status"), Rows.instant(rs, "current_period_end"), rs.getBoolean("renews"), rs.getString("provider"),
                        rs.getString("provider_ref"), Rows.instant(rs, "created_at")))
                .list());
    }

    /** The reader's complimentary access, the latest ending first. */
    public List<Grant> grants(long readerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM complimentary_access WHERE reader_id = :reader ORDER BY ends_at DESC, id DESC""")
                .bind("reader", readerId)
                .map((rs, ctx) -> new Grant(rs.getLong("id"), Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"),
                        rs.getString("reason"), rs.getString("granted_by_name"), Rows.instant(rs, "revoked_at")))
                .list());
    }

    private static Reader reader(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reader(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getObject("email_verified_at") != null,
                Rows.instant(rs, "created_at"));
    }
}
