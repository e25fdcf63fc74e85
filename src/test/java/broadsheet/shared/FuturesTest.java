package broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void theValueComesBackAndWhatTheWorkThrewIsThrownAsItself() {
        assertThat(Futures.join(CompletableFuture.supplyAsync(() -> "done"))).isEqualTo("done");
        IllegalStateException refused = new IllegalStateException("the index is in use");
        assertThatThrownBy(() -> Futures.join(CompletableFuture.supplyAsync(() -> { throw refused; }))).isSameAs(refused);
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> Futures.join(CompletableFuture.supplyAsync(() -> { throw error; }))).isSameAs(error);
        // a checked exception cannot be thrown as itself: it stays wrapped, with its cause
        IOException io = new IOException("disk");
        assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(io))).isInstanceOf(CompletionException.class).hasCause(io);
    }
}
