package broadsheet.topic;

import broadsheet.content.Topic;
import broadsheet.shared.Page;
import broadsheet.newsroom.Frame;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the newsroom's topic templates receive: the list (with the form for a new topic), one topic, and the two confirmations. */
public final class TopicViews {
    private TopicViews() {}

    /** The list of topics, searched and ordered, and the form for a new one (as typed, with its problems). */
    public record ListPage(Frame frame, Page<TopicListing.Row> page, String q, TopicListing.Order order,
                           TopicEditing.Fields form, Map<String, String> problems, String notice, ZoneId zone) {
        public String problem(String field) {
            return problems.get(field);
        }

        public List<TopicListing.Order> orders() {
            return List.of(TopicListing.Order.values());
        }

        public boolean byName() {
            return order == TopicListing.Order.NAME;
        }

        public static String label(TopicListing.Order o) {
            return o == TopicListing.Order.NAME ? "By name" : "Recently used";
        }

        /** The address of the whole list in the same order. */
        public String withoutSearch() {
            return "/newsroom/topics/" + (byName() ? "?sort=" + order.word() : "");
        }

        /** The address of another page of the same list. */
        public String pageUrl(int number) {
            String base = query(q, order);
            return "/newsroom/topics/?" + base + (base.isEmpty() ? "" : "&") + "page=" + number;
        }

        /** The address of the same search in another order. */
        public String orderUrl(TopicListing.Order other) {
            String base = query(q, other);
            return "/newsroom/topics/" + (base.isEmpty() ? "" : "?" + base);
        }

        private static String query(String q, TopicListing.Order order) {
            String search = q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            String sort = order == TopicListing.Order.RECENT ? "" : "sort=" + order.word();
            return search + (!search.isEmpty() && !sort.isEmpty() ? "&" : "") + sort;
        }
    }

    /**
     * One topic: its facts and earlier addresses and names, the form (as stored, or as typed with problems),
     * the merge form (with the name typed and its problem) and the names it can be merged into.
     */
    public record EditPage(Frame frame, TopicListing.Row row, List<TopicListing.Earlier> earlier, TopicEditing.Fields form,
                           Map<String, String> problems, String into, String mergeProblem, List<String> names, String notice,
                           ZoneId zone) {
        public Topic topic() {
            return row.topic();
        }

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** The question before a merge: what it will change. */
    public record MergeQuestion(Frame frame, TopicMerge.Preview preview) {}

    /** The question before a deletion, or (when {@code articles} is above 0) why it cannot be deleted. */
    public record DeleteQuestion(Frame frame, Topic topic, long articles) {
        public boolean inUse() {
            return articles > 0;
        }
    }

    /** "1 article", "3 articles". */
    public static String articles(long n) {
        return n == 1 ? "1 article" : n + " articles";
    }
}
