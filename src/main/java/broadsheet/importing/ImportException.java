package broadsheet.importing;

/**
 * An import file that does not follow the format. Its message is one line:
 * {@code file:line: key: problem} (the key is left out when the problem is not about one key).
 */
public final class ImportException extends RuntimeException {
    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    public ImportException(String file, int line, String key, String problem) {
        super(file + ":" + line + ": " + (key == null ? "" : key + ": ") + problem);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    public String file() { return file; }

    public int line() { return line; }

    /** The front matter key at fault, or null. */
    public String key() { return key; }

    public String problem() { return problem; }
}
