package broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArticlePathsTest {
    @Test
    void datedByFirstPublicationInThePapersZone() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(ArticlePaths.of("world-news", Instant.parse("2025-12-07T09:00:00Z"), london, "kremlin-view"))
                .isEqualTo("/world-news/2025/12/07/kremlin-view/");
        // 23:30 UTC on 30 June is 00:30 on 1 July in London
        assertThat(ArticlePaths.of("sport", Instant.parse("2025-06-30T23:30:00Z"), london, "late-goal"))
                .isEqualTo("/sport/2025/07/01/late-goal/");
    }

    @Test
    void recognisesTheShapeOfAnArticleAddress() {
        assertThat(ArticlePaths.looksLikeArticle("/world-news/2025/12/07/kremlin-view/")).isTrue();
        assertThat(ArticlePaths.looksLikeArticle("/world-news/2025/13/07/kremlin-view/")).isFalse();
        assertThat(ArticlePaths.looksLikeArticle("/world-news/2025/12/00/kremlin-view/")).isFalse();
        assertThat(ArticlePaths.looksLikeArticle("/world-news/25/12/07/kremlin-view/")).isFalse();
        assertThat(ArticlePaths.looksLikeArticle("/World-News/2025/12/07/kremlin-view/")).isFalse();
        assertThat(ArticlePaths.looksLikeArticle("/world-news/2025/12/07/kremlin-view")).isFalse();
    }
}
