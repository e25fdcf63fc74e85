package broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building a page of a thread from the rows read, and the orders' cursors. */
class CommentThreadsTest {
    private static final Instant T = Instant.parse("2025-12-07T12:00:00Z");

    private static Comment c(long id, Long parent, long root, int depth, String name, int secs) {
        return new Comment(id, 1, 10L, parent, root, depth, name, false, "text " + id, "approved", null, 0, T.plusSeconds(secs), null, null, null);
    }

    @Test
    void repliesHangUnderWhatTheyAnswerAndDeeperOnesUnderTheSameReply() {
        List<Comment> tops = List.of(c(1, null, 1, 0, "Ann", 0), c(2, null, 2, 0, "Bob", 1));
        List<Comment> replies = List.of(
                c(3, 1L, 1, 1, "Cat", 2),   // to Ann
                c(4, 1L, 1, 1, "Dan", 3),   // to Ann
                c(5, 3L, 1, 2, "Eve", 4),   // to Cat
                c(6, 5L, 1, 2, "Fay", 5),   // to Eve: deeper than 2, shown at 2 beside Eve, under Cat
                c(7, 99L, 2, 2, "Gus", 6)); // its comment above is not shown: it heads a group under Bob
        var entries = CommentThreads.build(tops, replies, Set.of(2L));
        assertThat(entries).extracting(e -> e.comment().id()).containsExactly(1L, 2L);
        var ann = entries.get(0);
        assertThat(ann.replies()).extracting(e -> e.comment().id()).containsExactly(3L, 4L);
        assertThat(ann.replies().get(0).replies()).extracting(e -> e.comment().id()).containsExactly(5L, 6L);
        assertThat(ann.moreReplies()).isFalse();
        assertThat(entries.get(1).replies()).extracting(e -> e.comment().id()).containsExactly(7L);
        assertThat(entries.get(1).moreReplies()).isTrue();
        assertThat(CommentThreads.size(entries)).isEqualTo(7);
    }

    @Test
    void aCursorIsReadOnlyInItsOwnOrder() {
        Comment top = c(42, null, 42, 0, "Ann", 30);
        for (ThreadSort sort : ThreadSort.values()) {
            var cursor = ThreadSort.Cursor.after(sort, top);
            assertThat(ThreadSort.Cursor.decode(sort, cursor.encode())).contains(cursor);
            for (ThreadSort other : ThreadSort.values()) {
                if (other != sort) assertThat(ThreadSort.Cursor.decode(other, cursor.encode())).isEmpty();
            }
        }
        assertThat(ThreadSort.Cursor.after(ThreadSort.NEWEST, top).time()).isEqualTo(top.createdAt());
        Comment pick = new Comment(7, 1, 10L, null, 7, 0, "Pat", false, "x", "approved", T, 3, T, null, null, null);
        assertThat(ThreadSort.Cursor.after(ThreadSort.PICKS, pick).picks()).isTrue();
        assertThat(ThreadSort.Cursor.after(ThreadSort.RECOMMENDED, pick).key()).isEqualTo(3);
        for (String bad : new String[] {"", "!!", "bmV3ZXN0", "bmV3ZXN0Om46eDox", "bmV3ZXN0OnA6MTox", "cmVjb21tZW5kZWQ6bjotMTox"}) {
            assertThat(ThreadSort.Cursor.decode(ThreadSort.NEWEST, bad)).as(bad).isEmpty();
            assertThat(ThreadSort.Cursor.decode(ThreadSort.RECOMMENDED, bad)).as(bad).isEmpty();
        }
        assertThat(ThreadSort.fromWord("picks")).contains(ThreadSort.PICKS);
        assertThat(ThreadSort.fromWord("loudest")).isEmpty();
    }
}
