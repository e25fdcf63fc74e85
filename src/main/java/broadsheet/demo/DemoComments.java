package broadsheet.demo;

import broadsheet.account.Passwords;
import broadsheet.account.StaffStore;
import broadsheet.shared.StaffRole;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The demo's readers' comments and the moderator who looks after them. On a demo with no comments yet it adds
 * threads to the newest articles: most have a few comments, one a day old has several hundred, with replies,
 * "replying to" answers deeper down, editor's picks, recommendations, a comment deleted by its writer, and a few
 * held comments and reports so the moderators' queues have work. The commenters are readers made for it (with
 * no password: they are never signed in as) and the demo's two readers. Most articles take comments, a few are
 * premoderated, one is closed and one has none; the paper keeps threads open {@value #CLOSE_DAYS} days (out of
 * the box: 7), so the demo's articles, published over the last sixty days, can be tried. All of it follows from
 * the seed and {@code now}; it is written with plain batched SQL, so it takes well under a second.
 */
public final class DemoComments {
    public static final String MODERATOR = "moderator@demo.example";
    static final String MODERATOR_NAME = "Morgan Ashdown";
    /** The paper's days-open setting in the demo. */
    static final int CLOSE_DAYS = 90;
    /** Comments on the newest article. */
    static final int BIG_THREAD = 340;
    private static final int NEWEST = 400;
    private static final int BIG = 0;
    private static final List<Integer> PREMODERATED = List.of(2, 6, 11);
    private static final int CLOSED = 4;
    private static final int OFF = 8;
    private static final List<String> FIRST = List.of("Alys", "Bernard", "Carys", "Desmond", "Elif", "Fergus", "Gwen", "Hamish", "Ines",
            "Jasper", "Kezia", "Lorcan", "Maud", "Niall", "Orla", "Piers", "Quentin", "Rhiannon", "Soraya", "Tomasz", "Ursula", "Vikram",
            "Wilf", "Yusuf", "Zara", "Anneka", "Bram", "Cleo", "Dev", "Esme");
    private static final List<String> LAST = List.of("Achterberg", "Banerjee", "Calloway", "Dunmore", "Ellwood", "Fairbairn", "Gorski",
            "Hallam", "Iqbal", "Jellicoe", "Kavanagh", "Lindgren", "Maddox", "Nwosu", "Oyelaran", "Penhaligon", "Quayle", "Rosslyn",
            "Szabo", "Treharne", "Underhill", "Varga", "Whitlock", "Yardley");
    private static final int COMMENTERS = 60;
    private final Jdbi jdbi;
    private final Passwords passwords;

    public DemoComments(Jdbi jdbi, Passwords passwords) {
        this.jdbi = jdbi;
        this.passwords = passwords;
    }

    /** Makes the demo's moderator if missing, gives them a new password, and prints how to sign in as them. */
    public void ensureModerator(String signInAddress, Instant now, PrintStream out) {
        String password = Passwords.generate();
        String hash = passwords.hash(password);
        jdbi.useTransaction(h -> {
            Optional<Long> id = staffId(h);
            if (id.isPresent()) {
                StaffStore.setPassword(h, id.get(), hash);
            } else {
                StaffStore.create(h, MODERATOR, MODERATOR_NAME, false, StaffRole.MODERATOR, hash, now);
            }
        });
        out.println("Demo moderator (sign in at " + signInAddress + "):");
        DemoReaders.printAccount(out, MODERATOR, password, "moderator: readers' comments and their queues");
    }

    /** Adds the threads unless the database has comments already; returns whether it did. */
    public boolean loadIfEmpty(long seed, Instant now, PrintStream out) {
        if (jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM comments)").mapTo(Boolean.class).one())) return false;
        List<Article> newest = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, s.slug, a.first_published_at FROM articles a JOIN sections s ON s.id = a.section_id
                        WHERE a.status = 'published' ORDER BY a.first_published_at DESC, a.id DESC LIMIT :n""")
                .bind("n", NEWEST)
                .map((rs, ctx) -> new Article(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list());
        if (newest.isEmpty()) return false;
        List<Article> articles = biggestFirst(newest, now);
        long started = System.nanoTime();
        int[] made = jdbi.inTransaction(h -> {
            Long moderator = staffId(h).orElse(null);
            List<Person> people = people(h, now);
            Person staff = person(h, MODERATOR, MODERATOR_NAME, now, true);
            policies(h, articles);
            Threads threads = new Threads(new SplittableRandom(seed * 31 + 7), people, staff, moderator, now);
            for (int i = 0; i < articles.size(); i++) threads.write(i, articles.get(i));
            return threads.store(h);
        });
        out.printf("Added %d readers' comments on %d articles (%d on the busiest), %d of them held for the moderators, in %.1f s.%n",
                made[0], made[1], made[2], made[3], (System.nanoTime() - started) / 1e9);
        return true;
    }

    /**
     * The articles with the one to get the biggest thread first: the newest that is a day old, so its comments
     * spread over a day or more as a busy thread's would (or the newest, when none is).
     */
    private static List<Article> biggestFirst(List<Article> newestFirst, Instant now) {
        List<Article> out = new ArrayList<>(newestFirst);
        for (Article a : newestFirst) {
            if (a.published().isBefore(now.minus(Duration.ofDays(1)))) {
                out.remove(a);
                out.add(0, a);
                break;
            }
        }
        return out;
    }

    private static Optional<Long> staffId(Handle h) {
        return h.createQuery("SELECT id FROM staff WHERE lower(email) = lower(:e)").bind("e", MODERATOR).mapTo(Long.class).findOne();
    }

    record Article(long id, String section, Instant published) {}

    /** A reader who comments: their account and the name their comments show. */
    record Person(long id, String name, boolean staff) {}

    /** The demo's two readers, then the commenters made for the demo. */
    private static List<Person> people(Handle h, Instant now) {
        List<Person> people = new ArrayList<>();
        for (String email : List.of(DemoReaders.SUBSCRIBER, DemoReaders.READER)) {
            h.createQuery("SELECT id, name FROM readers WHERE lower(email) = lower(:e)").bind("e", email)
                    .map((rs, ctx) -> new Person(rs.getLong(1), rs.getString(2), false)).findOne().ifPresent(people::add);
        }
        for (int i = 0; i < COMMENTERS; i++) {
            String first = FIRST.get(i % FIRST.size());
            String last = LAST.get((i * 7 + i / FIRST.size()) % LAST.size());
            String email = (first + "." + last).toLowerCase(java.util.Locale.ROOT) + "@demo.example";
            people.add(person(h, email, i % 9 == 4 ? first + " " + last.charAt(0) + "." : first + " " + last, now.minus(Duration.ofDays(90 + i)), false));
        }
        return people;
    }

    private static Person person(Handle h, String email, String name, Instant since, boolean staff) {
        h.createUpdate("""
                        INSERT INTO readers (email, name, email_verified_at, created_at) VALUES (:e, :n, :at, :at)
                        ON CONFLICT ((lower(email))) DO NOTHING""")
                .bind("e", email).bind("n", name).bind("at", since).execute();
        long id = h.createQuery("SELECT id FROM readers WHERE lower(email) = lower(:e)").bind("e", email).mapTo(Long.class).one();
        return new Person(id, name, staff);
    }

    /** Every article open, but for a few premoderated, one closed and one off; threads open for {@link #CLOSE_DAYS}. */
    private static void policies(Handle h, List<Article> articles) {
        h.execute("UPDATE articles SET comment_policy = 'open' WHERE comment_policy <> 'open'");
        for (int i : PREMODERATED) {
            if (i < articles.size()) h.execute("UPDATE articles SET comment_policy = 'premoderated' WHERE id = ?", articles.get(i).id());
        }
        if (CLOSED < articles.size()) h.execute("UPDATE articles SET comment_policy = 'closed' WHERE id = ?", articles.get(CLOSED).id());
        if (OFF < articles.size()) h.execute("UPDATE articles SET comment_policy = 'off' WHERE id = ?", articles.get(OFF).id());
        h.execute("""
                INSERT INTO site_settings (id, comments_close_days) VALUES (true, ?)
                ON CONFLICT (id) DO UPDATE SET comments_close_days = excluded.comments_close_days""", CLOSE_DAYS);
    }

    /** One comment as it will be stored; parent and root are positions in the list, -1 for none. */
    private record Row(int index, Article article, Person author, int parent, int root, int depth, String body, String status,
                       String heldReason, String rejectedReason, Instant at, boolean pick, int recommendations, boolean edited) {
        Row with(String status, String heldReason, String rejectedReason) {
            return new Row(index, article, author, parent, root, depth, body, status, heldReason, rejectedReason, at, pick, recommendations, edited);
        }
    }

    /** Writes the threads, article by article, then stores them. */
    private static final class Threads {
        private final SplittableRandom r;
        private final List<Person> people;
        private final Person staff;
        private final Long moderator;
        private final Instant now;
        private final List<Row> rows = new ArrayList<>();
        private final List<long[]> reports = new ArrayList<>();
        private int articles;
        private int big;
        /** Whether the thread being written is the biggest, whose comments get more recommendations and picks. */
        private boolean writingBig;

        Threads(SplittableRandom r, List<Person> people, Person staff, Long moderator, Instant now) {
            this.r = r;
            this.people = people;
            this.staff = staff;
            this.moderator = moderator;
            this.now = now;
        }

        void write(int position, Article article) {
            if (position == OFF) return;
            // the articles with a part to play in the demo have a thread; of the others, most have a few comments
            int count = position == BIG ? BIG_THREAD : position <= OFF ? 3 + r.nextInt(6) : r.nextDouble() < 0.15 ? 0 : 1 + r.nextInt(8);
            if (count == 0) return;
            articles++;
            writingBig = position == BIG;
            int first = rows.size();
            Instant from = article.published().plus(Duration.ofMinutes(2));
            long window = Math.max(60, Math.min(Duration.between(from, now).getSeconds(), Duration.ofDays(3).getSeconds()));
            double replies = position == BIG ? 2.2 : 0.6;
            while (rows.size() - first < count) {
                // the demo's subscriber starts the biggest thread and writes on a few more, so they have a record
                Person author = rows.size() == first && position <= 5 && position % 2 == 1 || position == BIG && rows.size() == first
                        ? people.get(0) : somebody(null);
                Row top = add(article, author, -1, from.plusSeconds(r.nextLong(window)), true);
                int thread = rows.size();
                int answers = (int) Math.min(count - (rows.size() - first), Math.round(-Math.log(1 - r.nextDouble()) * replies));
                for (int k = 0; k < answers; k++) {
                    // answer the top comment, or one of its replies (deeper than two levels they show as "replying to")
                    Row parent = r.nextDouble() < 0.55 ? top : rows.get(thread - 1 + r.nextInt(rows.size() - thread + 1));
                    add(article, somebody(parent.author()), parent.index(), parent.at().plusSeconds(60 + r.nextLong(6 * 3600)), false);
                }
            }
            if (position == BIG) {
                big = rows.size() - first;
                bigThreadExtras(article, first);
            } else if (PREMODERATED.contains(position)) {
                hold(add(article, somebody(null), -1, now.minusSeconds(600 + r.nextLong(3600)), true), "this article's comments are premoderated");
            } else if (position == 1) {
                Row linked = add(article, somebody(null), -1, now.minusSeconds(300 + r.nextLong(1800)), true);
                rows.set(linked.index(), new Row(linked.index(), article, linked.author(), -1, linked.index(), 0,
                        "The full report is worth reading, especially the tables: https://example.org/reports/annual-figures", "pending",
                        "a link from a reader with fewer than 3 approved comments", null, linked.at(), false, 0, false));
            }
        }

        /** A staff note, a comment deleted by its writer, a rejected one, a held one and two reports, on the biggest thread. */
        private void bigThreadExtras(Article article, int first) {
            Row note = add(article, staff, -1, rows.get(first).at().plusSeconds(1800), true);
            rows.set(note.index(), new Row(note.index(), article, staff, -1, note.index(), 0,
                    "From the moderators: thank you for a lively discussion. Please keep it civil and about the article; comments that "
                            + "attack other readers will be removed.", "approved", null, null, note.at(), false, 3, false));
            for (int i = first; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (row.depth() == 0 && row.author() != staff && i > first && hasReplies(i)) {
                    rows.set(i, row.with("deleted", null, null));
                    break;
                }
            }
            Row rejected = add(article, somebody(null), -1, now.minusSeconds(7200), true);
            rows.set(rejected.index(), rejected.with("rejected", null, "a personal attack on another reader"));
            Row held = add(article, somebody(null), -1, now.minusSeconds(900), true);
            rows.set(held.index(), new Row(held.index(), article, held.author(), -1, held.index(), 0,
                    "Anyone who believes the minister's figures is an idiot, frankly. The whole department should go.", "pending",
                    "suspect word: idiot", null, held.at(), false, 0, false));
            int reported = 0;
            for (int i = first + 3; i < rows.size() && reported < 2; i += 17) {
                if (!rows.get(i).status().equals("approved") || rows.get(i).author() == staff) continue;
                Person by = somebody(rows.get(i).author());
                reports.add(new long[] {i, by.id(), reported});
                reported++;
            }
        }

        private boolean hasReplies(int index) {
            for (int i = index + 1; i < rows.size(); i++) if (rows.get(i).parent() == index) return true;
            return false;
        }

        private void hold(Row row, String reason) {
            rows.set(row.index(), row.with("pending", reason, null));
        }

        private Row add(Article article, Person author, int parent, Instant at, boolean top) {
            Instant when = (at.isAfter(now) ? now : at.isBefore(article.published()) ? article.published() : at).truncatedTo(ChronoUnit.SECONDS);
            int index = rows.size();
            int depth = parent < 0 ? 0 : Math.min(rows.get(parent).depth() + 1, 2);
            int root = parent < 0 ? index : rows.get(parent).root();
            double popular = Math.pow(r.nextDouble(), 3);
            int recommendations = (int) Math.round(popular * (top ? (writingBig ? 45 : 12) : 8));
            boolean pick = top && popular > (writingBig ? 0.8 : 0.9);
            String body = top ? DemoCommentTexts.comment(article.section(), r) : DemoCommentTexts.reply(article.section(), r);
            Row row = new Row(index, article, author, parent, root, depth, body, "approved", null, null, when, pick, recommendations,
                    r.nextDouble() < 0.04);
            rows.add(row);
            return row;
        }

        private Person somebody(Person not) {
            while (true) {
                Person p = people.get(r.nextInt(people.size()));
                if (p != not) return p;
            }
        }

        /** Stores it all; returns the comments, the articles with some, the biggest thread's and the held ones. */
        int[] store(Handle h) {
            List<Long> ids = h.createQuery("SELECT nextval(pg_get_serial_sequence('comments', 'id')) FROM generate_series(1, :n)")
                    .bind("n", rows.size()).mapTo(Long.class).list();
            PreparedBatch comments = h.prepareBatch("""
                    INSERT INTO comments (id, article_id, reader_id, parent_id, root_id, depth, author_name, by_staff, body, status,
                                          held_reason, rejected_reason, featured_at, created_at, edited_at, moderated_at, moderated_by)
                    OVERRIDING SYSTEM VALUE
                    VALUES (:id, :article, :reader, :parent, :root, :depth, :name, :staff, :body, :status, :held, :rejected, :featured,
                            :at, :edited, :moderated, :moderator)""");
            int held = 0;
            for (Row row : rows) {
                Instant featured = row.pick() && row.status().equals("approved") ? later(row.at(), 3 * 3600) : null;
                Instant moderated = featured != null ? featured : row.status().equals("rejected") ? later(row.at(), 600) : null;
                if (row.status().equals("pending")) held++;
                comments.bind("id", ids.get(row.index())).bind("article", row.article().id()).bind("reader", row.author().id())
                        .bind("parent", row.parent() < 0 ? null : ids.get(row.parent())).bind("root", ids.get(row.root()))
                        .bind("depth", row.depth()).bind("name", row.author().name()).bind("staff", row.author().staff())
                        .bind("body", row.body()).bind("status", row.status()).bind("held", row.heldReason())
                        .bind("rejected", row.rejectedReason())
                        .bindByType("featured", featured, Instant.class).bindByType("at", row.at(), Instant.class)
                        .bindByType("edited", row.edited() ? later(row.at(), 120) : null, Instant.class)
                        .bindByType("moderated", moderated, Instant.class)
                        .bind("moderator", moderated == null ? null : moderator).add();
            }
            comments.execute();
            PreparedBatch recommendations = h.prepareBatch(
                    "INSERT INTO comment_recommendations (comment_id, reader_id, at) VALUES (:comment, :reader, :at)");
            boolean any = false;
            for (Row row : rows) {
                if (!row.status().equals("approved") || row.recommendations() == 0) continue;
                List<Person> others = new ArrayList<>(people);
                others.remove(row.author());
                for (int i = 0; i < Math.min(row.recommendations(), others.size()); i++) {
                    Person by = others.remove(r.nextInt(others.size()));
                    recommendations.bind("comment", ids.get(row.index())).bind("reader", by.id())
                            .bindByType("at", later(row.at(), 6 * 3600), Instant.class).add();
                    any = true;
                }
            }
            if (any) recommendations.execute();
            String[][] why = {{"off-topic", "Nothing to do with the article."}, {"abusive", "Rude about another reader."}};
            for (long[] report : reports) {
                Row row = rows.get((int) report[0]);
                h.createUpdate("""
                                INSERT INTO comment_reports (comment_id, reader_id, reason, details, created_at)
                                VALUES (:comment, :reader, :reason, :details, :at)""")
                        .bind("comment", ids.get(row.index())).bind("reader", report[1]).bind("reason", why[(int) report[2]][0])
                        .bind("details", why[(int) report[2]][1]).bindByType("at", later(row.at(), 3600), Instant.class).execute();
            }
            return new int[] {rows.size(), articles, big, held};
        }

        /** A moment up to {@code seconds} after {@code t}, never after now. */
        private Instant later(Instant t, long seconds) {
            Instant at = t.plusSeconds(1 + r.nextLong(seconds));
            return at.isAfter(now) ? now : at;
        }
    }
}
