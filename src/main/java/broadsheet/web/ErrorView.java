package broadsheet.web;

/** An error page for people: what went wrong, in words, and where to go next. */
public record ErrorView(Site site, Meta meta, int status, String title, String detail) {}
