package broadsheet.media;

/**
 * A picture the media library will not take: not a picture at all, damaged, too large or empty.
 * The message is one plain line meant for the person who supplied the picture; the importer and
 * the upload form add which file it was. Technical causes, when there are any, are kept as the cause.
 */
public final class PictureException extends RuntimeException {

    public PictureException(String message) {
        super(message);
    }

    public PictureException(String message, Throwable cause) {
        super(message, cause);
    }
}
