package broadsheet.cli;

import broadsheet.App;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code broadsheet serve}: runs the site until stopped; stops gracefully on SIGTERM or Ctrl-C. */
@Command(name = "serve", description = "Serve the site.")
public final class ServeCommand implements Runnable {
    @Mixin
    CommonOptions options;

    @Override
    public void run() {
        serve(App.create(options.config(), Clock.systemUTC()));
    }

    /** Starts the app, prints its address, and blocks until the process is asked to stop. */
    static void serve(App app) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        app.start();
        System.out.println();
        System.out.println("  " + app.siteName() + " is running. Open " + app.localAddress() + "/");
        if (!app.address().equals(app.localAddress())) System.out.println("  Public address: " + app.address() + "/");
        System.out.println("  Press Ctrl-C to stop.");
        System.out.println();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
