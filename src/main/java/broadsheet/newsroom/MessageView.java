package broadsheet.newsroom;

/** A short newsroom page that says one thing, with an optional link onwards. */
public record MessageView(Frame frame, String title, String message, String link, String linkText) {}
