package broadsheet.subscription;

import broadsheet.shared.AuditLog;
import broadsheet.storage.ChangeFeed;
import broadsheet.text.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The plans: the active ones as readers are offered them (the plans page and the paywall's box), all of them for
 * the newsroom, and an admin's changes: adding, editing, and taking a plan off sale. A plan no subscription ever
 * used is deleted when taken off sale; one in use is retired (kept, no longer offered), so the subscriptions on it
 * still say what they are. Each change is one transaction with its audit entry. Prices are whole amounts of the
 * currency's minor unit, so no rounding ever happens after the form is read.
 */
public final class Plans {
    public static final int MAX_NAME = 60;
    public static final int MAX_STRIPE_PRICE = 106;
    /** The largest price a plan may have, in minor units: Stripe's own limit on one amount (eight digits). */
    public static final long MAX_PRICE_MINOR = 99_999_999;
    static final RowMapper<Plan> PLAN = (rs, ctx) -> new Plan(rs.getLong("id"), rs.getString("name"),
            Plan.Period.of(rs.getString("period")), rs.getLong("price_minor"), rs.getString("currency"),
            rs.getString("stripe_price_id"), rs.getBoolean("active"), rs.getInt("position"));
    private final Jdbi jdbi;

    private static final String INSERT = """
            INSERT INTO plans (name, period, price_minor, currency, stripe_price_id, position, created_at, updated_at)
            VALUES (:name, :period, :price, :currency, :stripe, (SELECT coalesce(max(position), 0) + 1 FROM plans), :now, :now)
            RETURNING *""";

    public Plans(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What an admin typed into the plan form, before it is checked. */
    public record Draft(String name, String period, String price, String currency, String stripePriceId) {}

    /** What became of a change. */
    public sealed interface Outcome {
        record Done(Plan plan) implements Outcome {}

        /** Nothing was stored; the problems are keyed by form field ("name", "period", "price", "currency", "stripePriceId"). */
        record Invalid(Map<String, String> problems) implements Outcome {}

        record NotFound() implements Outcome {}

        /** Taken off sale: {@code deleted} when no subscription had used it, else retired. */
        record Removed(Plan plan, boolean deleted) implements Outcome {}
    }

    /** The plans on sale, in their order: what readers are offered. */
    public List<Plan> active() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plans WHERE active ORDER BY position, id").map(PLAN).list());
    }

    /** Every plan, those on sale first, for the newsroom. */
    public List<Plan> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plans ORDER BY active DESC, position, id").map(PLAN).list());
    }

    public Optional<Plan> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plans WHERE id = :id").bind("id", id).map(PLAN).findOne());
    }

    public Outcome create(AuditLog.Actor actor, Draft draft, Instant now) {
        Map<String, String> problems = problems(draft);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        return jdbi.inTransaction(h -> {
            Plan plan = h.createQuery(INSERT).bindMap(values(draft)).bind("now", now).map(PLAN).one();
            AuditLog.record(h, actor, "plan created", plan.name(), details(plan), now);
            ChangeFeed.announce(h, "plans");
            return new Outcome.Done(plan);
        });
    }

    /** New words and price for a plan; saving what is already there changes and records nothing. */
    public Outcome update(AuditLog.Actor actor, long id, Draft draft, Instant now) {
        Map<String, String> problems = problems(draft);
        if (!problems.isEmpty()) return new Outcome.Invalid(problems);
        return jdbi.inTransaction(h -> {
            Optional<Plan> before = locked(h, id);
            if (before.isEmpty()) return new Outcome.NotFound();
            Plan after = h.createQuery("""
                            UPDATE plans SET name = :name, period = :period, price_minor = :price, currency = :currency,
                                   stripe_price_id = :stripe, updated_at = :now
                            WHERE id = :id RETURNING *""")
                    .bindMap(values(draft)).bind("now", now).bind("id", id).map(PLAN).one();
            if (after.equals(before.get())) return new Outcome.Done(after);
            Map<String, Object> details = details(after);
            if (!before.get().name().equals(after.name())) details.put("from", before.get().name());
            AuditLog.record(h, actor, "plan changed", after.name(), details, now);
            ChangeFeed.announce(h, "plans");
            return new Outcome.Done(after);
        });
    }

    /** Takes a plan off sale: deleted when no subscription ever used it, retired otherwise. */
    public Outcome remove(AuditLog.Actor actor, long id, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Plan> plan = locked(h, id);
            if (plan.isEmpty()) return new Outcome.NotFound();
            boolean used = h.createQuery("SELECT EXISTS (SELECT 1 FROM subscriptions WHERE plan_id = :id)").bind("id", id)
                    .mapTo(Boolean.class).one();
            if (used) {
                if (plan.get().active()) {
                    h.createUpdate("UPDATE plans SET active = false, updated_at = :now WHERE id = :id").bind("now", now).bind("id", id).execute();
                    AuditLog.record(h, actor, "plan retired", plan.get().name(), details(plan.get()), now);
                    ChangeFeed.announce(h, "plans");
                }
                return new Outcome.Removed(plan.get(), false);
            }
            h.createUpdate("DELETE FROM plans WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, actor, "plan deleted", plan.get().name(), details(plan.get()), now);
            ChangeFeed.announce(h, "plans");
            return new Outcome.Removed(plan.get(), true);
        });
    }

    /** Puts a retired plan on sale again. */
    public Outcome offer(AuditLog.Actor actor, long id, Instant now) {
        return jdbi.inTransaction(h -> {
            Optional<Plan> plan = locked(h, id);
            if (plan.isEmpty()) return new Outcome.NotFound();
            if (plan.get().active()) return new Outcome.Done(plan.get());
            Plan after = h.createQuery("UPDATE plans SET active = true, updated_at = :now WHERE id = :id RETURNING *")
                    .bind("now", now).bind("id", id).map(PLAN).one();
            AuditLog.record(h, actor, "plan offered again", after.name(), details(after), now);
            ChangeFeed.announce(h, "plans");
            return new Outcome.Done(after);
        });
    }

    /** A plan on sale, last in the order, without an audit entry: for the demo's plans, made in its transaction. */
    public static Plan add(Handle h, Draft draft, Instant now) {
        if (!problems(draft).isEmpty()) throw new IllegalArgumentException("not a plan: " + problems(draft));
        return h.createQuery(INSERT).bindMap(values(draft)).bind("now", now).map(PLAN).one();
    }

    /** Problems with a draft, keyed by field; empty when it can be stored. */
    static Map<String, String> problems(Draft d) {
        Map<String, String> p = new LinkedHashMap<>();
        if (d.name().isBlank()) p.put("name", "A plan needs a name, such as Monthly or Digital, yearly.");
        else if (d.name().length() > MAX_NAME) p.put("name", "A name can have at most " + MAX_NAME + " characters.");
        else if (Texts.hasControl(d.name())) p.put("name", "A name is one line of text, without control characters.");
        if (!d.period().equals("month") && !d.period().equals("year")) p.put("period", "Choose whether the plan bills every month or every year.");
        String currencyProblem = currencyProblem(d.currency());
        if (currencyProblem != null) p.put("currency", currencyProblem);
        else {
            String priceProblem = priceProblem(d.price(), d.currency());
            if (priceProblem != null) p.put("price", priceProblem);
        }
        String stripe = d.stripePriceId();
        if (!stripe.isEmpty() && (stripe.length() > MAX_STRIPE_PRICE || !stripe.matches("price_[A-Za-z0-9_]{1,100}"))) {
            p.put("stripePriceId", "A Stripe price id looks like price_1Pq2r3..., as Stripe's dashboard shows it; leave it empty to let Checkout "
                    + "take the price above.");
        }
        return p;
    }

    private static String currencyProblem(String code) {
        if (!code.matches("[A-Z]{3}")) return "A currency is its three-letter ISO 4217 code in capitals, such as GBP, EUR or USD.";
        try {
            Currency c = Currency.getInstance(code);
            if (c.getDefaultFractionDigits() < 0) return code + " is not a currency a price can be paid in.";
        } catch (IllegalArgumentException e) {
            return code + " is not an ISO 4217 currency code; use one such as GBP, EUR or USD.";
        }
        return null;
    }

    private static String priceProblem(String price, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        String example = digits == 0 ? "1200" : "9.50";
        if (!price.matches("[0-9]{1,9}(\\.[0-9]{1,4})?")) return "Write the price as a number such as " + example + ", without the currency sign.";
        BigDecimal amount = new BigDecimal(price);
        if (amount.stripTrailingZeros().scale() > digits) {
            return digits == 0 ? currency + " has no smaller unit: write a whole number such as " + example + "."
                    : currency + " has " + digits + " decimal places: write the price as " + example + ".";
        }
        long minor = amount.movePointRight(digits).longValueExact();
        if (minor < 1) return "A plan's price must be more than nothing.";
        if (minor > MAX_PRICE_MINOR) return "A price can be at most " + Plan.format(MAX_PRICE_MINOR, currency) + ".";
        return null;
    }

    /** A draft's stored values; only called once it has no problems. */
    private static Map<String, Object> values(Draft d) {
        int digits = Currency.getInstance(d.currency()).getDefaultFractionDigits();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", d.name());
        v.put("period", d.period());
        v.put("price", new BigDecimal(d.price()).movePointRight(digits).longValueExact());
        v.put("currency", d.currency());
        v.put("stripe", d.stripePriceId().isEmpty() ? null : d.stripePriceId());
        return v;
    }

    private static Map<String, Object> details(Plan plan) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("plan", plan.id());
        d.put("price", plan.pricePerPeriod());
        if (plan.stripePriceId() != null) d.put("stripePrice", plan.stripePriceId());
        return d;
    }

    private static Optional<Plan> locked(Handle h, long id) {
        return h.createQuery("SELECT * FROM plans WHERE id = :id FOR UPDATE").bind("id", id).map(PLAN).findOne();
    }
}
