package broadsheet;

/** Entry point; replaced by the picocli command line. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("Broadsheet");
    }
}
