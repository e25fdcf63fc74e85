package broadsheet.search;

/**
 * How a newsroom tunes ranking: how much newer articles are lifted above older ones that match as well.
 *
 * @param recencyPercent how much a brand-new article's score is raised, in percent (0: age does not count)
 * @param halfLifeDays   after how many days that lift has halved
 */
public record Tuning(int recencyPercent, int halfLifeDays) {
    public static final int MAX_RECENCY_PERCENT = 1000;
    public static final int MIN_HALF_LIFE_DAYS = 1;
    public static final int MAX_HALF_LIFE_DAYS = 3650;
    public static final Tuning DEFAULT = new Tuning(50, 30);

    public Tuning {
        if (recencyPercent < 0 || recencyPercent > MAX_RECENCY_PERCENT) throw new IllegalArgumentException("recency percent " + recencyPercent);
        if (halfLifeDays < MIN_HALF_LIFE_DAYS || halfLifeDays > MAX_HALF_LIFE_DAYS) throw new IllegalArgumentException("half-life " + halfLifeDays);
    }
}
