package broadsheet.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The purge client against a stand-in CDN on this machine: what Varnish and Fastly each get, batches, and failures. */
class PurgeClientTest {
    private final PurgeReceiver cdn = new PurgeReceiver();
    private final PurgeReceiver second = new PurgeReceiver();

    @AfterEach
    void stop() {
        cdn.close();
        second.close();
    }

    private static PurgeClient client(PurgeClient.Kind kind, Duration timeout, java.net.URI... urls) {
        return new PurgeClient(new PurgeClient.Settings(kind, List.of(urls), "fastly-token", timeout));
    }

    @Test
    void varnishGetsAPurgeWithTheKeysInXkeyPurgeAtEveryAddress() throws Exception {
        client(PurgeClient.Kind.VARNISH, Duration.ofSeconds(2), cdn.url("/"), second.url("/")).purge(List.of("article-42", "home", "section-uk-news"));

        for (PurgeReceiver r : List.of(cdn, second)) {
            assertThat(r.purges()).singleElement().satisfies(p -> {
                assertThat(p.method()).isEqualTo("PURGE");
                assertThat(p.xkey()).isEqualTo("article-42 home section-uk-news");
                assertThat(p.fastlyKey()).isNull();
            });
        }
    }

    @Test
    void everythingIsABanAtVarnishAndPurgeAllAtFastly() throws Exception {
        client(PurgeClient.Kind.VARNISH, Duration.ofSeconds(2), cdn.url("/")).purge(List.of("home", PurgeClient.EVERYTHING));
        client(PurgeClient.Kind.FASTLY, Duration.ofSeconds(2), second.url("/service/SVC1")).purge(List.of(PurgeClient.EVERYTHING));

        assertThat(cdn.purges()).singleElement().satisfies(p -> assertThat(p.method()).isEqualTo("BAN"));
        assertThat(second.purges()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("POST");
            assertThat(p.path()).isEqualTo("/service/SVC1/purge_all");
            assertThat(p.fastlyKey()).isEqualTo("fastly-token");
        });
    }

    @Test
    void fastlyGetsAPostToTheServicesPurgeWithSurrogateKeyAndItsToken() throws Exception {
        client(PurgeClient.Kind.FASTLY, Duration.ofSeconds(2), cdn.url("/service/SVC1/")).purge(List.of("article-7", "feeds"));

        assertThat(cdn.purges()).singleElement().satisfies(p -> {
            assertThat(p.method()).isEqualTo("POST");
            assertThat(p.path()).isEqualTo("/service/SVC1/purge");
            assertThat(p.surrogateKey()).isEqualTo("article-7 feeds");
            assertThat(p.fastlyKey()).isEqualTo("fastly-token");
        });
    }

    @Test
    void manyKeysGoInBatchesThatEachFitAHeader() throws Exception {
        List<String> keys = IntStream.range(0, 250).mapToObj(i -> "article-" + i).toList();

        client(PurgeClient.Kind.VARNISH, Duration.ofSeconds(2), cdn.url("/")).purge(keys);

        assertThat(cdn.purges()).hasSize(3);
        assertThat(cdn.purges()).allSatisfy(p -> assertThat(p.keys()).hasSizeLessThanOrEqualTo(PurgeClient.BATCH));
        assertThat(cdn.keys()).containsExactlyElementsOf(keys);
    }

    @Test
    void anAnswerOtherThan2xxIsAFailureNamingTheAddress() {
        cdn.answer(405);

        assertThatThrownBy(() -> client(PurgeClient.Kind.VARNISH, Duration.ofSeconds(2), cdn.url("/")).purge(List.of("home")))
                .isInstanceOf(PurgeClient.PurgeFailed.class).hasMessageContaining("PURGE " + cdn.url("/")).hasMessageContaining("405");
    }

    @Test
    void aCdnThatDoesNotAnswerWithinTheTimeoutIsAFailure() {
        cdn.answer(PurgeReceiver.HOLD);

        assertThatThrownBy(() -> client(PurgeClient.Kind.VARNISH, Duration.ofMillis(200), cdn.url("/")).purge(List.of("home")))
                .isInstanceOf(PurgeClient.PurgeFailed.class).hasMessageContaining("timed out");
    }

    @Test
    void nothingListeningIsAFailure() {
        var closed = cdn.url("/");
        cdn.close();

        assertThatThrownBy(() -> client(PurgeClient.Kind.VARNISH, Duration.ofSeconds(2), closed).purge(List.of("home")))
                .isInstanceOf(PurgeClient.PurgeFailed.class);
    }
}
