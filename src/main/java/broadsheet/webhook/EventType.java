package broadsheet.webhook;

import java.util.List;
import java.util.Optional;

/** What an endpoint can ask to hear about, by the word in the payload's {@code type} and the {@code Broadsheet-Event} header. */
public enum EventType {
    ARTICLE_PUBLISHED("article.published", "An article is published (now, or when its scheduled time comes)"),
    ARTICLE_UPDATED("article.updated", "A published article is changed"),
    ARTICLE_UNPUBLISHED("article.unpublished", "A published article is taken off the site"),
    COMMENT_POSTED("comment.posted", "A reader's comment shows under an article (as posted, or approved by a moderator)");

    /** The type of a test event, which an admin sends to one endpoint by hand; no endpoint subscribes to it. */
    public static final String PING = "ping";

    private final String word;
    private final String label;

    EventType(String word, String label) {
        this.word = word;
        this.label = label;
    }

    public String word() {
        return word;
    }

    public String label() {
        return label;
    }

    public static Optional<EventType> fromWord(String word) {
        for (EventType t : values()) {
            if (t.word.equals(word)) return Optional.of(t);
        }
        return Optional.empty();
    }

    public static List<EventType> all() {
        return List.of(values());
    }
}
