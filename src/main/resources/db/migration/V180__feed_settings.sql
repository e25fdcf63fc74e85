-- Whether the RSS and Atom feeds carry the full text of free articles (on by default). Off, every entry carries
-- its standfirst alone; paywalled articles' entries never carry more than that, whatever this says.
ALTER TABLE site_settings ADD COLUMN feeds_full_text boolean NOT NULL DEFAULT true;
