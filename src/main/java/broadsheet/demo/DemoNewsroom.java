package broadsheet.demo;

import broadsheet.importing.ArticleSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The newsroom that {@code broadsheet demo} starts with, so a newcomer sees a real-looking paper: sections,
 * an invented world of topics, writers and desks, and as many articles as asked for, each with a lead
 * picture drawn for the occasion. All of it is made up, and all of it follows from the seed, the count and
 * the given {@code now}. This class only writes the plan; storing it, and deriving slugs from headlines,
 * is left to whoever calls it.
 */
public final class DemoNewsroom {
    private DemoNewsroom() {}

    public record SectionSeed(String slug, String name, String description) {}

    public record TopicSeed(String slug, String name, String description) {}

    public record ContributorSeed(String slug, String name, boolean desk, String jobTitle, String bio) {}

    public record Plan(List<SectionSeed> sections, List<TopicSeed> topics, List<ContributorSeed> contributors,
                       List<ArticleSource> articles) {
        public Plan {
            sections = List.copyOf(sections);
            topics = List.copyOf(topics);
            contributors = List.copyOf(contributors);
            articles = List.copyOf(articles);
        }
    }

    static final List<SectionSeed> SECTIONS = List.of(
            new SectionSeed("world-news", "World news", "News and analysis from around the world."),
            new SectionSeed("uk-news", "UK news", "News from across the country: towns, courts, schools, hospitals and weather."),
            new SectionSeed("politics", "Politics", "Westminster, the government, the opposition and the decisions that shape the country."),
            new SectionSeed("business", "Business", "Markets, companies, jobs and the cost of living."),
            new SectionSeed("sport", "Sport", "Results, reports and reaction from football, cricket, rugby, tennis and athletics."),
            new SectionSeed("opinion", "Opinion", "Comment and argument from our columnists and guest writers."),
            new SectionSeed("culture", "Culture", "Reviews and interviews: theatre, books, art, film and music."),
            new SectionSeed("science", "Science", "Research, discovery, health and the environment."));

    /** How often each section's stories appear, in the order of {@link #SECTIONS}: world news and politics most. */
    private static final int[] WEIGHTS = {22, 15, 20, 12, 11, 7, 7, 6};

    private static final int POOL_SIZE = 40;

    /**
     * Deterministic for a given seed: same seed, count and now give the same plan.
     *
     * @param seed         the seed every choice follows from
     * @param articleCount how many articles to write; the first eight, if there are that many, cover every section
     * @param now          the moment the newsroom is made; every article is published in the sixty days before it
     */
    public static Plan generate(long seed, int articleCount, Instant now) {
        if (articleCount < 0) throw new IllegalArgumentException("articleCount must not be negative: " + articleCount);
        Objects.requireNonNull(now, "now");
        SplittableRandom random = new SplittableRandom(seed);
        int poolSize = Math.min(POOL_SIZE, Math.max(DemoPictures.Kind.values().length, articleCount));
        DemoArticles writer = new DemoArticles(DemoPictures.pool(random.nextLong(), poolSize), now);
        List<ArticleSource> articles = new ArrayList<>(articleCount);
        for (int i = 0; i < articleCount; i++) {
            String section = articleCount >= SECTIONS.size() && i < SECTIONS.size() ? SECTIONS.get(i).slug() : section(random);
            articles.add(writer.write(i + 1, section, random.split()));
        }
        List<TopicSeed> topics = DemoTopics.ALL.stream().map(t -> new TopicSeed(t.slug(), t.name(), t.description())).toList();
        return new Plan(SECTIONS, topics, DemoStaff.seeds(), articles);
    }

    private static String section(SplittableRandom random) {
        int roll = random.nextInt(Arrays.stream(WEIGHTS).sum());
        for (int i = 0; i < WEIGHTS.length; i++) {
            roll -= WEIGHTS[i];
            if (roll < 0) return SECTIONS.get(i).slug();
        }
        throw new IllegalStateException("section weights do not add up");
    }
}
