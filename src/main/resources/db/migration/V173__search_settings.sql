-- How search lifts newer articles: a brand-new article's score is raised by search_recency_percent, and that lift
-- halves every search_recency_half_life_days. 0 percent: age does not count.
ALTER TABLE site_settings
    ADD COLUMN search_recency_percent        integer NOT NULL DEFAULT 50 CHECK (search_recency_percent BETWEEN 0 AND 1000),
    ADD COLUMN search_recency_half_life_days integer NOT NULL DEFAULT 30 CHECK (search_recency_half_life_days BETWEEN 1 AND 3650);
