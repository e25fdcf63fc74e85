package broadsheet;

import broadsheet.mail.SmtpSettings;
import broadsheet.storage.Database;
import broadsheet.storage.EmbeddedPostgres;
import broadsheet.web.TrustedProxies;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every option of Broadsheet, once: its key, environment variable, default and meaning.
 * Values come from, in rising order of precedence: the defaults here, {@code broadsheet.properties}
 * in the data folder, {@code BROADSHEET_*} environment variables, and command-line flags.
 * The README's configuration table is this list. Config only reads and checks values; it does not
 * decide what to do with them.
 */
public record Config(
        Path dataDir,
        String host,
        int port,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        int databasePoolSize,
        int databaseTimeoutSeconds,
        String baseUrl,
        String siteName,
        ZoneId zone,
        Path mediaDir,
        int pageCacheMegabytes,
        int uploadMegabytes,
        int formKilobytes,
        String trustedProxies,
        String metricsToken,
        Stripe stripe,
        SmtpSettings smtp,
        Webhooks webhooks,
        Cdn cdn,
        Shutdown shutdown) {

    /**
     * Purges sent to a CDN when content changes: off without URLs.
     *
     * @param kind      {@code varnish} or {@code fastly}
     * @param urls      the Varnish listeners, or the Fastly service addresses (https://api.fastly.com/service/ID)
     * @param token     Fastly's API token
     * @param timeoutMs each purge request's time limit
     */
    public record Cdn(String kind, List<URI> urls, String token, int timeoutMs, int resendMs) {
        public boolean enabled() {
            return !urls.isEmpty();
        }
    }

    /**
     * What SIGTERM does: {@code /readyz} answers 503 for {@code drainSeconds} while the server still serves (so a
     * balancer stops sending), then the server stops accepting and waits up to {@code timeoutSeconds} for requests in flight.
     */
    public record Shutdown(int drainSeconds, int timeoutSeconds) {}

    /** How webhook deliveries are sent: the first retry's wait (doubling after), each request's time limit, how long they are kept. */
    public record Webhooks(int retrySeconds, int timeoutSeconds, int keepDays) {}

    /**
     * Payments through Stripe: off (subscriptions granted by admins) without a secret key.
     *
     * @param apiBase Stripe's API address; tests point it at a local server
     */
    public record Stripe(String secretKey, String webhookSecret, String apiBase) {
        public boolean enabled() {
            return !secretKey.isEmpty();
        }
    }

    /** One documented option. */
    public record Option(String key, String defaultValue, boolean secret, String doc) {
        public String envVar() {
            return "BROADSHEET_" + key.toUpperCase().replace('.', '_').replace('-', '_');
        }
    }

    public static final Option DATA = new Option("data", "./data", false,
            "Folder for the embedded database, pictures and search index.");
    public static final Option HOST = new Option("host", "127.0.0.1", false,
            "Address to listen on; 0.0.0.0 to accept connections from other machines.");
    public static final Option PORT = new Option("port", "8080", false, "HTTP port.");
    public static final Option DATABASE_URL = new Option("database.url", "", false,
            "JDBC URL of an external PostgreSQL (e.g. jdbc:postgresql://db:5432/broadsheet). Empty: run the embedded PostgreSQL in the data folder.");
    public static final Option DATABASE_USER = new Option("database.user", "", false, "User for the external PostgreSQL.");
    public static final Option DATABASE_PASSWORD = new Option("database.password", "", true, "Password for the external PostgreSQL.");
    public static final Option DATABASE_POOL_SIZE = new Option("database.pool-size", "8", false,
            "Most database connections one instance opens; at least 2, since migrating the schema at start takes two. "
            + "Each costs the database some 5 MB; more than 8 rarely adds throughput on a machine of a few cores.");
    public static final Option DATABASE_TIMEOUT = new Option("database.timeout-seconds", "2", false,
            "Longest wait for a database connection, in seconds; past it, pages answer 503 (briefly unavailable) rather than hang.");
    public static final Option BASE_URL = new Option("base-url", "", false,
            "Public address of the site, used in canonical links, feeds and JSON-LD. Empty: http://localhost:PORT");
    public static final Option SITE_NAME = new Option("site-name", "The Broadsheet", false,
            "The paper's name, unless an admin sets another in the newsroom's settings (/newsroom/settings).");
    public static final Option TIME_ZONE = new Option("time-zone", "Europe/London", false,
            "Zone in which times are shown to readers (stored times are always UTC).");

    public static final Option MEDIA_DIR = new Option("media-dir", "", false,
            "Folder for picture files. Empty: DATA/media. With several instances, a folder they all share.");
    public static final Option PAGE_CACHE_MB = new Option("page-cache-mb", "64", false,
            "Memory for rendered public pages, in megabytes; 0 turns the page cache off. Emptied on every publish, on every instance.");

    public static final Option UPLOAD_MB = new Option("upload-mb", "20", false,
            "Largest picture the newsroom and the Admin API accept, in megabytes.");

    public static final Option FORM_KB = new Option("form-kb", "64", false,
            "Largest form body any address accepts, in kilobytes (sign-in, settings, names and descriptions). The article editor "
            + "and the Admin API take what an article at its longest needs; picture uploads take the upload limit.");

    public static final Option TRUSTED_PROXIES = new Option("trusted-proxies", "", false,
            "Addresses or CIDR ranges of load balancers whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty: none.");

    public static final Option METRICS_TOKEN = new Option("metrics-token", "", true,
            "When set, /metrics answers only requests with Authorization: Bearer and this value (at least 16 characters). Empty: public.");

    public static final Option STRIPE_SECRET_KEY = new Option("stripe.secret-key", "", true,
            "Stripe secret API key (sk_live_... or sk_test_...). Empty: payments are off, and admins grant subscriptions in the newsroom.");
    public static final Option STRIPE_WEBHOOK_SECRET = new Option("stripe.webhook-secret", "", true,
            "Signing secret (whsec_...) of the webhook endpoint registered at Stripe for /payments/stripe/webhook; events without a valid signature are refused.");
    public static final Option STRIPE_API_BASE = new Option("stripe.api-base", "https://api.stripe.com", false,
            "Address of Stripe's API; change it only to point at a stand-in for testing.");

    public static final Option SMTP_HOST = new Option("smtp.host", "", false,
            "SMTP server for mail to readers (sign-in links, address checks, password resets). Empty: mails are written to "
            + "DATA/outbox as .eml files and their links logged.");
    public static final Option SMTP_PORT = new Option("smtp.port", "587", false, "Port of the SMTP server.");
    public static final Option SMTP_USERNAME = new Option("smtp.username", "", false, "User name at the SMTP server; empty: no sign-in.");
    public static final Option SMTP_PASSWORD = new Option("smtp.password", "", true, "Password at the SMTP server.");
    public static final Option SMTP_FROM = new Option("smtp.from", "", false,
            "Sender of mails to readers, such as \"The Broadsheet <news@example.com>\". Empty: no-reply@ the base URL's host.");
    public static final Option SMTP_SECURITY = new Option("smtp.security", "starttls", false,
            "How the SMTP connection is protected: starttls (usually port 587), ssl (usually 465) or none (a server on this machine).");

    public static final Option WEBHOOKS_RETRY_SECONDS = new Option("webhooks.retry-seconds", "30", false,
            "Wait before a failed webhook delivery is first tried again, in seconds; each later wait is twice the one before "
            + "(at most an hour), for 24 hours.");
    public static final Option WEBHOOKS_TIMEOUT_SECONDS = new Option("webhooks.timeout-seconds", "10", false,
            "Longest a webhook request may take, answer included, in seconds (connecting: at most 5); longer counts as a failure.");
    public static final Option WEBHOOKS_KEEP_DAYS = new Option("webhooks.keep-days", "30", false,
            "Days settled webhook deliveries and their attempts are kept for the newsroom to see.");

    public static final Option CDN_KIND = new Option("cdn.kind", "varnish", false,
            "Kind of CDN purged when content changes: varnish (PURGE with an xkey-purge header, BAN for everything; see "
            + "deploy/varnish) or fastly (POST SERVICE/purge with Surrogate-Key and Fastly-Key).");
    public static final Option CDN_URLS = new Option("cdn.urls", "", false,
            "Where purges go, comma-separated: each Varnish's address (http://127.0.0.1:6081), or each Fastly service's "
            + "(https://api.fastly.com/service/SERVICE_ID). Empty: no purges.");
    public static final Option CDN_TOKEN = new Option("cdn.token", "", true, "Fastly API token, sent as Fastly-Key.");
    public static final Option CDN_TIMEOUT_MS = new Option("cdn.timeout-ms", "2000", false,
            "Longest a purge request may take, in milliseconds; a failed purge is tried again 4 times (after 1, 2, 4 and 8 s).");
    public static final Option CDN_RESEND_MS = new Option("cdn.resend-ms", "2000", false,
            "Each purge is sent again this many milliseconds after it first went out, for a page an instance served before it "
            + "heard of the change (the change feed tells every instance within milliseconds); 0 sends it once.");
    public static final Option SHUTDOWN_DRAIN_SECONDS = new Option("shutdown.drain-seconds", "0", false,
            "On SIGTERM, seconds /readyz answers 503 while the server still serves, so a load balancer stops sending "
            + "before the server stops accepting; set it above the balancer's health-check interval times its threshold.");
    public static final Option SHUTDOWN_TIMEOUT_SECONDS = new Option("shutdown.timeout-seconds", "10", false,
            "On SIGTERM, longest wait for requests in flight to finish after the server stops accepting, in seconds.");

    public static final List<Option> OPTIONS = List.of(
            DATA, HOST, PORT, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, DATABASE_TIMEOUT,
            BASE_URL, SITE_NAME, TIME_ZONE, MEDIA_DIR, PAGE_CACHE_MB, UPLOAD_MB, FORM_KB, TRUSTED_PROXIES, METRICS_TOKEN,
            STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE,
            SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_SECURITY,
            WEBHOOKS_RETRY_SECONDS, WEBHOOKS_TIMEOUT_SECONDS, WEBHOOKS_KEEP_DAYS,
            CDN_KIND, CDN_URLS, CDN_TOKEN, CDN_TIMEOUT_MS, CDN_RESEND_MS, SHUTDOWN_DRAIN_SECONDS, SHUTDOWN_TIMEOUT_SECONDS);

    /** A value that cannot be used; the message names the option and says what is expected. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** Opens (and for the embedded server, starts) the configured database and migrates its schema. */
    public Database openDatabase() {
        Database.Target t = databaseTarget();
        return Database.connect(t.url(), t.user(), t.password(), t.poolSize(), t.timeout(), t.embedded());
    }

    /**
     * As {@link #openDatabase}, on a thread of its own: the database returned at once waits for the opening at its first
     * use, and {@link Database#awaitOpen} throws what opening threw.
     */
    public Database openingDatabase() {
        return Database.opening(this::databaseTarget);
    }

    /** Where the configured database is; for the embedded server, once it is started. */
    private Database.Target databaseTarget() {
        Duration timeout = Duration.ofSeconds(databaseTimeoutSeconds);
        if (!embeddedDatabase()) return new Database.Target(databaseUrl, databaseUser, databasePassword, databasePoolSize, timeout, null);
        EmbeddedPostgres pg = EmbeddedPostgres.open(dataDir.resolve("postgres"));
        return new Database.Target(pg.jdbcUrl(), pg.user(), pg.password(), databasePoolSize, timeout, pg);
    }

    public boolean embeddedDatabase() {
        return databaseUrl.isBlank();
    }

    /**
     * Builds the configuration from the environment, the data folder's properties file and the
     * given command-line values (keys as in {@link Option#key()}; null values are ignored).
     */
    public static Config load(Map<String, String> env, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Option o : OPTIONS) values.put(o.key(), o.defaultValue());
        String dataValue = firstNonNull(flags.get(DATA.key()), env.get(DATA.envVar()), DATA.defaultValue());
        Path dataDir = Path.of(dataValue).toAbsolutePath().normalize();
        values.putAll(readProperties(dataDir.resolve("broadsheet.properties")));
        for (Option o : OPTIONS) {
            if (env.get(o.envVar()) != null) values.put(o.key(), env.get(o.envVar()));
        }
        flags.forEach((k, v) -> {
            if (v != null) values.put(k, v);
        });
        values.put(DATA.key(), dataDir.toString());
        return fromValues(values);
    }

    static Config fromValues(Map<String, String> v) {
        int port = integer(v, PORT, 0, 65535);
        String baseUrl = v.get(BASE_URL.key()).strip();
        if (baseUrl.isEmpty()) baseUrl = "http://localhost:" + port;
        baseUrl = stripTrailingSlash(baseUrl);
        try {
            URI u = URI.create(baseUrl);
            if (u.getScheme() == null || u.getHost() == null || !u.getScheme().matches("https?")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(BASE_URL.envVar() + ": \"" + baseUrl + "\" is not an http(s) address such as https://news.example.com");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(v.get(TIME_ZONE.key()).strip());
        } catch (DateTimeException e) {
            throw new ConfigException(TIME_ZONE.envVar() + ": \"" + v.get(TIME_ZONE.key()) + "\" is not a time zone such as Europe/London");
        }
        String url = v.get(DATABASE_URL.key()).strip();
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(DATABASE_URL.envVar() + ": expected a jdbc:postgresql:// URL");
        }
        String siteName = v.get(SITE_NAME.key()).strip();
        if (siteName.isEmpty()) throw new ConfigException(SITE_NAME.envVar() + ": the paper needs a name");
        String metricsToken = v.get(METRICS_TOKEN.key()).strip();
        if (!metricsToken.isEmpty() && (metricsToken.length() < 16 || metricsToken.chars().anyMatch(c -> c <= ' ' || c >= 0x7f))) {
            throw new ConfigException(METRICS_TOKEN.envVar() + ": use at least 16 printable ASCII characters without spaces, such as the output of "
                    + "openssl rand -hex 24");
        }
        String proxies = v.get(TRUSTED_PROXIES.key()).strip();
        try {
            new TrustedProxies(proxies);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Stripe stripe = stripe(v);
        Path dataDir = Path.of(v.get(DATA.key()));
        String media = v.get(MEDIA_DIR.key()).strip();
        Path mediaDir = media.isEmpty() ? dataDir.resolve("media") : Path.of(media).toAbsolutePath().normalize();
        return new Config(dataDir, v.get(HOST.key()).strip(), port, url,
                v.get(DATABASE_USER.key()), v.get(DATABASE_PASSWORD.key()),
                integer(v, DATABASE_POOL_SIZE, 2, 500), integer(v, DATABASE_TIMEOUT, 1, 60), baseUrl, siteName, zone, mediaDir,
                integer(v, PAGE_CACHE_MB, 0, 65536), integer(v, UPLOAD_MB, 1, 200), integer(v, FORM_KB, 8, 10240),
                proxies, metricsToken, stripe, smtp(v, baseUrl), new Webhooks(integer(v, WEBHOOKS_RETRY_SECONDS, 1, 3600),
                integer(v, WEBHOOKS_TIMEOUT_SECONDS, 1, 60), integer(v, WEBHOOKS_KEEP_DAYS, 1, 3650)), cdn(v),
                new Shutdown(integer(v, SHUTDOWN_DRAIN_SECONDS, 0, 300), integer(v, SHUTDOWN_TIMEOUT_SECONDS, 0, 600)));
    }

    private static Cdn cdn(Map<String, String> v) {
        String kind = v.get(CDN_KIND.key()).strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("varnish", "fastly").contains(kind)) {
            throw new ConfigException(CDN_KIND.envVar() + ": \"" + kind + "\" is not one of varnish, fastly");
        }
        List<URI> urls = new ArrayList<>();
        for (String part : v.get(CDN_URLS.key()).split(",")) {
            String url = part.strip();
            if (url.isEmpty()) continue;
            try {
                URI u = URI.create(url);
                if (u.getScheme() == null || u.getHost() == null || !u.getScheme().matches("https?")) throw new IllegalArgumentException();
                urls.add(u);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(CDN_URLS.envVar() + ": \"" + url + "\" is not an http(s) address such as http://127.0.0.1:6081");
            }
        }
        String token = v.get(CDN_TOKEN.key()).strip();
        if (kind.equals("fastly") && !urls.isEmpty() && token.isEmpty()) {
            throw new ConfigException(CDN_TOKEN.envVar() + ": purging Fastly needs an API token with purge rights");
        }
        return new Cdn(kind, List.copyOf(urls), token, integer(v, CDN_TIMEOUT_MS, 50, 60000), integer(v, CDN_RESEND_MS, 0, 60000));
    }

    private static Stripe stripe(Map<String, String> v) {
        String key = v.get(STRIPE_SECRET_KEY.key()).strip();
        String webhook = v.get(STRIPE_WEBHOOK_SECRET.key()).strip();
        String api = stripTrailingSlash(v.get(STRIPE_API_BASE.key()).strip());
        if (!key.isEmpty() && !key.matches("(sk|rk)_(live|test)_[A-Za-z0-9]+")) {
            throw new ConfigException(STRIPE_SECRET_KEY.envVar() + ": expected a Stripe secret key such as sk_live_... or sk_test_...");
        }
        if (!key.isEmpty() && !webhook.startsWith("whsec_")) {
            throw new ConfigException(STRIPE_WEBHOOK_SECRET.envVar() + ": with a Stripe key, also give the webhook endpoint's signing secret "
                    + "(whsec_..., shown where the endpoint is registered in Stripe's dashboard)");
        }
        if (!api.matches("https?://[^/\\s]+")) {
            throw new ConfigException(STRIPE_API_BASE.envVar() + ": \"" + api + "\" is not an address such as https://api.stripe.com");
        }
        return new Stripe(key, webhook, api);
    }

    private static SmtpSettings smtp(Map<String, String> v, String baseUrl) {
        String security = v.get(SMTP_SECURITY.key()).strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of(SmtpSettings.STARTTLS, SmtpSettings.SSL, SmtpSettings.NONE).contains(security)) {
            throw new ConfigException(SMTP_SECURITY.envVar() + ": \"" + security + "\" is not one of starttls, ssl, none");
        }
        String from = v.get(SMTP_FROM.key()).strip();
        if (from.isEmpty()) from = "no-reply@" + URI.create(baseUrl).getHost();
        try {
            new jakarta.mail.internet.InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new ConfigException(SMTP_FROM.envVar() + ": \"" + from + "\" is not a mail address such as news@example.com");
        }
        return new SmtpSettings(v.get(SMTP_HOST.key()).strip(), integer(v, SMTP_PORT, 1, 65535), v.get(SMTP_USERNAME.key()).strip(),
                v.get(SMTP_PASSWORD.key()), from, security);
    }

    /** The same configuration listening on another port (and, when the base URL was derived, addressed there). */
    public Config withPort(int newPort) {
        String derived = "http://localhost:" + port;
        String newBase = baseUrl.equals(derived) ? "http://localhost:" + newPort : baseUrl;
        return new Config(dataDir, host, newPort, databaseUrl, databaseUser, databasePassword,
                databasePoolSize, databaseTimeoutSeconds, newBase, siteName, zone, mediaDir, pageCacheMegabytes, uploadMegabytes,
                formKilobytes, trustedProxies, metricsToken, stripe, smtp, webhooks, cdn, shutdown);
    }

    /** Lines for {@code broadsheet config}: every option with its value, secrets hidden. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("data folder: " + dataDir);
        lines.add("listening on: " + host + ":" + port);
        lines.add("database: " + (embeddedDatabase() ? "embedded PostgreSQL in " + dataDir.resolve("postgres") : databaseUrl));
        lines.add("base URL: " + baseUrl);
        lines.add("site name: " + siteName + " (unless an admin set another in the newsroom's settings, /newsroom/settings)");
        lines.add("time zone: " + zone);
        lines.add("pictures: " + mediaDir);
        lines.add("page cache: " + (pageCacheMegabytes == 0 ? "off" : pageCacheMegabytes + " MB"));
        lines.add("metrics: " + (metricsToken.isEmpty() ? "public" : "token required"));
        lines.add("CDN purges: " + (cdn.enabled() ? cdn.kind() + " at " + cdn.urls().size() + " address(es)" : "off"));
        lines.add("payments: " + (stripe.enabled() ? "Stripe (" + stripe.apiBase() + ")" : "off; admins grant subscriptions"));
        lines.add("mail: " + (smtp.configured() ? "SMTP " + smtp.host() + ":" + smtp.port() + " (" + smtp.security() + ") from " + smtp.from()
                : "no SMTP server: written to " + dataDir.resolve("outbox")));
        return lines;
    }

    private static int integer(Map<String, String> v, Option o, int min, int max) {
        String raw = v.get(o.key()).strip();
        try {
            int n = Integer.parseInt(raw);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(o.envVar() + ": \"" + raw + "\" is not a whole number from " + min + " to " + max);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
        for (String name : p.stringPropertyNames()) {
            if (OPTIONS.stream().noneMatch(o -> o.key().equals(name))) {
                throw new ConfigException(file + ": unknown option \"" + name + "\"");
            }
            out.put(name, p.getProperty(name));
        }
        return out;
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T t : values) if (t != null) return t;
        return null;
    }
}
