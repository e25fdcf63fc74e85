package broadsheet.article;

import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import java.util.List;

/**
 * An article's content: everything a journalist sets, in the one shape the editor, the Admin API, the importer, the
 * revisions and the article store share. The section is its slug; bylines and topics are names, in order (names
 * not yet known become new contributors and topics when stored); an empty slug means "make one from the headline".
 * Values are tidied on the way in: text is stripped, empty and repeated names are dropped, and the body's line
 * ends are {@code \n}. Access and comments are null only while a source leaves them to the paper's defaults
 * ({@link #withDefaults}). Whether the content may be saved is the editing rules' question; made with
 * {@link #builder()}.
 *
 * @param body the body, CommonMark; its pictures are library references ({@code image:42}) once stored
 */
public record ArticleContent(String headline, String standfirst, String slug, String sectionSlug, List<String> bylines,
                             List<String> topics, LeadPicture lead, String body, AccessLevel access, CommentPolicy comments,
                             SearchFields search) {

    public ArticleContent {
        headline = clean(headline);
        standfirst = clean(standfirst);
        slug = clean(slug);
        sectionSlug = clean(sectionSlug);
        bylines = names(bylines);
        topics = names(topics);
        lead = lead == null ? LeadPicture.NONE : lead;
        body = body == null ? "" : body.replace("\r\n", "\n");
        search = search == null ? SearchFields.NONE : search;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this content, to change some of it. */
    public Builder toBuilder() {
        return new Builder().headline(headline).standfirst(standfirst).slug(slug).section(sectionSlug).bylines(bylines)
                .topics(topics).lead(lead).body(body).access(access).comments(comments).search(search);
    }

    /** The same content at the slug decided for it. */
    public ArticleContent withSlug(String chosen) {
        return toBuilder().slug(chosen).build();
    }

    /** The same content, with the paper's access level and comment policy where it leaves them open. */
    public ArticleContent withDefaults(AccessLevel defaultAccess, CommentPolicy defaultComments) {
        return toBuilder().access(access != null ? access : defaultAccess).comments(comments != null ? comments : defaultComments).build();
    }

    static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> names(List<String> names) {
        return names == null ? List.of() : names.stream().map(ArticleContent::clean).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** Sets the parts of an article's content by name; what is not set is empty (no lead picture, no search fields). */
    public static final class Builder {
        private String headline;
        private String standfirst;
        private String slug;
        private String sectionSlug;
        private List<String> bylines;
        private List<String> topics;
        private LeadPicture lead;
        private String body;
        private AccessLevel access;
        private CommentPolicy comments;
        private SearchFields search;

        private Builder() {}

        public Builder headline(String text) {
            headline = text;
            return this;
        }

        public Builder standfirst(String text) {
            standfirst = text;
            return this;
        }

        public Builder slug(String text) {
            slug = text;
            return this;
        }

        /** The section, by its slug. */
        public Builder section(String slug) {
            sectionSlug = slug;
            return this;
        }

        public Builder bylines(List<String> names) {
            bylines = names;
            return this;
        }

        public Builder topics(List<String> names) {
            topics = names;
            return this;
        }

        public Builder lead(LeadPicture picture) {
            lead = picture;
            return this;
        }

        public Builder body(String markdown) {
            body = markdown;
            return this;
        }

        public Builder access(AccessLevel level) {
            access = level;
            return this;
        }

        public Builder comments(CommentPolicy policy) {
            comments = policy;
            return this;
        }

        public Builder search(SearchFields fields) {
            search = fields;
            return this;
        }

        public ArticleContent build() {
            return new ArticleContent(headline, standfirst, slug, sectionSlug, bylines, topics, lead, body, access, comments, search);
        }
    }
}
