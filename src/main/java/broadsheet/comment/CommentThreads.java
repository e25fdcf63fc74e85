package broadsheet.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds what a thread's page shows from the rows read: each top-level comment with its replies beneath, a reply to a
 * reply under the reply it answers (a reply flattened to depth 2 under the same depth-1 reply as the comment it
 * answers), and whether more replies wait behind "more replies". Which rows show at all is the store's query.
 */
public final class CommentThreads {
    private CommentThreads() {}

    /**
     * One comment and what shows beneath it.
     *
     * @param moreReplies whether the thread has replies beyond those here (top-level comments only)
     */
    public record Entry(Comment comment, List<Entry> replies, boolean moreReplies) {
        /** How many comments this entry shows, itself included. */
        public int size() {
            return 1 + replies.stream().mapToInt(Entry::size).sum();
        }
    }

    /**
     * The entries for these top-level comments (in their page's order) and replies (oldest first, any roots).
     * {@code more}: the roots that have replies beyond those given.
     */
    public static List<Entry> build(List<Comment> tops, List<Comment> replies, Set<Long> more) {
        Map<Long, List<Comment>> byRoot = new HashMap<>();
        for (Comment r : replies) byRoot.computeIfAbsent(r.rootId(), k -> new ArrayList<>()).add(r);
        List<Entry> out = new ArrayList<>(tops.size());
        for (Comment top : tops) out.add(new Entry(top, nest(byRoot.getOrDefault(top.id(), List.of())), more.contains(top.id())));
        return out;
    }

    /** A root's replies, oldest first, as depth-1 entries with their depth-2 replies. */
    static List<Entry> nest(List<Comment> replies) {
        List<Long> order = new ArrayList<>();
        Map<Long, Comment> groups = new HashMap<>();
        Map<Long, List<Entry>> beneath = new HashMap<>();
        Map<Long, Long> groupOf = new HashMap<>();
        for (Comment r : replies) {
            Long group = r.depth() <= 1 ? null : groupOf.get(r.parentId());
            if (group == null) {
                // a depth-1 reply, or one whose comment above it is not shown: it heads a group of its own
                groups.put(r.id(), r);
                beneath.put(r.id(), new ArrayList<>());
                order.add(r.id());
                groupOf.put(r.id(), r.id());
            } else {
                beneath.get(group).add(new Entry(r, List.of(), false));
                groupOf.put(r.id(), group);
            }
        }
        List<Entry> out = new ArrayList<>(order.size());
        for (Long id : order) out.add(new Entry(groups.get(id), List.copyOf(beneath.get(id)), false));
        return out;
    }

    /** How many comments these entries show. */
    public static int size(List<Entry> entries) {
        return entries.stream().mapToInt(Entry::size).sum();
    }
}
