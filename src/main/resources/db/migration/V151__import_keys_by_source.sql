-- Import keys were the path of a file within the folder imported ("2025/harbour.md"), so importing another
-- folder with same-named files replaced unrelated articles. New keys are "id:..." (an id in the front matter)
-- or "file:<sha-256 of the file's real path>". Old keys are kept, marked, and never matched again: an
-- article imported before is found by its address on its next import, which gives it a new key.
UPDATE articles SET import_key = 'relative:' || import_key WHERE import_key IS NOT NULL;
