package broadsheet.gift;

/**
 * The rules of gift links in effect (the newsroom's settings).
 *
 * @param perMonth   new gifts a subscriber may make each calendar month
 * @param expiryDays days a new link works for
 * @param readerCap  distinct readers a new link lets in, or 0 for no cap
 */
public record GiftRules(int perMonth, int expiryDays, int readerCap) {
    public static final GiftRules DEFAULTS = new GiftRules(10, 14, 0);
}
