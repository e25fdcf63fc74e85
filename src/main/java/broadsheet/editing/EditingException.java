package broadsheet.editing;

/** An editing request that cannot be carried out; the kind says how the web layer answers it. */
public final class EditingException extends RuntimeException {
    /** Why. */
    public enum Kind { NOT_FOUND, NOT_ALLOWED, INVALID }

    private final Kind kind;

    public EditingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static EditingException notFound() {
        return new EditingException(Kind.NOT_FOUND, "There is no such article.");
    }

    static EditingException notAllowed(String what) {
        return new EditingException(Kind.NOT_ALLOWED, what);
    }

    static EditingException invalid(String what) {
        return new EditingException(Kind.INVALID, what);
    }
}
