package broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** A feed gzipped piece by piece is a valid gzip stream of exactly the feed, and its version follows its bytes. */
class FeedGzipTest {
    @Test
    void theGzipOfThePiecesIsTheWholeFeed() throws IOException {
        var gzip = new FeedGzip(1_000_000);
        var written = new FeedWriter.Written(List.of("<?xml version=\"1.0\"?><rss>", "<item>é ß \uD83D\uDE00 ]]></item>",
                "<item>" + "news ".repeat(5000) + "</item>", "", "</rss>\n"));
        byte[] gz = gzip.compress(written).gzip();
        assertThat(gunzip(gz)).isEqualTo(written.bytes());
        // the second time from the kept pieces: the same bytes
        assertThat(gzip.compress(written).gzip()).isEqualTo(gz);
    }

    @Test
    void theVersionChangesWithAnyByteAndOnlyThen() {
        var gzip = new FeedGzip(1_000_000);
        String v = gzip.compress(new FeedWriter.Written(List.of("<a>", "<b>one</b>", "</a>\n"))).version();
        assertThat(gzip.compress(new FeedWriter.Written(List.of("<a>", "<b>one</b>", "</a>\n"))).version()).isEqualTo(v).hasSize(27);
        assertThat(gzip.compress(new FeedWriter.Written(List.of("<a>", "<b>onE</b>", "</a>\n"))).version()).isNotEqualTo(v);
        assertThat(gzip.compress(new FeedWriter.Written(List.of("<a>", "</a>\n"))).version()).isNotEqualTo(v);
    }

    @Test
    void combinedCrcsAreTheCrcOfTheWhole() {
        Random random = new Random(3);
        for (int round = 0; round < 100; round++) {
            byte[] a = new byte[random.nextInt(3000)];
            byte[] b = new byte[random.nextInt(3000)];
            random.nextBytes(a);
            random.nextBytes(b);
            var whole = new CRC32();
            whole.update(a);
            whole.update(b);
            assertThat(FeedGzip.combine(crc(a), crc(b), b.length)).isEqualTo((int) whole.getValue());
        }
    }

    private static int crc(byte[] bytes) {
        var c = new CRC32();
        c.update(bytes);
        return (int) c.getValue();
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
