package broadsheet.article;

import broadsheet.media.Picture;

/**
 * One author as the article's end presents them: the byline (name, page, job title), the first paragraph of the
 * contributor's bio (empty when none; the rest is on their page) and portrait (null for none, and always for a desk,
 * which gets a line of its own without one).
 */
public record AuthorCard(Byline byline, String bio, Picture portrait) {
    public AuthorCard {
        bio = bio == null ? "" : bio.strip().split("\\R\\s*\\R", 2)[0].strip();
    }
}
