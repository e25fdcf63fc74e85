package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {
    private static final String ETAG = "\"abc.jpg\"";

    @ParameterizedTest
    @CsvSource({"bytes=0-99, 0, 99", "bytes=100-, 100, 999", "bytes=-100, 900, 999", "bytes=990-5000, 990, 999",
            "bytes=-5000, 0, 999", "BYTES=0-0, 0, 0", "bytes= 10 - 19 , 10, 19"})
    void oneRangeIsThePartAskedFor(String header, long first, long last) {
        assertThat(ByteRange.of(header, null, ETAG, 1000)).isEqualTo(new ByteRange.Part(first, last, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0"})
    void aRangeOutsideTheFileCannotBeSatisfied(String header) {
        assertThat(ByteRange.of(header, null, ETAG, 1000)).isEqualTo(new ByteRange.Unsatisfiable(1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-9", "bytes=9-1", "bytes=-", "bytes=a-b", "items=0-9", "bytes=0-9999999999999999999", "0-9", ""})
    void anythingElseIsTheWholeFile(String header) {
        assertThat(ByteRange.of(header, null, ETAG, 1000)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void ifRangeMustNameTheFile() {
        assertThat(ByteRange.of("bytes=0-9", ETAG, ETAG, 1000)).isEqualTo(new ByteRange.Part(0, 9, 1000));
        assertThat(ByteRange.of("bytes=0-9", "\"other.jpg\"", ETAG, 1000)).isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of("bytes=0-9", "Sun, 07 Dec 2025 15:00:00 GMT", ETAG, 1000)).isEqualTo(new ByteRange.Whole());
        assertThat(ByteRange.of(null, ETAG, ETAG, 1000)).isEqualTo(new ByteRange.Whole());
    }

    @Test
    void aPartSaysWhereItIs() {
        var part = new ByteRange.Part(10, 19, 1000);
        assertThat(part.length()).isEqualTo(10);
        assertThat(part.contentRange()).isEqualTo("bytes 10-19/1000");
        assertThat(new ByteRange.Unsatisfiable(1000).contentRange()).isEqualTo("bytes */1000");
    }
}
