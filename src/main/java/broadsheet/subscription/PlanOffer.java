package broadsheet.subscription;

/**
 * A plan as the paywall's offer shows it, beside its subscribe link.
 *
 * @param name   the plan's name ("Digital")
 * @param period how often it is paid, in words ("a month")
 * @param price  the price as shown ("£9.99")
 */
public record PlanOffer(String name, String period, String price) {}
