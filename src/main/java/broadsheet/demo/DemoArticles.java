package broadsheet.demo;

import broadsheet.article.ArticleContent;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.demo.DemoPictures.Kind;
import broadsheet.demo.DemoPictures.Picture;
import broadsheet.demo.DemoTopics.Topic;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImageSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the demo newsroom's articles one at a time: picks what each is about, writes a headline no other
 * article in the plan shares, the standfirst and body, chooses the byline, topics, times, access and comment
 * policy, and gives it a lead picture from the shared pool with a caption that fits. Which section each
 * article goes in is decided by {@link DemoNewsroom}.
 */
final class DemoArticles {
    private static final Duration WINDOW = Duration.ofDays(60);
    private static final List<String> FALLBACK_PREFIXES = List.of("Analysis: ", "Explained: ", "Latest: ", "In focus: ");

    private final List<Picture> pool;
    private final Instant now;
    private final Set<String> headlineSlugs = new HashSet<>();

    DemoArticles(List<Picture> pool, Instant now) {
        this.pool = pool;
        this.now = now;
    }

    ArticleSource write(int number, String section, SplittableRandom r) {
        List<Topic> leading = DemoTopics.leading(section);
        Topic topic = leading.get(r.nextInt(leading.size()));
        List<DemoLexicon> chain = List.of(topic.words(), sectionWords(section), DemoWords.COMMON);
        DemoStory story = null;
        String headline = null;
        for (int attempt = 0; attempt < 30 && headline == null; attempt++) {
            story = new DemoStory(r.split(), chain);
            String candidate = tidy(story.fill("{headline*}"));
            if (headlineSlugs.add(DemoTopics.slug(candidate))) headline = candidate;
        }
        if (headline == null) headline = distinguish(tidy(story.fill("{headline*}")));
        String standfirst = tidy(story.fill("{standfirst*}"));

        Instant published = published(r);
        Instant updated = updated(r, published);
        List<Kind> kinds = pictureKinds(topic, section);
        Picture lead = pick(r, kinds.get(r.nextDouble() < 0.55 ? 0 : r.nextInt(kinds.size())));
        ImageSource leadImage = image(lead, DemoCaptions.caption(story, lead));
        List<Picture> inline = pool.stream().filter(p -> kinds.contains(p.kind()) && p.number() != lead.number()).toList();
        DemoBodies.Body body = DemoBodies.write(story, inline);
        Map<String, ImageSource> inlineImages = new LinkedHashMap<>();
        body.pictures().forEach(p -> inlineImages.put(p.name(), image(p.picture(), p.caption())));

        ArticleContent content = ArticleContent.builder().headline(headline).standfirst(standfirst).section(section)
                .bylines(DemoStaff.byline(section, r)).topics(topics(r, topic, section)).body(body.markdown())
                .access(access(r)).comments(comments(r)).build();
        return new ArticleSource("demo:" + number, content, published, updated, leadImage, inlineImages);
    }

    private static DemoLexicon sectionWords(String section) {
        DemoLexicon words = DemoDesks.NEWS.get(section);
        return words != null ? words : DemoFeatures.FEATURES.get(section);
    }

    /** The headline with its first letter capitalised and any doubled spaces closed up. */
    private static String tidy(String text) {
        return DemoStory.capitalise(DemoStory.polish(text).strip());
    }

    /** A headline already taken, made unique the way a desk would: a label first, then a running number. */
    private String distinguish(String headline) {
        for (String prefix : FALLBACK_PREFIXES) {
            if (headlineSlugs.add(DemoTopics.slug(prefix + headline))) return prefix + headline;
        }
        for (int n = 2; ; n++) {
            String candidate = headline + " (" + n + ")";
            if (headlineSlugs.add(DemoTopics.slug(candidate))) return candidate;
        }
    }

    private List<String> topics(SplittableRandom r, Topic lead, String section) {
        List<String> related = new ArrayList<>(lead.related().stream()
                .filter(name -> DemoTopics.BY_NAME.get(name).fits(section)).toList());
        int wanted = Math.min(related.size(), List.of(0, 1, 1, 1, 2, 2, 3).get(r.nextInt(7)));
        List<String> names = new ArrayList<>(List.of(lead.name()));
        for (int i = 0; i < wanted; i++) names.add(related.remove(r.nextInt(related.size())));
        return names;
    }

    /** A time in the sixty days before now, never in the small hours when no one is publishing. */
    private Instant published(SplittableRandom r) {
        Instant at = now.minusSeconds(r.nextLong(WINDOW.toSeconds())).truncatedTo(ChronoUnit.MINUTES);
        int hour = at.atZone(ZoneOffset.UTC).getHour();
        if (hour < 6) at = at.minus(Duration.ofHours(hour + 1 + r.nextInt(3)));
        return at;
    }

    /** For about three stories in ten, a significant update one to ten hours later, and never after now. */
    private Instant updated(SplittableRandom r, Instant published) {
        if (r.nextDouble() >= 0.3) return null;
        long latest = Math.min(Duration.ofHours(10).toSeconds(), Duration.between(published, now).toSeconds());
        long earliest = Duration.ofHours(1).toSeconds();
        if (latest <= earliest) return null;
        return published.plusSeconds(r.nextLong(earliest, latest + 1)).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The topic's own kinds of picture where it has them, else the section's; opinion leans to illustration. */
    private static List<Kind> pictureKinds(Topic topic, String section) {
        List<Kind> own = topic.words().get("picture").stream().map(k -> Kind.valueOf(k.toUpperCase(Locale.ROOT))).toList();
        if (section.equals("opinion")) {
            return Stream.concat(Stream.of(Kind.ABSTRACT), own.isEmpty() ? DemoCaptions.kindsFor(section).stream() : own.stream())
                    .distinct().toList();
        }
        return own.isEmpty() ? DemoCaptions.kindsFor(section) : own;
    }

    private Picture pick(SplittableRandom r, Kind kind) {
        List<Picture> fitting = pool.stream().filter(p -> p.kind() == kind).toList();
        return fitting.get(r.nextInt(fitting.size()));
    }

    private static ImageSource image(Picture picture, String caption) {
        return new ImageSource("demo:picture-%02d.jpg".formatted(picture.number()), picture.jpeg(), caption,
                picture.credit(), picture.description());
    }

    private static AccessLevel access(SplittableRandom r) {
        double roll = r.nextDouble();
        return roll < 0.7 ? AccessLevel.FREE : roll < 0.85 ? AccessLevel.REGISTERED : AccessLevel.PREMIUM;
    }

    private static CommentPolicy comments(SplittableRandom r) {
        double roll = r.nextDouble();
        return roll < 0.7 ? CommentPolicy.OPEN : roll < 0.85 ? CommentPolicy.PREMODERATED
                : roll < 0.95 ? CommentPolicy.CLOSED : CommentPolicy.OFF;
    }
}
