package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which pages are isolated from other windows (Cross-Origin-Opener-Policy): those with sessions, not the public ones. */
class SecurityHeadersTest {
    @Test
    void theNewsroomAndReadersAccountsAreIsolatedAndPublicPagesAreNot() {
        for (String path : new String[] {"/newsroom", "/newsroom/login", "/newsroom/articles/4", "/account", "/account/signin"}) {
            assertThat(SecurityHeaders.isolated(path)).as(path).isTrue();
        }
        for (String path : new String[] {"/", "/search", "/world-news/", "/world-news/2025/12/07/harbour/", "/topics/ports/",
                "/comments/4", "/gift/abc", "/rss.xml"}) {
            assertThat(SecurityHeaders.isolated(path)).as(path).isFalse();
        }
    }
}
