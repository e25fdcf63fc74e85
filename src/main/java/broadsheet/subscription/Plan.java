package broadsheet.subscription;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * A plan the paper sells: a name, a billing period, a price in the currency's minor unit, and optionally the
 * Stripe Price that bills it. A retired plan is no longer offered, but the subscriptions on it keep it.
 *
 * @param priceMinor    the price in the currency's minor unit (pence for GBP, cents for EUR, yen for JPY)
 * @param stripePriceId Stripe's {@code price_...}, or null when Checkout is given the price inline
 */
public record Plan(long id, String name, Period period, long priceMinor, String currency, String stripePriceId,
                   boolean active, int position) {

    /** How often a plan bills. */
    public enum Period {
        MONTH("month", "Monthly"), YEAR("year", "Yearly");

        private final String word;
        private final String label;

        Period(String word, String label) {
            this.word = word;
            this.label = label;
        }

        /** As stored and as Stripe names it: {@code month}, {@code year}. */
        public String word() {
            return word;
        }

        public String label() {
            return label;
        }

        public static Period of(String word) {
            for (Period p : values()) if (p.word.equals(word)) return p;
            throw new IllegalArgumentException("no period " + word);
        }
    }

    /** The price as readers read it, in British style for its currency: "£9.50", "€120.00", "¥1,200". */
    public String price() {
        return format(priceMinor, currency);
    }

    /** The price with its period: "£9.50 a month". */
    public String pricePerPeriod() {
        return price() + " a " + period.word();
    }

    /** The plan as the paywall's offer shows it. */
    public PlanOffer offer() {
        return new PlanOffer(name, "a " + period.word(), price());
    }

    /** An amount in a currency's minor unit, formatted for readers. */
    public static String format(long minor, String currency) {
        Currency c = Currency.getInstance(currency);
        int digits = Math.max(0, c.getDefaultFractionDigits());
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
        f.setCurrency(c);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(BigDecimal.valueOf(minor, digits));
    }

    /** The price in major units as the plan form shows it: "9.50", "1200". */
    public String amount() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(priceMinor, digits).toPlainString();
    }
}
