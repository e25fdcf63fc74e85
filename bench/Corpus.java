import broadsheet.Config;
import broadsheet.account.Passwords;
import broadsheet.article.BodyRenderer;
import broadsheet.contributor.ContributorStore;
import broadsheet.reader.ReaderStore;
import broadsheet.section.SectionStore;
import broadsheet.shared.AuditLog;
import broadsheet.storage.Database;
import broadsheet.subscription.Entitlements;
import broadsheet.subscription.Grants;
import broadsheet.topic.TopicStore;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.postgresql.PGConnection;

/**
 * The standard benchmark's corpus, run by bench/run with Broadsheet's classes on the class path. Article number n
 * (from 1) is always the same article: its words, section, bylines, topics, access and date come from a random
 * generator seeded with n, so a corpus of any size is the first n articles of one fixed sequence, whether written
 * as Markdown or straight into PostgreSQL.
 *
 *   java -cp CLASSPATH bench/Corpus.java markdown FOLDER FIRST LAST [pictures]
 *       writes articles FIRST..LAST as Markdown files for `broadsheet import` (with lead pictures for every third
 *       article when asked)
 *   java -cp CLASSPATH bench/Corpus.java bulk DATA FIRST LAST
 *       writes articles FIRST..LAST straight into the data folder's database with COPY, bodies rendered as the
 *       importer renders them (sections, topics and writers the import did not make are made as it makes them)
 *   java -cp CLASSPATH bench/Corpus.java extras DATA EMAIL PASSWORD COMMENTS
 *       makes (or finds) a signed-up subscriber with that password and complimentary access for a year, gives the
 *       newest open free article a thread of COMMENTS comments, and prints what the benchmark measures as
 *       KEY=VALUE lines
 */
public final class Corpus {
    /** Where the dates are counted back from: the corpus does not change with the day it is made. */
    private static final Instant NEWEST = Instant.parse("2026-12-01T12:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final String SEARCH_WORD = "harbour";
    private static final String[] SECTIONS = {"world-news", "uk-news", "politics", "business", "science", "sport",
            "culture", "opinion", "travel", "technology"};
    private static final String[] BYLINES = {"Ada Marsh", "Bruno Keel", "Carla Voss", "Dmitri Hale", "Elena Frost",
            "Farid Osei", "Greta Lund", "Hugo Brandt", "Ines Carvalho", "Jonah Reyes", "Kira Nakamura", "Lena Petrova",
            "Milo Achebe", "Nadia Rahman", "Oscar Lindqvist", "Priya Nair", "Quentin Dufour", "Rosa Albers",
            "Our Foreign Staff", "Sports Desk", "Business Desk"};
    private static final String[] PLACES = {"Northmere", "Estrany", "Valdora", "Kestwick", "Harlow Bay", "Ostmark",
            "Lindfjord", "Carran", "Bellmouth", "Tarsis", "Greymoor", "Solenne", "Arvik", "Dunmore", "Port Selby",
            "Mirelle", "Caldwick", "Ebrun", "Westhaven", "Ranmoor"};
    private static final String[] SUBJECTS = {"harbour dispute", "elections", "budget", "floods", "rail strike",
            "housing", "schools", "energy prices", "football", "courts"};
    /** Common English words, most frequent first: the Zipf head of the corpus's language. */
    private static final String[] COMMON = {"the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with",
            "as", "by", "at", "from", "it", "be", "said", "have", "has", "but", "not", "were", "which", "this", "after",
            "their", "they", "had", "new", "who", "would", "been", "more", "will", "than", "its", "year", SEARCH_WORD,
            "government", "people", "minister", "city", "council", "week", "plan", "could", "over", "two", "first",
            "police", "report", "told", "last", "public", "money", "state", "water", "town", "local", "workers", "court",
            "party", "vote", "price", "market", "ships", "port", "union", "school", "children", "health", "power",
            "north", "south", "coast", "river", "bridge", "station", "night", "morning", "later", "since", "while"};
    private static final String[] SYLLABLES = {"ba", "con", "de", "fal", "gri", "har", "in", "jo", "ker", "lo", "man",
            "nor", "ol", "pre", "quo", "ros", "sta", "tin", "ur", "ves", "wel", "xan", "yor", "zen", "bri", "cla", "dro"};
    private static final List<String> WORDS = vocabulary(8_000);
    private static final double[] ZIPF = zipf(WORDS.size(), 1.05);
    private static final double[] TOPIC_ZIPF = zipf(200, 0.9);

    /** One generated article, as the Markdown file and the database rows both tell it. */
    record Article(int n, String id, String title, String standfirst, String section, String slug, List<String> bylines,
                   List<String> topics, Instant published, String access, String body) {
        LocalDate day() {
            return published.atZone(ZONE).toLocalDate();
        }

        String path() {
            LocalDate d = day();
            return String.format(Locale.ROOT, "/%s/%d/%02d/%02d/%s/", section, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), slug);
        }
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "markdown" -> markdown(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 && args[4].equals("pictures"));
            case "bulk" -> bulk(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "extras" -> extras(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("unknown step " + args[0] + ": markdown, bulk or extras");
        }
    }

    /** Article number n. */
    static Article article(int n) {
        Random r = new Random(0x5eed_0000L + n);
        String title = capitalised(words(r, 6 + r.nextInt(5)));
        String standfirst = capitalised(words(r, 18 + r.nextInt(10))) + ".";
        String section = SECTIONS[Math.min(SECTIONS.length - 1, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 2.5))];
        String slug = slug(String.join(" ", Arrays.asList(title.split(" ")).subList(0, 4))) + "-" + n;
        List<String> bylines = new ArrayList<>();
        bylines.add(BYLINES[r.nextInt(BYLINES.length)]);
        if (r.nextInt(5) == 0) {
            String second = BYLINES[r.nextInt(BYLINES.length)];
            if (!bylines.contains(second)) bylines.add(second);
        }
        // topics are skewed like a paper's: a few running stories carry many articles, most topics few
        LinkedHashSet<String> topics = new LinkedHashSet<>();
        for (int i = 0, k = 1 + r.nextInt(3); i < k; i++) topics.add(topic(pick(r, TOPIC_ZIPF)));
        // six years of archive, newest first by number is not assumed: dates are spread at random
        Instant published = NEWEST.minus(Duration.ofMinutes(r.nextInt(6 * 365 * 24 * 60)));
        int a = r.nextInt(20);
        String access = a < 14 ? "free" : a < 17 ? "registered" : "premium";
        StringBuilder body = new StringBuilder();
        int paragraphs = 8 + r.nextInt(5);
        for (int p = 0; p < paragraphs; p++) {
            if (p == paragraphs / 2) body.append("## ").append(capitalised(words(r, 4))).append("\n\n");
            if (p == 2 && r.nextInt(4) == 0) {
                body.append("> ").append(capitalised(words(r, 15))).append(".\n>\n> — ").append(BYLINES[r.nextInt(18)]).append("\n\n");
            }
            body.append(sentences(r, 600 / paragraphs)).append("\n\n");
        }
        return new Article(n, "bench-" + n, title, standfirst, section, slug, bylines, new ArrayList<>(topics), published, access,
                body.toString());
    }

    private static void markdown(Path folder, int first, int last, boolean pictures) throws Exception {
        Files.createDirectories(folder);
        if (pictures) writePictures(folder.resolve("pictures"));
        for (int n = first; n <= last; n++) {
            Article a = article(n);
            StringBuilder s = new StringBuilder("---\n");
            s.append("id: ").append(a.id()).append('\n');
            s.append("title: \"").append(a.title()).append("\"\n");
            s.append("standfirst: \"").append(a.standfirst()).append("\"\n");
            s.append("section: ").append(a.section()).append('\n');
            s.append("slug: ").append(a.slug()).append('\n');
            s.append("bylines: [").append(quoted(a.bylines())).append("]\n");
            s.append("topics: [").append(quoted(a.topics())).append("]\n");
            s.append("published: ").append(a.published()).append('\n');
            if (pictures && n % 3 == 0) {
                s.append("image: pictures/lead-").append(n % 20).append(".jpg\n");
                s.append("image_caption: \"A scene from ").append(a.topics().get(0)).append("\"\n");
                s.append("image_credit: \"Bench Photo Service\"\n");
                s.append("image_alt: \"A generated picture in two colours\"\n");
            }
            s.append("access: ").append(a.access()).append('\n');
            s.append("comments: open\n---\n").append(a.body());
            Files.writeString(folder.resolve(String.format(Locale.ROOT, "%07d.md", n)), s);
        }
    }

    /** Twenty lead pictures, each a gradient of two colours: small files that the importer checks and resizes like photographs. */
    private static void writePictures(Path folder) throws Exception {
        Files.createDirectories(folder);
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) {
            BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xffffff)), 1600, 1000, new Color(r.nextInt(0xffffff))));
            g.fillRect(0, 0, 1600, 1000);
            g.dispose();
            ImageIO.write(image, "jpg", folder.resolve("lead-" + i + ".jpg").toFile());
        }
    }

    /** Articles per transaction of the bulk writer, and per COPY within it. */
    private static final int BULK_BATCH = 25_000;
    private static final int BULK_CHUNK = 5_000;

    /**
     * Writes articles FIRST..LAST with COPY, a transaction every {@link #BULK_BATCH} articles. The load runs as a
     * replica session (session_replication_role), so the tables' triggers do not fire row by row; what they keep is
     * then made once, set-based, by {@link #afterBulk}, and what they would have written row by row is written here:
     * the link rows' published_at. The next chunk's rows are made (and their bodies rendered, on every core) while
     * PostgreSQL takes the previous one.
     */
    private static void bulk(Path data, int first, int last) throws Exception {
        Config config = Config.load(Map.of(), Map.of(Config.DATA.key(), data.toString()));
        try (Database db = config.openDatabase(); Connection c = db.dataSource().getConnection()) {
            // found, or made as the importer makes them when the Markdown part did not name them all
            Map<String, Long> sections = new HashMap<>();
            Map<String, Long> topics = new HashMap<>();
            Map<String, Long> people = new HashMap<>();
            db.jdbi().useTransaction(h -> {
                for (String slug : SECTIONS) {
                    sections.put(slug, SectionStore.ensure(h, slug, capitalised(slug.replace('-', ' ')).replace("Uk ", "UK "), ""));
                }
                for (int i = 0; i < 200; i++) topics.put(topic(i), TopicStore.ensure(h, topic(i), ""));
                for (String name : BYLINES) people.put(name, ContributorStore.ensure(h, name));
            });
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            long before;
            try (Statement st = c.createStatement()) {
                // the derived rows are made below; without the triggers the foreign keys are not checked either,
                // which the generator's own ids make safe
                st.execute("SET session_replication_role = replica");
                try (var rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM articles")) {
                    rs.next();
                    before = rs.getLong(1);
                }
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            int total = last - first + 1;
            var next = CompletableFuture.supplyAsync(() -> rows(sections, first, Math.min(last, first + BULK_CHUNK - 1)));
            for (int from = first; from <= last; from += BULK_CHUNK) {
                int to = Math.min(last, from + BULK_CHUNK - 1);
                Chunk chunk = next.join();
                int after = to + 1;
                next = after > last ? null
                        : CompletableFuture.supplyAsync(() -> rows(sections, after, Math.min(last, after + BULK_CHUNK - 1)));
                copy.copyIn("COPY articles (section_id, slug, path, headline, standfirst, body_source, body_html, access, comment_policy,"
                        + " status, first_published_at, created_at, modified_at, import_key) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(chunk.rows()));
                Map<String, Long> ids = new HashMap<>();
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT import_key, id FROM articles WHERE import_key IN ("
                        + String.join(",", chunk.made().stream().map(a -> "'" + a.id() + "'").toList()) + ")")) {
                    while (rs.next()) ids.put(rs.getString(1), rs.getLong(2));
                }
                StringBuilder bylines = new StringBuilder();
                StringBuilder tags = new StringBuilder();
                for (Article a : chunk.made()) {
                    long id = ids.get(a.id());
                    // what the link rows' trigger sets: their published article's publication time
                    String at = a.published().toString();
                    for (int i = 0; i < a.bylines().size(); i++) {
                        bylines.append(id).append(',').append(i).append(',').append(need(people, a.bylines().get(i), "writer"))
                                .append(',').append(at).append('\n');
                    }
                    for (int i = 0; i < a.topics().size(); i++) {
                        tags.append(id).append(',').append(i).append(',').append(need(topics, a.topics().get(i), "topic"))
                                .append(',').append(at).append('\n');
                    }
                }
                copy.copyIn("COPY article_bylines (article_id, position, contributor_id, published_at) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(bylines.toString()));
                copy.copyIn("COPY article_topics (article_id, position, topic_id, published_at) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(tags.toString()));
                int done = to - first + 1;
                if (done % BULK_BATCH == 0 || to == last) {
                    c.commit();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.err.printf(Locale.ROOT, "bench: %,d of %,d articles written, %,.0f articles/s%n", done, total, done / seconds);
                }
            }
            long derived = System.nanoTime();
            afterBulk(c, before);
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("RESET session_replication_role");
                st.execute("ANALYZE");
            }
            System.err.printf(Locale.ROOT, "bench: derived rows made and tables analysed in %.1f s%n", (System.nanoTime() - derived) / 1e9);
        }
    }

    /** One chunk of generated articles and their rows for COPY into articles. */
    private record Chunk(List<Article> made, String rows) {}

    private static final ThreadLocal<BodyRenderer> RENDERER = ThreadLocal.withInitial(BodyRenderer::new);

    /** Articles FROM..TO and their CSV rows, made and rendered on every core. */
    private static Chunk rows(Map<String, Long> sections, int from, int to) {
        List<Article> made = IntStream.rangeClosed(from, to).parallel().mapToObj(Corpus::article).toList();
        List<String> lines = made.parallelStream().map(a -> {
            String at = a.published().toString();
            return need(sections, a.section(), "section") + "," + a.slug() + "," + a.path() + "," + csv(a.title()) + ","
                    + csv(a.standfirst()) + "," + csv(a.body()) + "," + csv(RENDERER.get().render(a.body(), d -> Optional.empty()))
                    + "," + a.access() + ",open,published," + at + "," + at + "," + at + "," + a.id() + "\n";
        }).toList();
        return new Chunk(made, String.join("", lines));
    }

    /**
     * What the triggers on articles and their link rows keep, made once for the articles after id {@code before}, in
     * the session's transaction: the sitemap's months counted again; the CDN purges and webhook events their
     * publication asks for, when a CDN or a webhook endpoint wants them (none does in the benchmark). The search
     * outbox is left alone: the search index is built again from the tables afterwards (broadsheet reindex).
     */
    static void afterBulk(Connection c, long before) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO sitemap_months AS m (month, articles, last_change)
                    SELECT date_trunc('month', first_published_at, 'UTC'), count(*), max(coalesce(updated_at, first_published_at))
                    FROM articles WHERE status = 'published' GROUP BY 1
                    ON CONFLICT (month) DO UPDATE SET articles = excluded.articles, last_change = excluded.last_change""");
            st.execute("""
                    INSERT INTO cdn_purges (surrogate_key)
                    SELECT DISTINCT k FROM (
                        SELECT unnest(ARRAY['home', 'feeds', 'articles']) k
                        UNION ALL SELECT 'article-' || a.id FROM articles a WHERE a.id > %1$d AND a.status = 'published'
                        UNION ALL SELECT 'section-' || s.slug FROM articles a JOIN sections s ON s.id = a.section_id
                                  WHERE a.id > %1$d AND a.status = 'published'
                        UNION ALL SELECT 'topic-' || t.slug FROM article_topics x JOIN topics t ON t.id = x.topic_id
                                  JOIN articles a ON a.id = x.article_id WHERE a.id > %1$d AND a.status = 'published'
                        UNION ALL SELECT 'contributor-' || p.slug FROM article_bylines x JOIN contributors p ON p.id = x.contributor_id
                                  JOIN articles a ON a.id = x.article_id WHERE a.id > %1$d AND a.status = 'published') keys
                    WHERE cdn_on() AND EXISTS (SELECT 1 FROM articles a WHERE a.id > %1$d AND a.status = 'published')
                    ON CONFLICT DO NOTHING""".formatted(before));
            st.execute("""
                    INSERT INTO webhook_events (type, article_id, occurred_at)
                    SELECT 'article.published', a.id, a.modified_at FROM articles a
                    WHERE a.id > %d AND a.status = 'published'
                      AND EXISTS (SELECT 1 FROM webhook_endpoints WHERE enabled AND 'article.published' = ANY (events))
                    ON CONFLICT DO NOTHING""".formatted(before));
        }
    }

    private static void extras(Path data, String email, String password, int comments) throws Exception {
        Config config = Config.load(Map.of(), Map.of(Config.DATA.key(), data.toString()));
        Instant now = Instant.now();
        try (Database db = config.openDatabase()) {
            var jdbi = db.jdbi();
            var readers = new ReaderStore(jdbi);
            String hash = new Passwords().hash(password);
            long subscriber = readers.byEmail(email).map(r -> r.id())
                    .orElseGet(() -> readers.create(email, "Sam Subscriber", hash, now, now).orElseThrow());
            readers.setPassword(subscriber, hash);
            readers.verified(subscriber, now);
            if (!new Entitlements(jdbi, config.zone()).entitled(subscriber, now)) {
                var done = new Grants(jdbi, config.zone()).grantComplimentary(new AuditLog.Actor(null, "The benchmark", "127.0.0.1"),
                        subscriber, LocalDate.now(config.zone()).plusYears(1).toString(), "benchmark subscriber", now);
                if (!(done instanceof Grants.Outcome.Done)) throw new IllegalStateException("could not grant access: " + done);
            }
            String newest = "SELECT %s FROM articles WHERE status = 'published' AND access = '%s' AND comment_policy = 'open'"
                    + " ORDER BY first_published_at DESC, id DESC LIMIT 1 OFFSET %d";
            // the thread goes on the newest free article; the article measured is the one before it
            long thread = jdbi.withHandle(h -> h.createQuery(newest.formatted("id", "free", 0)).mapTo(Long.class).one());
            jdbi.useHandle(h -> h.useTransaction(t -> thread(t, thread, comments, now)));
            System.out.println("COMMENTS_PATH=" + one(jdbi, "SELECT path FROM articles WHERE id = " + thread));
            System.out.println("COMMENTS_ARTICLE=" + thread);
            System.out.println("COMMENT_COUNT=" + one(jdbi, "SELECT comment_count FROM articles WHERE id = " + thread));
            boolean two = Integer.parseInt(one(jdbi, "SELECT count(*) FROM articles WHERE status = 'published' AND access = 'free'")) > 1;
            System.out.println("ARTICLE_PATH=" + one(jdbi, newest.formatted("path", "free", two ? 1 : 0)));
            System.out.println("PREMIUM_PATH=" + one(jdbi, newest.formatted("path", "premium", 0)));
            System.out.println("TOPIC_SLUG=" + one(jdbi, """
                    SELECT t.slug FROM topics t JOIN article_topics at ON at.topic_id = t.id JOIN articles a ON a.id = at.article_id
                    WHERE a.status = 'published' GROUP BY t.id, t.slug ORDER BY count(*) DESC, t.id LIMIT 1"""));
            System.out.println("SEARCH_WORD=" + SEARCH_WORD);
            System.out.println("ARTICLES=" + one(jdbi, "SELECT count(*) FROM articles WHERE status = 'published'"));
        }
    }

    /**
     * Gives the article a thread of {@code count} approved comments by thirty readers, unless it has one: two in five
     * at the top, the rest replies (every third answering the reply before it), a few minutes apart, the last an hour ago.
     */
    private static void thread(org.jdbi.v3.core.Handle h, long article, int count, Instant now) {
        int have = h.createQuery("SELECT count(*) FROM comments WHERE article_id = :a").bind("a", article).mapTo(Integer.class).one();
        if (have >= count) return;
        h.execute("DELETE FROM comments WHERE article_id = ?", article);
        List<Long> commenters = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String email = "commenter-" + i + "@bench.example";
            h.createUpdate("INSERT INTO readers (email, name, email_verified_at, created_at) VALUES (:e, :n, :at, :at) ON CONFLICT DO NOTHING")
                    .bind("e", email).bind("n", BYLINES[i % 18].split(" ")[0] + " " + (char) ('A' + i % 26) + ".").bind("at", now).execute();
            commenters.add(h.createQuery("SELECT id FROM readers WHERE lower(email) = :e").bind("e", email).mapTo(Long.class).one());
        }
        Random r = new Random(238);
        int top = Math.max(1, count * 2 / 5);
        List<Long> tops = new ArrayList<>();
        Map<Long, Long> lastReply = new HashMap<>();
        Instant start = now.minus(Duration.ofHours(1)).minus(Duration.ofMinutes(3L * count));
        for (int i = 0; i < count; i++) {
            long reader = commenters.get(r.nextInt(commenters.size()));
            String name = h.createQuery("SELECT name FROM readers WHERE id = :id").bind("id", reader).mapTo(String.class).one();
            Instant at = start.plus(Duration.ofMinutes(3L * i));
            Long parent = null, root = null;
            int depth = 0;
            if (i >= top) {
                root = tops.get(r.nextInt(tops.size()));
                Long previous = lastReply.get(root);
                parent = i % 3 == 0 && previous != null ? previous : root;
                depth = parent.equals(root) ? 1 : 2;
            }
            String body = (parent == null ? "Comment " : "Reply ") + (i + 1) + ": " + sentences(r, 25 + r.nextInt(40));
            long id = h.createQuery("SELECT nextval(pg_get_serial_sequence('comments', 'id'))").mapTo(Long.class).one();
            h.createUpdate("""
                            INSERT INTO comments (id, article_id, reader_id, parent_id, root_id, depth, author_name, body, status, created_at)
                            OVERRIDING SYSTEM VALUE
                            VALUES (:id, :a, :reader, :parent, :root, :depth, :name, :body, 'approved', :at)""")
                    .bind("id", id).bind("a", article).bind("reader", reader).bind("parent", parent)
                    .bind("root", root == null ? id : root).bind("depth", depth).bind("name", name).bind("body", body).bind("at", at)
                    .execute();
            if (root == null) tops.add(id);
            else lastReply.put(root, id);
        }
        // the thread changed: tell running servers, as posting does
        h.execute("SELECT pg_notify('broadsheet_changes', 'comments ' || ?)", article);
    }

    private static long need(Map<String, Long> ids, String name, String what) {
        Long id = ids.get(name);
        if (id == null) throw new IllegalStateException("the " + what + " \"" + name + "\" was not made");
        return id;
    }

    private static String one(org.jdbi.v3.core.Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).findOne().orElse(""));
    }

    private static String topic(int i) {
        return PLACES[i % PLACES.length] + " " + SUBJECTS[i / PLACES.length];
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String words(Random r, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) s.append(' ');
            s.append(WORDS.get(pick(r, ZIPF)));
        }
        return s.toString();
    }

    /** About {@code count} words as sentences of eight to twenty words. */
    private static String sentences(Random r, int count) {
        StringBuilder s = new StringBuilder();
        for (int left = count; left > 0; ) {
            int n = Math.min(left, 8 + r.nextInt(13));
            if (!s.isEmpty()) s.append(' ');
            s.append(capitalised(words(r, n))).append('.');
            left -= n;
        }
        return s.toString();
    }

    /** Common English words first, then made-up words of two to four syllables: distinct, in a fixed order. */
    private static List<String> vocabulary(int size) {
        Random r = new Random(1);
        LinkedHashSet<String> words = new LinkedHashSet<>(Arrays.asList(COMMON));
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 2 + r.nextInt(3); i < n; i++) w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            words.add(w.toString());
        }
        return new ArrayList<>(words);
    }

    /** Cumulative Zipf weights: rank i is drawn in proportion to 1 / (i + 1)^s. */
    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) c[i] = sum += 1 / Math.pow(i + 1, s);
        for (int i = 0; i < n; i++) c[i] /= sum;
        return c;
    }

    private static int pick(Random r, double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, r.nextDouble());
        return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
    }
}
