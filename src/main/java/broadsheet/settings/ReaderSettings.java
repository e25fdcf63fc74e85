package broadsheet.settings;

/**
 * The paper's rules for readers without a subscription and for gift links, part of {@link SiteSettings}. The
 * paywall and the gift links obey them; here they are only stored and checked against their limits.
 *
 * @param previewParagraphs paragraphs of a paywalled article a reader without access sees
 * @param anonymousMeter    premium articles a visitor who is not signed in may read whole each calendar month
 * @param registeredMeter   premium articles a signed-in reader without a subscription may read whole each month
 * @param giftsPerMonth     new gift links a subscriber may make each calendar month
 * @param giftExpiryDays    days a gift link works for
 * @param giftReaderCap     distinct readers one gift link lets in, or 0 for no cap
 */
public record ReaderSettings(int previewParagraphs, int anonymousMeter, int registeredMeter, int giftsPerMonth,
                             int giftExpiryDays, int giftReaderCap) {
    public static final int MIN_PREVIEW = 1;
    public static final int MAX_PREVIEW = 10;
    public static final int MAX_METER = 50;
    public static final int MAX_GIFTS = 100;
    public static final int MAX_EXPIRY_DAYS = 365;
    public static final int MAX_CAP = 10_000;
    /** What each rule is until an admin changes it. */
    public static final ReaderSettings DEFAULTS = new ReaderSettings(3, 0, 2, 10, 14, 0);

    /** Whether one gift link lets in only so many distinct readers. */
    public boolean giftCapped() {
        return giftReaderCap > 0;
    }
}
