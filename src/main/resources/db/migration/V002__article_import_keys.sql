-- Which import file an article came from (its path within the imported folder), so that importing the
-- file again with a new slug, section or date moves the article and keeps its old address for a 301.
ALTER TABLE articles ADD COLUMN import_key text UNIQUE;
