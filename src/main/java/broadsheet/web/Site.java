package broadsheet.web;

import java.time.ZoneId;
import java.util.List;

/**
 * What every page shows around its content: the paper's name and tagline (empty when none is set), the
 * sections for the navigation, the public base address (for absolute links) and the zone times are shown in,
 * and the paper's own pages (about, contact...) that have text, for the footer.
 */
public record Site(String name, String tagline, String baseUrl, ZoneId zone, List<NavLink> sections, String stylesheet,
                   List<PageLink> pages) {
    public Site {
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** A site without pages of its own in the footer. */
    public Site(String name, String tagline, String baseUrl, ZoneId zone, List<NavLink> sections, String stylesheet) {
        this(name, tagline, baseUrl, zone, sections, stylesheet, List.of());
    }

    /** One of the paper's own pages in the footer: its address is {@code /info/{slug}/}. */
    public record PageLink(String slug, String title) {
        public String url() {
            return "/info/" + slug + "/";
        }
    }

    /** The page of its own with this slug, or null when it has no text (and is not shown). */
    public PageLink page(String slug) {
        return pages.stream().filter(p -> p.slug().equals(slug)).findFirst().orElse(null);
    }

    /** A section in the navigation: its address is {@code /{slug}/}. */
    public record NavLink(String slug, String name) {
        public String url() {
            return "/" + slug + "/";
        }
    }

    /**
     * The masthead's sign-in address, coming back to the page whose canonical address is given (its path on
     * this site). For a signed-in reader, {@link Pages} puts their name and account in its place.
     */
    public String signInLink(String canonical) {
        String path = canonical != null && canonical.startsWith(baseUrl + "/") ? canonical.substring(baseUrl.length()) : "/";
        return path.equals("/") ? "/account/signin" : "/account/signin?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final java.time.format.DateTimeFormatter LONG_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", java.util.Locale.UK);

    /** A day as a paper's masthead prints it: "Sunday 6 December 2026". */
    public static String longDate(java.time.LocalDate day) {
        return LONG_DATE.format(day);
    }

    public String absolute(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
