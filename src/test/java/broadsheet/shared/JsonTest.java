package broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void jsonForAPageWritesMapsInTheOrderOfTheirKeysWhateverTheJvm() {
        // Map.of iterates in an order that differs from one JVM to the next: a page's JSON-LD, and so its bytes and
        // ETag, would differ between two instances serving the same article
        Map<String, Object> map = Map.of("headline", 1, "@type", 2, "author", 3, "url", 4, "image", 5, "@id", 6,
                "dateModified", 7, "section", 8);
        assertThat(Json.forHtml(List.of(map))).isEqualTo(
                "[{\"@id\":6,\"@type\":2,\"author\":3,\"dateModified\":7,\"headline\":1,\"image\":5,\"section\":8,\"url\":4}]");
    }

    @Test
    void jsonForAPageCannotCloseItsScriptElement() {
        assertThat(Json.forHtml(Map.of("a", "</script><b>&"))).doesNotContain("<", ">", "&");
    }
}
