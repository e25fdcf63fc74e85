package broadsheet.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link BlobStore} in a folder on local disk (normally {@code DATA/media}). Writes go to a
 * temporary file first and are renamed into place, so a reader never sees half a file; staged files wait
 * in {@code .staging} inside the folder ({@link LocalStaging}), which no key can name. With several
 * instances, the folder must be shared (NFS or similar, with file locks) or replaced by an object-store
 * implementation.
 */
public final class LocalBlobStore implements BlobStore {
    private static final Pattern KEY = Pattern.compile("^[a-z0-9]+(/[a-z0-9][a-z0-9._-]*)+$");
    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public boolean put(String key, byte[] bytes) {
        Path target = resolve(key);
        if (Files.exists(target)) return false;
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                }
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Blob> get(String key) {
        if (!KEY.matcher(key).matches()) return Optional.empty();
        Path file = resolve(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        return Optional.of(new Blob() {
            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public InputStream open() {
                try {
                    return Files.newInputStream(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Override
    public boolean exists(String key) {
        return KEY.matcher(key).matches() && Files.isRegularFile(resolve(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Staged stage() {
        return LocalStaging.start(this);
    }

    @Override
    public List<Staged> leftovers() {
        return LocalStaging.leftovers(this);
    }

    Path root() {
        return root;
    }

    /** The file of a key; refuses anything that is not a key, so nothing outside the folder (or in its staging) is named. */
    Path resolve(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("not a blob key: " + key);
        return p;
    }
}
