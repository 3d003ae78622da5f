-- Projects arrive with their kind (a fund finances projects and is kept out of project totals), the amount in
-- its own currency (a foreign amount has no amount_yuan but keeps its value, currency and text) and the
-- district's place in the hierarchy city ⊃ county ⊃ zone (made by the extractors from the gazetteer).
ALTER TABLE projects ADD COLUMN kind VARCHAR DEFAULT 'project';
ALTER TABLE projects ADD COLUMN amount_value DOUBLE;
ALTER TABLE projects ADD COLUMN amount_currency VARCHAR;
ALTER TABLE projects ADD COLUMN district_path VARCHAR[];
-- the linkage score with which a row joined its project (NULL: it founded the project)
ALTER TABLE project_links ADD COLUMN score DOUBLE;
