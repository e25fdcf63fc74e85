package broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Stripe options: off without a key; a key needs the webhook's signing secret; the API address must be one. */
class StripeConfigTest {
    @TempDir
    Path data;

    private Config load(Map<String, String> env) {
        return Config.load(env, Map.of("data", data.toString()));
    }

    @Test
    void withoutAKeyPaymentsAreOff() {
        Config c = load(Map.of());
        assertThat(c.stripe().enabled()).isFalse();
        assertThat(c.stripe().apiBase()).isEqualTo("https://api.stripe.com");
        assertThat(c.describe()).contains("payments: off; admins grant subscriptions");
    }

    @Test
    void aKeyWithItsWebhookSecretTurnsPaymentsOn() {
        Config c = load(Map.of("BROADSHEET_STRIPE_SECRET_KEY", "sk_test_abc123", "BROADSHEET_STRIPE_WEBHOOK_SECRET", "whsec_abc",
                "BROADSHEET_STRIPE_API_BASE", "http://127.0.0.1:12111/"));
        assertThat(c.stripe().enabled()).isTrue();
        assertThat(c.stripe().apiBase()).isEqualTo("http://127.0.0.1:12111");
        assertThat(String.join("\n", c.describe())).doesNotContain("sk_test_abc123").doesNotContain("whsec_abc");
    }

    @Test
    void badValuesAreRefusedNamingTheirVariable() {
        assertThatThrownBy(() -> load(Map.of("BROADSHEET_STRIPE_SECRET_KEY", "pk_test_abc", "BROADSHEET_STRIPE_WEBHOOK_SECRET", "whsec_abc")))
                .hasMessageStartingWith("BROADSHEET_STRIPE_SECRET_KEY:");
        assertThatThrownBy(() -> load(Map.of("BROADSHEET_STRIPE_SECRET_KEY", "sk_test_abc")))
                .hasMessageStartingWith("BROADSHEET_STRIPE_WEBHOOK_SECRET:");
        assertThatThrownBy(() -> load(Map.of("BROADSHEET_STRIPE_API_BASE", "api.stripe.com")))
                .hasMessageStartingWith("BROADSHEET_STRIPE_API_BASE:");
    }
}
