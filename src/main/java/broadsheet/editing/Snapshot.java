package broadsheet.editing;

import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An article's content at one save, with the status it had: what a revision (or an autosave) keeps, and what the
 * editor's form and the conflict screen show. Kept as one flat JSON object, the shape revisions have always been
 * stored in: the lead picture's and the search fields' members beside the others, access and comments as words.
 * Comparing two snapshots is the diff's job.
 */
public record Snapshot(ArticleContent content, String status) {

    /** The snapshot as stored. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("headline", headline());
        m.put("standfirst", standfirst());
        m.put("slug", slug());
        m.put("sectionSlug", sectionSlug());
        m.put("bylines", bylines());
        m.put("topics", topics());
        if (leadImageId() != null) m.put("leadImageId", leadImageId());
        m.put("leadImageCaption", leadImageCaption());
        m.put("leadImageCredit", leadImageCredit());
        m.put("leadImageAlt", leadImageAlt());
        m.put("body", body());
        m.put("access", access());
        m.put("comments", comments());
        m.put("seoTitle", seoTitle());
        m.put("seoDescription", seoDescription());
        if (status != null) m.put("status", status);
        return m;
    }

    /** A stored snapshot read back; an access or comment word it does not know reads as free and open. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Snapshot read(JsonNode json) {
        JsonNode image = json.get("leadImageId");
        ArticleContent content = ArticleContent.builder()
                .headline(text(json, "headline")).standfirst(text(json, "standfirst")).slug(text(json, "slug"))
                .section(text(json, "sectionSlug")).bylines(texts(json, "bylines")).topics(texts(json, "topics"))
                .lead(new LeadPicture(image == null || image.isNull() ? null : image.longValue(), text(json, "leadImageCaption"),
                        text(json, "leadImageCredit"), text(json, "leadImageAlt")))
                .body(text(json, "body"))
                .access(AccessLevel.fromWord(text(json, "access")).orElse(AccessLevel.FREE))
                .comments(CommentPolicy.fromWord(text(json, "comments")).orElse(CommentPolicy.OPEN))
                .search(new SearchFields(text(json, "seoTitle"), text(json, "seoDescription")))
                .build();
        return new Snapshot(content, text(json, "status"));
    }

    private static String text(JsonNode json, String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> texts(JsonNode json, String name) {
        List<String> out = new ArrayList<>();
        json.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }

    // The content's parts by the names of the editor's form fields, which its templates and the diff read.

    public String headline() {
        return content.headline();
    }

    public String standfirst() {
        return content.standfirst();
    }

    public String slug() {
        return content.slug();
    }

    public String sectionSlug() {
        return content.sectionSlug();
    }

    public List<String> bylines() {
        return content.bylines();
    }

    public List<String> topics() {
        return content.topics();
    }

    public Long leadImageId() {
        return content.lead().imageId();
    }

    public String leadImageCaption() {
        return content.lead().caption();
    }

    public String leadImageCredit() {
        return content.lead().credit();
    }

    public String leadImageAlt() {
        return content.lead().alt();
    }

    public String body() {
        return content.body();
    }

    /** The access level's word ({@code free}), as the form's choice has it. */
    public String access() {
        return content.access() == null ? "" : content.access().word();
    }

    /** The comment policy's word ({@code open}), as the form's choice has it. */
    public String comments() {
        return content.comments() == null ? "" : content.comments().word();
    }

    public String seoTitle() {
        return content.search().title();
    }

    public String seoDescription() {
        return content.search().description();
    }
}
