package broadsheet.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.content.AccessLevel;
import broadsheet.subscription.Paywall.Decision;
import broadsheet.subscription.Paywall.Viewer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PaywallTest {
    @ParameterizedTest
    @CsvSource({
            "FREE, ANONYMOUS, FULL", "FREE, REGISTERED, FULL", "FREE, SUBSCRIBER, FULL",
            "REGISTERED, ANONYMOUS, PREVIEW", "REGISTERED, REGISTERED, FULL", "REGISTERED, SUBSCRIBER, FULL",
            "PREMIUM, ANONYMOUS, PREVIEW", "PREMIUM, REGISTERED, PREVIEW", "PREMIUM, SUBSCRIBER, FULL"})
    void readerTypeByArticleAccess(AccessLevel access, Viewer viewer, Decision expected) {
        assertThat(Paywall.decide(access, viewer)).isEqualTo(expected);
    }

    @Test
    void previewKeepsTheOpeningAndNothingAfter() {
        String body = "<p>One</p><aside class=\"pull-quote\"><blockquote><p>Pulled</p></blockquote></aside><p>Two</p>"
                + "<p>Three</p><p>Four, the secret</p><h2>Later</h2><p>Five</p>";
        assertThat(Paywall.preview(body)).isEqualTo("<p>One</p><p>Two</p><p>Three</p>");
    }

    @Test
    void previewNeverEndsOnASubhead() {
        assertThat(Paywall.preview("<p>One</p><p>Two</p><h2>Sub</h2><p>Three</p>")).isEqualTo("<p>One</p><p>Two</p>");
    }
}
