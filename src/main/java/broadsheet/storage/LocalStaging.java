package broadsheet.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The staged files of a {@link LocalBlobStore}: a folder {@code MEDIA/.staging/ID/} holding them under their keys,
 * and beside it {@code ID.lock}, on which the process that stages holds an exclusive lock for as long as it lives.
 * The operating system drops that lock when the process ends, however it ends (kill -9 included), so a folder
 * whose lock another process can take is a leftover; the lock file is made and locked before the folder, so a
 * folder is never mistaken for a leftover while it is being made. Several processes (and instances sharing a
 * media folder) may stage at once. Files move into the store by rename, on the same file system; a key is named
 * by its content, so a file already in place is never replaced with other bytes.
 */
final class LocalStaging implements BlobStore.Staged {
    static final String FOLDER = ".staging";

    /**
     * The sets this process holds. It never opens their lock files a second time: closing any channel on a file
     * drops every lock the process holds on that file.
     */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private enum State { OPEN, PUBLISHED, FAILED, DROPPED }

    private final LocalBlobStore store;
    private final String id;
    private final Path folder;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private State state = State.OPEN;

    private LocalStaging(LocalBlobStore store, String id, FileChannel channel, FileLock lock) {
        this.store = store;
        this.id = id;
        this.folder = store.root().resolve(FOLDER).resolve(id);
        this.lockFile = store.root().resolve(FOLDER).resolve(id + ".lock");
        this.channel = channel;
        this.lock = lock;
    }

    /** A new, empty set, locked by this process. */
    static LocalStaging start(LocalBlobStore store) {
        String id = UUID.randomUUID().toString();
        HELD.add(id);
        Path parent = store.root().resolve(FOLDER);
        FileChannel channel = null;
        try {
            Files.createDirectories(parent);
            channel = FileChannel.open(parent.resolve(id + ".lock"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            Files.createDirectory(parent.resolve(id));
            return new LocalStaging(store, id, channel, lock);
        } catch (IOException e) {
            HELD.remove(id);
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot stage files in " + parent + ": " + e.getMessage(), e);
        }
    }

    /** The sets of processes that are gone, each now locked by this process. */
    static List<BlobStore.Staged> leftovers(LocalBlobStore store) {
        Path parent = store.root().resolve(FOLDER);
        if (!Files.isDirectory(parent)) return List.of();
        List<BlobStore.Staged> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(parent)) {
            for (Path folder : entries.filter(Files::isDirectory).toList()) {
                String id = folder.getFileName().toString();
                if (!HELD.add(id)) continue;
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(parent.resolve(id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        found.add(new LocalStaging(store, id, channel, lock));
                        continue;
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // no file locks here (or a lock we cannot judge): leave the set alone rather than guess
                }
                closeQuietly(channel);
                HELD.remove(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look for staged files in " + parent + ": " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public boolean put(String key, byte[] bytes) {
        if (state != State.OPEN) throw new IllegalStateException("the staged set is closed");
        Path target = store.resolve(key);
        Path staged = folder.resolve(store.root().relativize(target));
        if (Files.exists(target) || Files.exists(staged)) return false;
        try {
            Files.createDirectories(staged.getParent());
            Files.write(staged, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> keys() {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(Predicate<String> keep) {
        if (state != State.OPEN) throw new IllegalStateException("the staged set is closed");
        state = State.FAILED;
        try {
            for (String key : keys()) {
                Path from = folder.resolve(key);
                if (keep.test(key)) {
                    Path to = store.resolve(key);
                    Files.createDirectories(to.getParent());
                    try {
                        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else {
                    Files.delete(from);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move staged files into " + store.root() + ": " + e.getMessage(), e);
        }
        state = State.PUBLISHED;
        end();
    }

    @Override
    public void close() {
        switch (state) {
            case OPEN -> {
                state = State.DROPPED;
                end();
            }
            // rows that committed may name the files: leave them, unlocked, for the next start to settle
            case FAILED -> release();
            case PUBLISHED, DROPPED -> { }
        }
    }

    /** Removes the folder with whatever is left in it, then the lock file, then lets go of the lock. */
    private void end() {
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove staged files in " + folder + ": " + e.getMessage(), e);
        } finally {
            release();
        }
    }

    private void release() {
        try {
            lock.release();
        } catch (IOException | RuntimeException ignored) {
            // closing the channel lets go of it as well
        }
        closeQuietly(channel);
        HELD.remove(id);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to let go of
        }
    }
}
