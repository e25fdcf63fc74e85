package broadsheet.web;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The ids that tie a form field to the words about it, for the form partials in {@code jte/shared/form}: a field
 * names its hint and, when it has one, its error line in {@code aria-describedby}, so a screen reader reads them
 * with the field. Which words a field has, and what its error says, is the page's business.
 */
public final class FieldIds {
    private FieldIds() {}

    /** The id of a field's error line: {@code errorId} when given, else the field's id followed by {@code -error}. */
    public static String error(String fieldId, String errorId) {
        return errorId != null ? errorId : fieldId + "-error";
    }

    /** The value of {@code aria-describedby}: the ids that are not null, in order; null (no attribute) when there are none. */
    public static String describedBy(String... ids) {
        String joined = Stream.of(ids).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }
}
