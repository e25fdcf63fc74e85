package broadsheet.media;

import broadsheet.storage.LocalBlobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process of its own for {@link StagedLeftoversIT}: stages the keys it is given in the media folder it is
 * given, says "staged" on standard output, and then holds them until it is killed.
 */
final class StagingProcess {
    private StagingProcess() {}

    public static void main(String[] args) throws IOException {
        var staged = new LocalBlobStore(Path.of(args[0])).stage();
        for (int i = 1; i < args.length; i++) staged.put(args[i], args[i].getBytes(StandardCharsets.UTF_8));
        System.out.println("staged");
        System.out.flush();
        System.in.read();
    }
}
