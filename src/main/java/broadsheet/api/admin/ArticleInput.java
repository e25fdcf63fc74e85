package broadsheet.api.admin;

import broadsheet.article.ArticleContent;
import broadsheet.article.LeadPicture;
import broadsheet.article.SearchFields;
import broadsheet.content.AccessLevel;
import broadsheet.content.CommentPolicy;
import broadsheet.editing.ChangeKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An article as a client sends it ({@code POST /articles}, {@code PUT /articles/{id}}), read into the
 * {@link ArticleContent} the editing service takes (the shape {@link AdminJson#content} answers with). Missing members are empty (a PUT replaces the whole
 * article); read-only members of an answer ({@code id}, {@code status}, {@code url}...) may be sent back and
 * are ignored, so a client can change what it fetched and send it again; any other member is an error.
 */
record ArticleInput(ArticleContent content, ChangeKind change, String note) {
    static final List<String> FIELDS = List.of("headline", "standfirst", "slug", "section", "bylines", "topics", "leadImage",
            "body", "access", "comments", "seoTitle", "seoDescription");
    static final List<String> UPDATE_FIELDS = List.of("version", "change", "note");
    static final List<String> READ_ONLY = List.of("id", "status", "url", "created", "modified", "firstPublished", "updated",
            "scheduledAt");
    private static final List<String> IMAGE_FIELDS = List.of("id", "caption", "credit", "alt");

    /**
     * Reads the article members; problems are left in the request's errors for the caller to answer. AccessLevel and
     * comments left out are {@code access} and {@code comments}: the paper's defaults for a new article.
     */
    static ArticleInput read(AdminRequest r, boolean update, AccessLevel defaultAccess, CommentPolicy defaultComments) {
        List<String> known = update ? concat(FIELDS, UPDATE_FIELDS) : FIELDS;
        r.onlyKnown(known, update ? READ_ONLY : concat(READ_ONLY, UPDATE_FIELDS));
        LeadPicture lead = LeadPicture.NONE;
        JsonNode image = r.body().get("leadImage");
        if (image != null && !image.isNull()) {
            if (!image.isObject()) {
                r.error("leadImage", "Must be an object such as {\"id\": 42, \"caption\": \"...\"}, or null for none.");
            } else {
                image.fieldNames().forEachRemaining(n -> {
                    if (!IMAGE_FIELDS.contains(n)) r.error("leadImage." + n, "Unknown field; the fields are id, caption, credit, alt.");
                });
                JsonNode id = image.get("id");
                Long imageId = null;
                if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() < 1) {
                    r.error("leadImage.id", "The id of a picture in the media library (from POST /images).");
                } else {
                    imageId = id.longValue();
                }
                lead = new LeadPicture(imageId, r.text(image, "caption", "leadImage.caption"), r.text(image, "credit", "leadImage.credit"),
                        r.text(image, "alt", "leadImage.alt"));
            }
        }
        AccessLevel access = word(r, "access", AccessLevel.values(), AccessLevel::word, defaultAccess);
        CommentPolicy comments = word(r, "comments", CommentPolicy.values(), CommentPolicy::word, defaultComments);
        ChangeKind change = update ? word(r, "change", ChangeKind.values(), ChangeKind::word, ChangeKind.MINOR) : ChangeKind.MINOR;
        ArticleContent content = ArticleContent.builder()
                .headline(r.text("headline")).standfirst(r.text("standfirst")).slug(r.text("slug")).section(r.text("section"))
                .bylines(r.texts("bylines")).topics(r.texts("topics")).lead(lead).body(r.text("body"))
                .access(access).comments(comments).search(new SearchFields(r.text("seoTitle"), r.text("seoDescription")))
                .build();
        return new ArticleInput(content, change, update ? r.text("note") : "");
    }

    /** The request field a problem of the editing service is about (the service names the editor form's fields). */
    static String field(String serviceKey) {
        return switch (serviceKey) {
            case "leadImageId" -> "leadImage.id";
            case "leadImageCaption" -> "leadImage.caption";
            case "leadImageCredit" -> "leadImage.credit";
            case "leadImageAlt" -> "leadImage.alt";
            default -> serviceKey;
        };
    }

    private static <E> E word(AdminRequest r, String name, E[] values, Function<E, String> word, E otherwise) {
        String given = r.text(name);
        if (given.isEmpty()) return otherwise;
        for (E e : values) if (word.apply(e).equals(given)) return e;
        r.error(name, "Use one of " + Arrays.stream(values).map(word).collect(Collectors.joining(", ")) + ".");
        return otherwise;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
