package broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.demo.DemoNewsroom.ContributorSeed;
import broadsheet.demo.DemoNewsroom.Plan;
import broadsheet.demo.DemoNewsroom.SectionSeed;
import broadsheet.demo.DemoNewsroom.TopicSeed;
import broadsheet.importing.ArticleSource;
import broadsheet.importing.ImageSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoNewsroomTest {
    static final Instant NOW = Instant.parse("2025-12-07T12:35:00Z");
    static Plan plan;

    @BeforeAll
    static void generate() {
        long start = System.nanoTime();
        plan = DemoNewsroom.generate(42, 200, NOW);
        System.out.printf("DemoNewsroom: 200 articles in %d ms (pictures included)%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void sameSeedCountAndNow_giveTheSamePlan() {
        Plan first = DemoNewsroom.generate(7, 40, NOW), second = DemoNewsroom.generate(7, 40, NOW);
        assertThat(first.articles()).extracting((ArticleSource a) -> a.content().headline())
                .containsExactlyElementsOf(second.articles().stream().map((ArticleSource a) -> a.content().headline()).toList());
        assertThat(first.articles()).extracting((ArticleSource a) -> a.content().body())
                .containsExactlyElementsOf(second.articles().stream().map((ArticleSource a) -> a.content().body()).toList());
        for (int i = 0; i < first.articles().size(); i++) {
            ArticleSource a = first.articles().get(i), b = second.articles().get(i);
            assertThat(a).usingRecursiveComparison().ignoringFields("leadImage", "inlineImages").isEqualTo(b);
            assertThat(a.leadImage().bytes()).isEqualTo(b.leadImage().bytes());
            assertThat(a.leadImage().caption()).isEqualTo(b.leadImage().caption());
        }
        assertThat(first.sections()).isEqualTo(second.sections());
        assertThat(first.topics()).isEqualTo(second.topics());
        assertThat(first.contributors()).isEqualTo(second.contributors());
    }

    @Test
    void anotherSeed_givesAnotherPlan() {
        Plan other = DemoNewsroom.generate(43, 20, NOW);
        assertThat(other.articles().stream().map((ArticleSource a) -> a.content().headline()).toList())
                .isNotEqualTo(plan.articles().subList(0, 20).stream().map((ArticleSource a) -> a.content().headline()).toList());
    }

    @Test
    void sections_areTheEightOfThePaperInOrder() {
        assertThat(plan.sections()).extracting(SectionSeed::slug).containsExactly(
                "world-news", "uk-news", "politics", "business", "sport", "opinion", "culture", "science");
        assertThat(plan.sections()).extracting(SectionSeed::name).containsExactly(
                "World news", "UK news", "Politics", "Business", "Sport", "Opinion", "Culture", "Science");
        assertThat(plan.sections()).allSatisfy(s -> assertThat(s.description()).isNotBlank());
    }

    @Test
    void topicsAndContributors_areAboutFortyAndFifteen_withFiveDesks() {
        assertThat(plan.topics()).hasSizeBetween(36, 46);
        assertThat(plan.topics()).extracting(TopicSeed::name).doesNotHaveDuplicates()
                .contains("Northmere elections", "Harbour Bridge inquiry", "Interest rates", "Climate change", "Premier League");
        assertThat(plan.contributors()).hasSizeBetween(13, 17);
        assertThat(plan.contributors().stream().filter(ContributorSeed::desk).map(ContributorSeed::name))
                .containsExactlyInAnyOrder("Our Foreign Staff", "Our Political Staff", "Our Business Staff",
                        "Our Sports Staff", "Our Science Staff");
        assertThat(plan.contributors()).filteredOn(c -> c.name().equals("Our Foreign Staff"))
                .extracting(ContributorSeed::slug).containsExactly("our-foreign-staff");
        assertThat(plan.contributors()).allSatisfy(c -> {
            assertThat(c.jobTitle()).isNotBlank();
            assertThat(c.bio()).isNotBlank();
        });
        List<String> slugs = new ArrayList<>(plan.topics().stream().map(TopicSeed::slug).toList());
        slugs.addAll(plan.contributors().stream().map(ContributorSeed::slug).toList());
        assertThat(slugs).allMatch(s -> s.matches("[a-z0-9]+(-[a-z0-9]+)*")).doesNotHaveDuplicates();
    }

    @Test
    void everyArticle_refersOnlyToSectionsTopicsAndContributorsInThePlan() {
        Set<String> sections = plan.sections().stream().map(SectionSeed::slug).collect(Collectors.toSet());
        Set<String> topics = plan.topics().stream().map(TopicSeed::name).collect(Collectors.toSet());
        Set<String> contributors = plan.contributors().stream().map(ContributorSeed::name).collect(Collectors.toSet());
        assertThat(plan.articles()).hasSize(200).allSatisfy(a -> {
            assertThat(sections).contains(a.content().sectionSlug());
            assertThat(a.content().topics()).hasSizeBetween(1, 4).doesNotHaveDuplicates().allMatch(topics::contains);
            assertThat(a.content().bylines()).hasSizeBetween(1, 2).doesNotHaveDuplicates().allMatch(contributors::contains);
            assertThat(a.content().slug()).as("made from the headline").isEmpty();
            assertThat(a.content().standfirst()).isNotBlank().isNotEqualTo(a.content().headline());
        });
    }

    @Test
    void articles_spreadOverEverySection_withWorldNewsAndPoliticsHeaviest() {
        Map<String, Long> bySection = plan.articles().stream()
                .collect(Collectors.groupingBy((ArticleSource a) -> a.content().sectionSlug(), Collectors.counting()));
        assertThat(bySection).hasSize(8);
        List<String> heaviest = bySection.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
        assertThat(heaviest).containsExactlyInAnyOrder("world-news", "politics");
    }

    @Test
    void times_areInTheSixtyDaysBeforeNow_andUpdatesFollowWithinTenHours() {
        long updated = 0;
        for (ArticleSource a : plan.articles()) {
            assertThat(a.published()).isBeforeOrEqualTo(NOW).isAfter(NOW.minus(Duration.ofDays(61)));
            if (a.updated() != null) {
                updated++;
                assertThat(a.updated()).isAfter(a.published()).isBeforeOrEqualTo(NOW)
                        .isBeforeOrEqualTo(a.published().plus(Duration.ofHours(10)));
            }
        }
        assertThat(updated).isBetween(35L, 90L);
    }

    @Test
    void accessAndComments_areMostlyFreeAndOpen_withEveryKindPresent() {
        Map<AccessLevel, Long> access = plan.articles().stream().collect(Collectors.groupingBy((ArticleSource a) -> a.content().access(), Collectors.counting()));
        assertThat(access.get(AccessLevel.FREE)).isBetween(115L, 170L);
        assertThat(access).containsKeys(AccessLevel.REGISTERED, AccessLevel.PREMIUM);
        Map<CommentPolicy, Long> comments = plan.articles().stream()
                .collect(Collectors.groupingBy((ArticleSource a) -> a.content().comments(), Collectors.counting()));
        assertThat(comments).containsOnlyKeys(CommentPolicy.values());
        assertThat(comments.get(CommentPolicy.OPEN)).isGreaterThan(100L);
    }

    @Test
    void headlines_areUniqueAcrossThePlan_evenAsSlugs() {
        List<String> headlines = plan.articles().stream().map((ArticleSource a) -> a.content().headline()).toList();
        assertThat(headlines).doesNotHaveDuplicates();
        assertThat(headlines.stream().map(DemoTopics::slug).toList()).doesNotHaveDuplicates();
        assertThat(headlines).allSatisfy(h -> assertThat(h).doesNotContain("{", "}", "  ").matches("^[‘A-Z0-9].*"));
        assertThat(headlines).anyMatch(h -> h.contains("‘") && h.contains("’"));
        assertThat(headlines).anyMatch(h -> h.matches("^[^:]+: .*‘.+’.*"));
    }

    @Test
    void bodies_haveSubheadsAndQuotations_andSomeHaveBlockQuotesPullQuotesListsAndPictures() {
        assertThat(plan.articles()).allSatisfy(a -> {
            assertThat(a.content().body()).contains("\n## ").doesNotContain("{", "}");
            long prose = a.content().body().lines().filter(DemoNewsroomTest::isProse).count();
            assertThat(prose).as(a.origin()).isBetween(6L, 14L);
            assertThat(a.content().body()).containsPattern("“[^”]+”");
        });
        List<String> bodies = plan.articles().stream().map((ArticleSource a) -> a.content().body()).toList();
        assertThat(bodies).anyMatch(b -> b.contains("\n>\n> — "));
        assertThat(bodies).anyMatch(b -> b.contains("> [!pullquote]\n> "));
        assertThat(bodies).anyMatch(b -> b.contains("\n- "));
        assertThat(bodies).anyMatch(b -> b.contains("](inline-1.jpg \""));
    }

    @Test
    void inlinePictures_named_inTheBody_haveTheirBytes() {
        List<ArticleSource> withPictures = plan.articles().stream().filter(a -> !a.inlineImages().isEmpty()).toList();
        assertThat(withPictures).isNotEmpty();
        for (ArticleSource a : plan.articles()) {
            List<String> named = a.content().body().lines().filter(l -> l.startsWith("!["))
                    .map(l -> l.replaceAll("^!\\[[^\\]]*\\]\\(([^ ]+) \"[^\"]+ \\| [^\"]+\"\\)$", "$1")).toList();
            assertThat(named).containsExactlyInAnyOrderElementsOf(a.inlineImages().keySet());
            a.inlineImages().values().forEach(image -> assertPicture(image));
        }
    }

    @Test
    void everyLeadPicture_isA1600x900Jpeg_withCaptionCreditAndAlt() throws IOException {
        Map<byte[], Boolean> decoded = new IdentityHashMap<>();
        for (ArticleSource a : plan.articles()) {
            assertPicture(a.leadImage());
            if (decoded.put(a.leadImage().bytes(), true) == null) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(a.leadImage().bytes()));
                assertThat(image).isNotNull();
                assertThat(image.getWidth()).isEqualTo(1600);
                assertThat(image.getHeight()).isEqualTo(900);
            }
        }
        assertThat(decoded).hasSizeBetween(25, 40);
        assertThat(plan.articles().stream().map(a -> a.leadImage().caption()).distinct().count()).isGreaterThan(150);
    }

    @Test
    void oneArticle_andNone_work() {
        assertThat(DemoNewsroom.generate(1, 1, NOW).articles()).singleElement()
                .satisfies(a -> assertThat(a.content().body()).contains("## "));
        assertThat(DemoNewsroom.generate(1, 0, NOW).articles()).isEmpty();
    }

    @Test
    void fiveThousandArticles_areWritten() {
        long start = System.nanoTime();
        Plan big = DemoNewsroom.generate(2025, 5000, NOW);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("DemoNewsroom: 5000 articles in %d ms (pictures included)%n", millis);
        assertThat(big.articles()).hasSize(5000);
        assertThat(big.articles().stream().map(a -> DemoTopics.slug(a.content().headline())).distinct().count()).isEqualTo(5000);
        long labelled = big.articles().stream().map((ArticleSource a) -> a.content().headline())
                .filter(h -> h.matches("^(Explained|Latest|In focus): .*|.* \\(\\d+\\)$")).count();
        System.out.printf("DemoNewsroom: %d of 5000 headlines needed a label or number to be unique%n", labelled);
    }

    private static boolean isProse(String line) {
        return !line.isBlank() && !line.startsWith("#") && !line.startsWith(">") && !line.startsWith("!")
                && !line.startsWith("- ") && !line.endsWith(":");
    }

    private static void assertPicture(ImageSource image) {
        assertThat(image).isNotNull();
        assertThat(image.bytes()).isNotEmpty().startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(image.caption()).isNotBlank().doesNotContain("{");
        assertThat(image.credit()).contains("/");
        assertThat(image.alt()).isNotBlank();
    }
}
