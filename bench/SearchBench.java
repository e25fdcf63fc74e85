import broadsheet.Config;
import broadsheet.search.Search;
import broadsheet.search.SearchEngine;
import broadsheet.search.SearchQuery;
import broadsheet.search.SearchResults;
import broadsheet.storage.Database;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The search benchmark, run by bench/search with the built jar on the class path: fills a scratch data folder's
 * database with generated articles (straight into PostgreSQL with COPY), builds the search index from it as
 * `broadsheet reindex` does, then runs a fixed set of queries against the index and prints index time, index size
 * and query latency. Everything is generated from fixed seeds, so two runs search the same corpus the same way.
 *
 *   java -cp target/broadsheet.jar bench/SearchBench.java DATA_DIR ARTICLES QUERIES
 */
public final class SearchBench {
    private static final String[] SYLLABLES = {"ba", "con", "de", "fal", "gri", "har", "in", "jo", "ker", "lo", "man", "nor",
            "ol", "pre", "quo", "ros", "sta", "tin", "ur", "ves", "wel", "xan", "yor", "zen", "bri", "cla", "dro", "fen", "gal",
            "hol", "ist", "lem", "mor", "nat", "por", "ren", "sil", "tor", "ven", "wor"};
    private static final String[] COMMON = {"the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as",
            "by", "at", "from", "it", "be", "said", "have", "has", "but", "not", "were", "which", "this", "after", "their"};
    private static final String[] SECTIONS = {"world", "politics", "business", "science", "sport", "culture", "opinion", "travel"};

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int articles = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        Config config = Config.load(Map.of(), Map.of(Config.DATA.key(), data.toString()));
        List<String> vocabulary = vocabulary(20_000);
        Zipf zipf = new Zipf(vocabulary.size(), 1.05);
        try (Database db = config.openDatabase()) {
            long started = System.nanoTime();
            fill(db, articles, vocabulary, zipf);
            System.out.printf("generated:     %,d articles (about 600 words each) in %.1f s%n", articles, seconds(started));

            Path folder = SearchEngine.folder(config.dataDir());
            started = System.nanoTime();
            var built = SearchEngine.reindex(folder, db.jdbi());
            System.out.printf("index time:    %.1f s for %,d articles%n", seconds(started), built.articles());
            System.out.printf("index size:    %,.1f MB%n", size(folder) / 1_048_576.0);

            List<SearchQuery> fixed = queries(queries, vocabulary, zipf, new Random(7));
            List<SearchQuery> warmUp = queries(200, vocabulary, zipf, new Random(11));
            Search.Reading reading = Search.Reading.freeOnly(3);
            try (SearchEngine engine = SearchEngine.open(folder, db.jdbi(), config.zone(), Clock.systemUTC(),
                    () -> new broadsheet.search.Tuning(50, 30))) {
                for (SearchQuery q : warmUp) engine.search(q, reading);
                long[] nanos = new long[fixed.size()];
                long found = 0;
                for (int i = 0; i < fixed.size(); i++) {
                    long t = System.nanoTime();
                    SearchResults r = engine.search(fixed.get(i), reading);
                    nanos[i] = System.nanoTime() - t;
                    found += r.total();
                }
                Arrays.sort(nanos);
                System.out.printf("queries:       %,d (after %d to warm up), %,d results in all%n", fixed.size(), warmUp.size(), found);
                System.out.printf("latency:       p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", nanos[nanos.length / 2] / 1e6,
                        nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6, nanos[nanos.length - 1] / 1e6);
            }
        }
    }

    /** Made-up words of two to four syllables, distinct, in a fixed order: the corpus's language. */
    private static List<String> vocabulary(int size) {
        Random random = new Random(1);
        var words = new java.util.LinkedHashSet<String>(Arrays.asList(COMMON));
        while (words.size() < size) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            words.add(w.toString());
        }
        return new ArrayList<>(words);
    }

    /** Word ranks drawn as in natural text: a few words very often, most rarely. */
    record Zipf(double[] cumulative) {
        Zipf(int n, double s) {
            this(cumulative(n, s));
        }

        private static double[] cumulative(int n, double s) {
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) c[i] = sum += 1 / Math.pow(i + 1, s);
            for (int i = 0; i < n; i++) c[i] /= sum;
            return c;
        }

        int next(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
        }
    }

    private static String words(Random random, List<String> vocabulary, Zipf zipf, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) s.append(' ');
            s.append(vocabulary.get(zipf.next(random)));
        }
        return s.toString();
    }

    private static void fill(Database db, int articles, List<String> vocabulary, Zipf zipf) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // the search outbox is not needed: the index is built from the tables afterwards
                st.execute("SET session_replication_role = replica");
                for (int i = 0; i < SECTIONS.length; i++) {
                    st.execute("INSERT INTO sections (slug, name, position) VALUES ('" + SECTIONS[i] + "', '"
                            + Character.toUpperCase(SECTIONS[i].charAt(0)) + SECTIONS[i].substring(1) + "', " + i + ")");
                }
                st.execute("INSERT INTO topics (slug, name) SELECT 'topic-' || g, 'Topic ' || g FROM generate_series(1, 200) g");
                st.execute("INSERT INTO contributors (slug, name, kind) SELECT 'writer-' || g, 'Writer ' || g, 'person' FROM generate_series(1, 300) g");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            Random random = new Random(3);
            Instant newest = Instant.parse("2026-12-01T12:00:00Z");
            int chunk = 2_000;
            for (int from = 1; from <= articles; from += chunk) {
                StringBuilder rows = new StringBuilder();
                StringBuilder bylines = new StringBuilder();
                StringBuilder topics = new StringBuilder();
                for (int id = from; id < Math.min(from + chunk, articles + 1); id++) {
                    String section = SECTIONS[random.nextInt(SECTIONS.length)];
                    Instant published = newest.minus(Duration.ofMinutes(random.nextInt(5 * 365 * 24 * 60)));
                    LocalDate day = published.atZone(ZoneOffset.UTC).toLocalDate();
                    String headline = capitalised(words(random, vocabulary, zipf, 6 + random.nextInt(5)));
                    String standfirst = capitalised(words(random, vocabulary, zipf, 20 + random.nextInt(10))) + ".";
                    StringBuilder body = new StringBuilder();
                    int paragraphs = 8 + random.nextInt(4);
                    for (int p = 0; p < paragraphs; p++) {
                        if (p == paragraphs / 2) body.append("<h2>").append(capitalised(words(random, vocabulary, zipf, 4))).append("</h2>");
                        body.append("<p>").append(capitalised(words(random, vocabulary, zipf, 600 / paragraphs))).append(".</p>");
                    }
                    String access = random.nextInt(5) == 0 ? "premium" : "free";
                    rows.append(sectionId(section)).append(",a-").append(id).append(",/").append(section).append('/')
                            .append(day.getYear()).append('/').append(String.format("%02d/%02d", day.getMonthValue(), day.getDayOfMonth()))
                            .append("/a-").append(id).append("/,\"").append(headline).append("\",\"").append(standfirst)
                            .append("\",\"").append(body).append("\",").append(access).append(",published,").append(published)
                            .append(',').append(published).append(',').append(published).append('\n');
                    int writers = 1 + random.nextInt(2);
                    for (int w = 0; w < writers; w++) bylines.append(id).append(',').append(w).append(',').append(1 + (id * 7 + w * 131) % 300).append('\n');
                    int tags = 1 + random.nextInt(3);
                    for (int t = 0; t < tags; t++) topics.append(id).append(',').append(t).append(',').append(1 + (id * 13 + t * 67) % 200).append('\n');
                }
                copy.copyIn("COPY articles (section_id, slug, path, headline, standfirst, body_html, access, status, first_published_at,"
                        + " created_at, modified_at) FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
                copy.copyIn("COPY article_bylines (article_id, position, contributor_id) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(bylines.toString()));
                copy.copyIn("COPY article_topics (article_id, position, topic_id) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(topics.toString()));
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("ANALYZE");
            }
        }
    }

    /** Sections are inserted first, in order, so their ids are their places plus one. */
    private static int sectionId(String section) {
        return Arrays.asList(SECTIONS).indexOf(section) + 1;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The fixed query set: mostly one or two words, some three, some quoted phrases, some misspelt (few results:
     * spelling suggestions and related topics), some with a section or topic filter or a date range, some newest first.
     */
    private static List<SearchQuery> queries(int count, List<String> vocabulary, Zipf zipf, Random random) {
        List<SearchQuery> queries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(20);
            String text = switch (kind) {
                case 0, 1 -> "\"" + words(random, vocabulary, zipf, 2) + "\"";
                case 2, 3 -> misspelt(vocabulary.get(100 + random.nextInt(2000)), random);
                case 4, 5, 6 -> words(random, vocabulary, zipf, 3);
                case 7, 8, 9, 10, 11 -> words(random, vocabulary, zipf, 2);
                default -> vocabulary.get(COMMON.length + zipf.next(random) % (vocabulary.size() - COMMON.length));
            };
            String section = random.nextInt(10) == 0 ? SECTIONS[random.nextInt(SECTIONS.length)] : "";
            String topic = random.nextInt(20) == 0 ? "topic-" + (1 + random.nextInt(200)) : "";
            LocalDate from = random.nextInt(20) == 0 ? LocalDate.of(2024 + random.nextInt(2), 1 + random.nextInt(12), 1) : null;
            LocalDate to = from == null ? null : from.plusMonths(3);
            var order = random.nextInt(10) == 0 ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE;
            int page = random.nextInt(10) == 0 ? 2 + random.nextInt(4) : 1;
            queries.add(new SearchQuery(text, section, topic, "", from, to, order, page));
        }
        return queries;
    }

    private static String misspelt(String word, Random random) {
        int at = 1 + random.nextInt(word.length() - 2);
        return word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
