package broadsheet.reader;

import java.util.function.LongPredicate;

/**
 * A yes-or-no choice the account page offers that another feature keeps (mail about replies to one's comments,
 * say), handed over by the composition root, so this package shows it without knowing the feature.
 *
 * @param name    the end of the address its form posts to ({@code /account/{name}}), one word of letters and hyphens
 * @param heading the heading over it on the account page
 * @param label   the checkbox's label: what ticking it means
 * @param current whether the reader has it on now
 * @param change  sets it for the reader
 */
public record ReaderChoice(String name, String heading, String label, LongPredicate current, Change change) {
    public ReaderChoice {
        if (!name.matches("[a-z]+(-[a-z]+)*")) throw new IllegalArgumentException("a choice's name is a word of letters and hyphens: " + name);
    }

    /** Sets a reader's choice. */
    @FunctionalInterface
    public interface Change {
        void set(long readerId, boolean on);
    }

    /** The address its form posts to. */
    public String path() {
        return "/account/" + name;
    }
}
