-- Projects arrive with the generic characters of their key (extractors.keys.generic_chars): linkage looks a
-- name up by its grams not made of these alone, without knowing which characters are generic itself. Rows
-- loaded before keep NULL and are looked up by all their grams.
ALTER TABLE projects ADD COLUMN IF NOT EXISTS key_generic_chars VARCHAR;
