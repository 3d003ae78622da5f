-- Records arrive with their evidence sentence's offsets and their resolution keys (made by the extractors):
-- the warehouse stores them and resolves on them instead of normalizing names or splitting sentences.
-- Rows loaded before keep NULL here; resolution then compares their names as written until `reextract`.
ALTER TABLE projects ADD COLUMN evidence_start INTEGER;
ALTER TABLE projects ADD COLUMN evidence_end INTEGER;
ALTER TABLE projects ADD COLUMN name_key VARCHAR;
ALTER TABLE projects ADD COLUMN project_key VARCHAR;         -- name_key without company names and generic ending
ALTER TABLE projects ADD COLUMN key_numbers VARCHAR[];       -- phase/line numbers of project_key
-- of `company`: its comparison key, core without the legal-form ending, whether it has one, its brackets
ALTER TABLE projects ADD COLUMN company_key STRUCT(name VARCHAR, "key" VARCHAR, core VARCHAR, registered BOOLEAN, bracketed BOOLEAN, fullwidth_brackets BOOLEAN);

ALTER TABLE companies ADD COLUMN evidence_start INTEGER;
ALTER TABLE companies ADD COLUMN evidence_end INTEGER;
-- the same keys of `canonical` and every mention
ALTER TABLE companies ADD COLUMN name_keys STRUCT(name VARCHAR, "key" VARCHAR, core VARCHAR, registered BOOLEAN, bracketed BOOLEAN, fullwidth_brackets BOOLEAN)[];

ALTER TABLE districts ADD COLUMN evidence_start INTEGER;
ALTER TABLE districts ADD COLUMN evidence_end INTEGER;
ALTER TABLE districts ADD COLUMN name_key VARCHAR;

ALTER TABLE investments ADD COLUMN evidence_start INTEGER;
ALTER TABLE investments ADD COLUMN evidence_end INTEGER;
ALTER TABLE metrics ADD COLUMN evidence_start INTEGER;
ALTER TABLE metrics ADD COLUMN evidence_end INTEGER;
ALTER TABLE mentions ADD COLUMN evidence_start INTEGER;
ALTER TABLE mentions ADD COLUMN evidence_end INTEGER;
ALTER TABLE policy_incentives ADD COLUMN evidence VARCHAR;
ALTER TABLE policy_incentives ADD COLUMN evidence_start INTEGER;
ALTER TABLE policy_incentives ADD COLUMN evidence_end INTEGER;
