package broadsheet.web;

import static broadsheet.testing.Fixtures.story;
import static broadsheet.testing.TestApp.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HEAD, as CDNs, link checkers and load balancers send it: the answer GET would give, headers and all,
 * without the body. (It used to be refused with 403: the access check saw no role on HEAD.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestDatabase.PerClass.class)
class HeadRequestsIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @BeforeAll
    void storeAnArticle() {
        app.fixtures().store(NOW, story("Harbour talks").slug("harbour-talks").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/world-news/2025/12/07/harbour-talks/", "/world-news/", "/topics/test-topic/",
            "/authors/jane-reporter/", "/api/v1/articles", "/healthz", "/readyz", "/robots.txt"})
    void headAnswersAsGetWouldWithoutTheBody(String path) {
        HttpResponse<String> get = app.get(path);
        HttpResponse<String> head = app.request("HEAD", path);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : new String[] {"Content-Type", "Cache-Control", "ETag", "Surrogate-Key"}) {
            assertThat(head.headers().firstValue(header)).as(header).isEqualTo(get.headers().firstValue(header));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-section/", "/world-news/2025/12/07/no-such-story/", "/api/v1/articles/999"})
    void headOfNothingIsNotFound(String path) {
        assertThat(app.request("HEAD", path).statusCode()).isEqualTo(404);
    }
}
