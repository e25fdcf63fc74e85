package broadsheet.article;

import java.time.Instant;
import java.util.List;

/**
 * The short lists of headlines at an article's end: the latest few in its section and the latest few on its first topic,
 * neither holding the article itself, and the second none of the first's.
 *
 * @param topicName the first topic's name, or empty when the article has no topic
 * @param topicUrl  the first topic's page, or empty
 */
public record MoreLists(List<Item> inSection, String topicName, String topicUrl, List<Item> onTopic) {
    /** Nothing to list (the newsroom's preview, a page read without them). */
    public static final MoreLists NONE = new MoreLists(List.of(), "", "", List.of());

    public MoreLists {
        inSection = List.copyOf(inSection);
        onTopic = List.copyOf(onTopic);
    }

    /** One listed article: its address, headline and first publication. */
    public record Item(String url, String headline, Instant published) {}
}
