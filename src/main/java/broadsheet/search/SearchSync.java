package broadsheet.search;

import broadsheet.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's index following the database, on a thread of its own (the only one that writes): rebuilds it
 * when it was missing or of another format, then applies the search outbox after the last row it applied, woken by the
 * change feed and looking every second anyway; once an hour it prunes outbox rows older than a day.
 *
 * <p>Outbox ids are handed out in order but committed in any order, so an id skipped over may still come: such ids are
 * awaited for a minute (a rolled-back transaction leaves its id unused for good).
 */
final class SearchSync implements AutoCloseable {
    /** How long outbox rows are kept: an index that last looked longer ago than this is rebuilt. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final Duration GAP_WAIT = Duration.ofMinutes(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final long POLL_MILLIS = 1_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchSync.class);

    private final SearchIndex index;
    private final SearchSource source;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final Condition progressed = lock.newCondition();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean wake;
    private boolean rebuildAsked;
    private boolean rebuilding;
    private long rebuilds;
    private volatile long applied;
    private long passes;
    /** Outbox ids skipped over, and when they were first missed (System.nanoTime). */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    private long lastPrune = System.nanoTime() - PRUNE_EVERY.toNanos();
    private Instant synced = Instant.EPOCH;

    SearchSync(SearchIndex index, SearchSource source) {
        this.index = index;
        this.source = source;
        SearchIndex.State opened = index.opened();
        if (opened == null) {
            rebuildAsked = true;
        } else {
            applied = opened.outbox();
            synced = opened.synced();
            opened.gaps().forEach(g -> gaps.put(g, System.nanoTime()));
        }
        this.thread = Thread.ofPlatform().daemon().name("search-sync").start(this::loop);
    }

    /** Outbox rows written but not yet applied to this index (asks the database). */
    long behind() {
        return source.after(applied);
    }

    /** Looks at the outbox now rather than at the next turn. */
    void wake() {
        locked(() -> {
            wake = true;
            woken.signalAll();
        });
    }

    /** Asks for the index to be built again from the database, in the background; returns at once. */
    long rebuild() {
        return locked(() -> {
            rebuildAsked = true;
            wake = true;
            woken.signalAll();
            // a rebuild under way read the database before this call: the next one is the one asked for
            return rebuilds + (rebuilding ? 2 : 1);
        });
    }

    /** Waits until the rebuild {@code number} (from {@link #rebuild}, or 1 for the one at start) is done. */
    boolean awaitRebuild(long number, Duration timeout) throws InterruptedException {
        return await(() -> rebuilds >= number && !rebuildAsked, timeout);
    }

    /**
     * Waits until every outbox row committed before this call has been applied (and any rebuild asked for is done):
     * then the index shows every change committed before the call.
     */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long target = source.issued();
        long[] pass = {0};
        locked(() -> {
            // the outbox numbers below this index: the database was emptied or restored, so it is built again
            if (target < applied) rebuildAsked = true;
            // a whole turn begun after this call has also looked at the ids skipped over
            pass[0] = passes + 2;
        });
        wake();
        return await(() -> !rebuildAsked && !rebuilding && applied >= target && passes >= pass[0], timeout);
    }

    /** Waits, holding the lock between looks, until {@code done} is true or the time is up. */
    private boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable r) {
        locked(() -> {
            r.run();
            return null;
        });
    }

    private <T> T locked(Supplier<T> s) {
        lock.lock();
        try {
            return s.get();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (locked(() -> rebuildAsked) || outboxRestarted() || stale()) rebuildNow();
                while (running && applyBatch()) {
                    // more rows waiting: carry on at once
                }
                if (locked(() -> rebuildAsked)) continue;
                pruneNow();
                locked(() -> {
                    passes++;
                    progressed.signalAll();
                });
            } catch (IOException | RuntimeException e) {
                if (!running) return;
                if (Database.unavailable(e)) log.warn("Search cannot follow the database just now ({}); trying again", e.getMessage());
                else log.warn("Search could not apply the latest changes; trying again", e);
            }
            pause();
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (!wake && running) woken.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            wake = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** The outbox numbers from below where this index stands: the database was emptied or restored; rebuild. */
    private boolean outboxRestarted() {
        return source.issued() < applied;
    }

    /** The index last looked so long ago that rows it never saw may have been pruned. */
    private boolean stale() {
        return synced.isBefore(source.now().minus(KEEP).plus(PRUNE_EVERY));
    }

    private void rebuildNow() throws IOException {
        locked(() -> {
            rebuildAsked = false;
            rebuilding = true;
        });
        try {
            rebuildFromDatabase();
        } finally {
            locked(() -> {
                rebuilding = false;
                progressed.signalAll();
            });
        }
    }

    private void rebuildFromDatabase() throws IOException {
        Built built = build(index, source);
        long now = System.nanoTime();
        lock.lock();
        try {
            gaps.clear();
            built.mark().gaps().forEach(g -> gaps.put(g, now));
            applied = built.mark().last();
            synced = built.synced();
            rebuilds++;
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A rebuild done: how many articles, and where the outbox stood when they were read. */
    record Built(int articles, SearchSource.Mark mark, Instant synced) {}

    /** Builds the index again from every published article, and commits it with where the outbox stood. */
    static Built build(SearchIndex index, SearchSource source) throws IOException {
        return build(index, source, 1);
    }

    /**
     * As {@link #build(SearchIndex, SearchSource)}, with {@code threads} threads taking the bodies apart and adding
     * the documents (Lucene's writer takes them from many threads) while this one reads the articles; at most
     * {@link #WAITING} articles per thread wait for one, so memory stays bounded however large the archive. With one
     * thread, this one does everything, as a running server's rebuild does beside the requests it answers.
     */
    static Built build(SearchIndex index, SearchSource source, int threads) throws IOException {
        long started = System.nanoTime();
        index.removeAll();
        AtomicInteger count = new AtomicInteger();
        SearchSource.Mark mark;
        if (threads <= 1) {
            mark = source.all(a -> {
                try {
                    index.put(a);
                    count.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } else {
            mark = buildOnThreads(index, source, threads, count);
        }
        Instant synced = source.now();
        index.commit(new SearchIndex.State(mark.last(), mark.gaps(), synced));
        log.info("Built the search index: {} articles in {} ms", count.get(), (System.nanoTime() - started) / 1_000_000);
        return new Built(count.get(), mark, synced);
    }

    /** Articles read but not yet added, per thread of a rebuild on many threads. */
    static final int WAITING = 64;
    /** How often a rebuild on many threads (one of a whole archive, by the command) says how far it got. */
    private static final int PROGRESS = 50_000;

    private static SearchSource.Mark buildOnThreads(SearchIndex index, SearchSource source, int threads, AtomicInteger count)
            throws IOException {
        Semaphore room = new Semaphore(threads * WAITING);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("search-build-", 1).factory());
        SearchSource.Mark mark;
        try {
            int[] read = {0};
            mark = source.allRows(row -> {
                if (++read[0] % PROGRESS == 0) log.info("Building the search index: {} articles read", read[0]);
                room.acquireUninterruptibly();
                if (failed.get() != null) {
                    room.release();
                    throw new IllegalStateException("Could not add an article to the search index", failed.get());
                }
                pool.execute(() -> {
                    try {
                        index.put(row.article());
                        count.incrementAndGet();
                    } catch (Throwable e) {
                        failed.compareAndSet(null, e);
                    } finally {
                        room.release();
                    }
                });
            });
        } finally {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.info("Still adding articles to the search index: {} so far", count.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
        Throwable e = failed.get();
        if (e instanceof IOException io) throw io;
        if (e instanceof RuntimeException r) throw r;
        if (e != null) throw new IllegalStateException("Could not add an article to the search index", e);
        return mark;
    }

    /** Applies the next outbox rows; true when there may be more. */
    private boolean applyBatch() throws IOException {
        long now = System.nanoTime();
        gaps.values().removeIf(first -> now - first > GAP_WAIT.toNanos());
        List<SearchSource.Change> changes = source.changesAfter(applied, List.copyOf(gaps.keySet()), BATCH);
        Instant dbNow = null;
        if (changes.isEmpty()) {
            // nothing new: note once an hour that the index has looked, so a restart does not think it stale
            dbNow = source.now();
            if (synced.plus(PRUNE_EVERY).isAfter(dbNow)) return false;
        }
        if (changes.stream().anyMatch(c -> c.articleId() == SearchSource.EVERYTHING)) {
            // "broadsheet reindex" asked every instance to build its index again
            locked(() -> {
                rebuildAsked = true;
            });
            return false;
        }
        Set<Long> articles = new HashSet<>();
        long last = applied;
        for (SearchSource.Change c : changes) {
            articles.add(c.articleId());
            if (c.id() > last) {
                for (long missing = Math.max(last + 1, c.id() - 1000); missing < c.id(); missing++) gaps.put(missing, now);
                last = c.id();
            } else {
                gaps.remove(c.id());
            }
        }
        Set<Long> published = new HashSet<>();
        for (IndexedArticle a : source.published(articles)) {
            index.put(a);
            published.add(a.id());
        }
        for (long id : articles) {
            if (!published.contains(id)) index.remove(id);
        }
        applied = last;
        synced = dbNow != null ? dbNow : source.now();
        index.commit(state());
        locked(progressed::signalAll);
        return changes.size() == BATCH;
    }

    private void pruneNow() {
        long now = System.nanoTime();
        if (now - lastPrune < PRUNE_EVERY.toNanos()) return;
        lastPrune = now;
        int pruned = source.prune(source.now().minus(KEEP));
        if (pruned > 0) log.info("Pruned {} search outbox rows older than a day", pruned);
    }

    private SearchIndex.State state() {
        return new SearchIndex.State(applied, new ArrayList<>(gaps.keySet()), synced);
    }

    @Override
    public void close() {
        running = false;
        wake(); // no interrupt: Lucene's files must not be closed under a write
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
