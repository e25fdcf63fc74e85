package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.testing.TestApp;
import broadsheet.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Error answers are sent as pages are: gzipped for clients that take it, with {@code Vary}, and never revalidated. */
@ExtendWith(TestDatabase.class)
class ErrorPagesGzipIT {
    @RegisterExtension
    static final TestApp app = new TestApp();

    @Test
    void theNotFoundPageIsGzippedLikeEveryPage() throws IOException {
        HttpResponse<byte[]> gzipped = app.getBytes("/no-such-section/", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> plain = app.getBytes("/no-such-section/");

        assertThat(gzipped.statusCode()).isEqualTo(404);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.headers().firstValue("ETag")).isEmpty();
        assertThat(gzipped.headers().firstValue("Cache-Control")).contains(CachePolicy.SHORT.header());
        assertThat(gunzip(gzipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8)).contains("Page not found");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");
    }

    @Test
    void aBadRequestIsGzippedAndNeverStored() {
        HttpResponse<byte[]> badRequest = app.getBytes("/?page=abc", "Accept-Encoding", "gzip");
        assertThat(badRequest.statusCode()).isEqualTo(400);
        assertThat(badRequest.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(badRequest.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void problemJsonCarriesVaryToo() {
        HttpResponse<byte[]> problem = app.getBytes("/api/v1/articles/999", "Accept-Encoding", "gzip");

        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(problem.headers().firstValue("Vary")).contains("Accept-Encoding");
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
