package broadsheet.comment;

/**
 * What else happens when a comment goes up or is picked: the reply and pick mails. Called after the change is
 * committed; an implementation must not throw or block the caller for long.
 */
public interface CommentEvents {
    /** The comment now shows (approved as it was posted, or by a moderator). */
    void published(long commentId);

    /** The newsroom made the comment an editor's pick. */
    void featured(long commentId);

    CommentEvents NONE = new CommentEvents() {
        @Override
        public void published(long commentId) {}

        @Override
        public void featured(long commentId) {}
    };
}
