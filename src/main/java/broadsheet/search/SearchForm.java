package broadsheet.search;

import broadsheet.content.Topic;
import broadsheet.contributor.Contributor;
import broadsheet.contributor.ContributorStore;
import broadsheet.topic.TopicStore;
import broadsheet.web.HttpProblem;
import broadsheet.web.Site;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The search parameters as the search page and the Content API take them, checked: {@code q} (the words, at most
 * {@value SearchQuery#MAX_TEXT} characters), {@code section}, {@code topic} and {@code author} (slugs of ones readers
 * can see), {@code from} and {@code to} (days, {@code yyyy-mm-dd}), {@code order} ({@code relevance} or {@code newest})
 * and {@code page} (1 to {@value SearchQuery#MAX_PAGE}). An empty value means "none", as a form sends an empty field.
 * Anything else, a control character anywhere, or a parameter given twice is refused with a 400 that names it.
 */
public final class SearchForm {
    /** Every parameter there is. */
    public static final List<String> PARAMETERS = List.of("q", "section", "topic", "author", "from", "to", "order", "page");
    /** The longest slug of a section, topic or writer. */
    static final int MAX_SLUG = 80;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private final TopicStore topics;
    private final ContributorStore contributors;

    public SearchForm(TopicStore topics, ContributorStore contributors) {
        this.topics = topics;
        this.contributors = contributors;
    }

    /**
     * What was asked, with the names of the section, topic and writer filtered by (empty when not filtered), for the
     * page to show them.
     */
    public record Asked(SearchQuery query, String sectionName, String topicName, String authorName) {
        /** Neither words nor a filter: nothing to search for yet. */
        public boolean nothing() {
            SearchQuery q = query;
            return q.text().isEmpty() && q.section().isEmpty() && q.topic().isEmpty() && q.author().isEmpty()
                    && q.from() == null && q.to() == null;
        }
    }

    /**
     * Reads and checks this request's parameters; {@code sections} are the site's. {@code strict}: refuse parameters
     * this form does not know (the API does; the page ignores them, as links carry tracking parameters).
     */
    public Asked read(Context ctx, List<Site.NavLink> sections, boolean strict) {
        for (var e : ctx.queryParamMap().entrySet()) {
            String name = e.getKey();
            if (!PARAMETERS.contains(name)) {
                if (strict) throw HttpProblem.badRequest("Unknown parameter \"" + shown(name) + "\"; use " + String.join(", ", PARAMETERS) + ".");
                continue;
            }
            // a value that is not percent-encoded correctly ("%ZZ", a lone "%") is left out of the list
            if (e.getValue().isEmpty()) {
                throw HttpProblem.badRequest("The " + label(name) + " could not be read: a % in the address must be followed by two hexadecimal digits.");
            }
            if (e.getValue().size() > 1) throw HttpProblem.badRequest("Give " + name + " once.");
            String value = e.getValue().get(0);
            if (value.codePoints().anyMatch(SearchForm::control)) {
                throw HttpProblem.badRequest("The " + label(name) + " contains a control character (such as a line break or tab), which cannot be searched for.");
            }
        }
        String text = param(ctx, "q").strip();
        if (text.length() > SearchQuery.MAX_TEXT) {
            throw HttpProblem.badRequest("The search words are too long: at most " + SearchQuery.MAX_TEXT + " characters, and these are "
                    + text.length() + ".");
        }
        String section = slug(ctx, "section");
        String sectionName = "";
        if (!section.isEmpty()) {
            sectionName = sections.stream().filter(s -> s.slug().equals(section)).map(Site.NavLink::name).findFirst()
                    .orElseThrow(() -> unknown("section", section));
        }
        String topicSlug = slug(ctx, "topic");
        String topicName = "";
        String topic = "";
        if (!topicSlug.isEmpty()) {
            // an earlier address of a topic (renamed, merged) means the topic it leads to; one only drafts have is unknown
            Topic t = topics.bySlugOrEarlier(topicSlug).filter(x -> topics.isPublic(x.id())).orElseThrow(() -> unknown("topic", topicSlug));
            topic = t.slug();
            topicName = t.name();
        }
        String author = slug(ctx, "author");
        String authorName = "";
        if (!author.isEmpty()) {
            Optional<Contributor> c = contributors.bySlug(author).filter(x -> contributors.isPublic(x.id()));
            authorName = c.orElseThrow(() -> unknown("author", author)).name();
        }
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw HttpProblem.badRequest("The first day (" + from + ") is after the last day (" + to + "); swap them or change one.");
        }
        SearchQuery.Order order = switch (param(ctx, "order")) {
            case "", "relevance" -> SearchQuery.Order.RELEVANCE;
            case "newest" -> SearchQuery.Order.NEWEST;
            default -> throw HttpProblem.badRequest("The order must be relevance or newest.");
        };
        int page = page(param(ctx, "page"));
        return new Asked(new SearchQuery(text, section, topic, author, from, to, order, page), sectionName, topicName, authorName);
    }

    /** The parameters that ask this query again, in {@link #PARAMETERS}' order; "" for those left out. */
    public static Map<String, String> parameters(SearchQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("q", q.text());
        p.put("section", q.section());
        p.put("topic", q.topic());
        p.put("author", q.author());
        p.put("from", q.from() == null ? "" : q.from().toString());
        p.put("to", q.to() == null ? "" : q.to().toString());
        p.put("order", q.order() == SearchQuery.Order.NEWEST ? "newest" : "");
        p.put("page", q.page() > 1 ? String.valueOf(q.page()) : "");
        return p;
    }

    /** {@code path} with the parameters that are not empty, in order. */
    public static String address(String path, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (var e : params.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    /** A parameter's value, or "" when it is left out. */
    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v;
    }

    private static String slug(Context ctx, String name) {
        String v = param(ctx, name).strip();
        if (v.isEmpty()) return "";
        if (v.length() > MAX_SLUG || !SLUG.matcher(v).matches()) {
            throw HttpProblem.badRequest("The " + name + " must be the address of one (lower-case letters, digits and hyphens, at most "
                    + MAX_SLUG + " characters), such as the last part of its page's address.");
        }
        return v;
    }

    private static LocalDate day(Context ctx, String name) {
        String v = param(ctx, name).strip();
        if (v.isEmpty()) return null;
        String which = name.equals("from") ? "first day" : "last day";
        LocalDate d;
        try {
            if (!DAY.matcher(v).matches()) throw new DateTimeException(v);
            d = LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw HttpProblem.badRequest("The " + which + " must be a date written year-month-day, such as 2025-12-07.");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw HttpProblem.badRequest("The " + which + " must be between " + EARLIEST + " and " + LATEST + ".");
        }
        return d;
    }

    private static int page(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) return 1;
        if (!v.matches("[0-9]{1,3}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > SearchQuery.MAX_PAGE) {
            throw HttpProblem.badRequest("The page must be a whole number from 1 to " + SearchQuery.MAX_PAGE
                    + ": search shows at most " + SearchQuery.MAX_PAGE + " pages of results.");
        }
        return Integer.parseInt(v);
    }

    private static HttpProblem unknown(String what, String slug) {
        return HttpProblem.badRequest("No " + what + " has the address \"" + slug + "\".");
    }

    /** A control character: C0, DEL, C1, and the line and paragraph separators. */
    static boolean control(int c) {
        return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
    }

    private static String label(String parameter) {
        return switch (parameter) {
            case "q" -> "search";
            case "from" -> "first day";
            case "to" -> "last day";
            default -> parameter;
        };
    }

    /** A parameter's name as a message may repeat it: short, without control characters. */
    private static String shown(String name) {
        String s = name.codePoints().filter(c -> !control(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
