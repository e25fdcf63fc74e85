package broadsheet.sitepage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One of the paper's own pages as stored: its title, its text as the editor wrote it (Markdown) and as readers see it
 * (sanitised HTML), and when it was last changed (null for a page never saved).
 */
public record SitePage(Kind kind, String title, String bodySource, String bodyHtml, Instant updatedAt) {
    /** The most characters a title may have. */
    public static final int MAX_TITLE = 120;
    /** The most characters a page's text may have: a long privacy notice fits. */
    public static final int MAX_BODY = 20_000;

    /** Whether readers see it: it has text. */
    public boolean written() {
        return !bodySource.isBlank();
    }

    /** A page nobody has written yet: its usual title, no text. */
    public static SitePage blank(Kind kind) {
        return new SitePage(kind, kind.title(), "", "", null);
    }

    /** The five pages, in the footer's order; each with its address's slug, usual title and what it is for. */
    public enum Kind {
        ABOUT("about", "About us", "who publishes the paper, what it covers and how it is paid for"),
        CONTACT("contact", "Contact us", "how readers reach the newsroom, send a tip, or write to the editor"),
        CORRECTIONS("corrections", "Corrections and complaints",
                "how the paper corrects its mistakes and how to complain; linked from every article's \u201cWhat changed\u201d box"),
        PRIVACY("privacy", "Privacy", "what the site keeps about readers, why, for how long, and their rights"),
        TERMS("terms", "Terms of use", "the terms on which readers use the site and its subscriptions");

        private final String slug;
        private final String title;
        private final String purpose;

        Kind(String slug, String title, String purpose) {
            this.slug = slug;
            this.title = title;
            this.purpose = purpose;
        }

        public String slug() {
            return slug;
        }

        /** The title a page starts with. */
        public String title() {
            return title;
        }

        /** What the page is for, as the newsroom's form says. */
        public String purpose() {
            return purpose;
        }

        /** The page's public address. */
        public String url() {
            return "/info/" + slug + "/";
        }

        public static Optional<Kind> of(String slug) {
            return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
        }
    }
}
