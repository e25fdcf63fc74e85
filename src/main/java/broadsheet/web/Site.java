package broadsheet.web;

import java.time.ZoneId;
import java.util.List;

/**
 * What every page shows around its content: the paper's name and tagline (empty when none is set), the
 * sections for the navigation, the public base address (for absolute links) and the zone times are shown in.
 */
public record Site(String name, String tagline, String baseUrl, ZoneId zone, List<NavLink> sections, String stylesheet) {
    /** A section in the navigation: its address is {@code /{slug}/}. */
    public record NavLink(String slug, String name) {
        public String url() {
            return "/" + slug + "/";
        }
    }

    public String absolute(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
