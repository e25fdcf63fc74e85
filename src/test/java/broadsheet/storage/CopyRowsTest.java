package broadsheet.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** COPY's text format: what PostgreSQL reads back as the same value. */
class CopyRowsTest {
    private static String written(Object value) {
        StringBuilder text = new StringBuilder();
        CopyRows.append(text, value);
        return text.toString();
    }

    @Test
    void backslashesTabsAndLineBreaksAreEscapedAndNothingElse() {
        assertThat(written("plain \"quoted\" text, with 'apostrophes' and {braces}")).isEqualTo("plain \"quoted\" text, with 'apostrophes' and {braces}");
        assertThat(written("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(written("{\"body\":\"line\\nnext\"}")).isEqualTo("{\"body\":\"line\\\\nnext\"}");
        assertThat(written("")).isEmpty();
    }

    @Test
    void nullIsSqlNullAndOtherValuesAreTheirText() {
        assertThat(written(null)).isEqualTo("\\N");
        assertThat(written(42L)).isEqualTo("42");
        assertThat(written(Instant.parse("2025-12-07T09:00:00Z"))).isEqualTo("2025-12-07T09:00:00Z");
    }
}
