package broadsheet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The address of the server running on a data folder, kept in {@code DATA/server.address} while it runs, so a
 * command run beside it ({@code admin create}) names the address that answers rather than a guess from the
 * configuration (the port may be 0, or given on the server's command line only). The file holds the address
 * and the id of the process that wrote it; a file left by a process that died (kill -9) is ignored. Which
 * address a server has is {@link App#address()}'s decision, not this class's.
 */
public final class RunningServer {
    static final String FILE = "server.address";

    private RunningServer() {}

    /** Notes that this process serves {@code address} on the data folder. */
    static void record(Path dataDir, String address) throws IOException {
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, ".server-address-", ".tmp");
        try {
            Files.writeString(tmp, address + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Removes the note of {@code address}, unless another server on the folder has written its own since. */
    static void forget(Path dataDir, String address) throws IOException {
        Optional<String> current = read(dataDir);
        if (current.isPresent() && current.get().equals(address)) Files.deleteIfExists(dataDir.resolve(FILE));
    }

    /** Where people reach the server running on the configured data folder; the configured base URL when none runs. */
    public static String address(Config config) {
        return read(config.dataDir()).orElse(config.baseUrl());
    }

    /** The address in the file, if the process that wrote it is still alive. */
    private static Optional<String> read(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2 || !lines.get(0).startsWith("http")) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(lines.get(1).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        return alive ? Optional.of(lines.get(0).strip()) : Optional.empty();
    }
}
