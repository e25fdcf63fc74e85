package broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilChangedTest {
    @Test
    void aValueIsReadOnceUntilTheNextChange() {
        var memo = new UntilChanged<String, String>(4);
        AtomicInteger reads = new AtomicInteger();
        assertThat(memo.get("front", k -> "stories " + reads.incrementAndGet())).isEqualTo("stories 1");
        assertThat(memo.get("front", k -> "stories " + reads.incrementAndGet())).isEqualTo("stories 1");
        memo.clear();
        assertThat(memo.get("front", k -> "stories " + reads.incrementAndGet())).isEqualTo("stories 2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aValueReadWhileAChangeCameServesOnlyItsOwnRequest() {
        var memo = new UntilChanged<String, String>(4);
        String first = memo.get("front", k -> {
            memo.clear(); // the change is announced while the stories are being read
            return "stories read before the change";
        });
        assertThat(first).isEqualTo("stories read before the change");
        assertThat(memo.size()).isZero();
        assertThat(memo.get("front", k -> "stories after the change")).isEqualTo("stories after the change");
    }

    @Test
    void withNoRoomEveryCallReads() {
        var memo = new UntilChanged<String, Integer>(0);
        AtomicInteger reads = new AtomicInteger();
        memo.get("front", k -> reads.incrementAndGet());
        memo.get("front", k -> reads.incrementAndGet());
        assertThat(reads).hasValue(2);
        assertThat(memo.size()).isZero();
        assertThatThrownBy(() -> new UntilChanged<String, String>(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothingIsKeptForAMissingValue() {
        var memo = new UntilChanged<String, String>(4);
        AtomicInteger reads = new AtomicInteger();
        assertThat(memo.get("front", k -> { reads.incrementAndGet(); return null; })).isNull();
        assertThat(memo.get("front", k -> { reads.incrementAndGet(); return null; })).isNull();
        assertThat(reads).hasValue(2);
    }
}
