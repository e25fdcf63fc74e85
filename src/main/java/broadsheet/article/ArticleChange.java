package broadsheet.article;

import java.time.Instant;

/**
 * One entry of an article's public editorial timeline: a significant update, a correction or a
 * clarification, with its note and time.
 */
public record ArticleChange(String kind, String note, Instant at) {
    public boolean isCorrection() {
        return kind.equals("correction") || kind.equals("clarification");
    }

    /** "Update", "Correction" or "Clarification". */
    public String label() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
