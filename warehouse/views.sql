-- Analyst views. Re-created (CREATE OR REPLACE) whenever this file changes. Documents that are
-- near-duplicate reprints of another document (documents.reprint_of IS NOT NULL) are left out of every
-- count, so a report carried by three outlets counts once. Funds (kind 'fund') finance projects: they are
-- resolved like projects but kept out of v_projects and every project total (v_projects_all holds both).
-- What has no period or no district is counted in an explicit 'unknown' row, never dropped.

-- Who published a document: the outlet its text names (来源：…, 大众日报讯, a byline; documents.meta.source_name),
-- else the crawl source it came from, else the host of its URL. A local file's folder names no publisher.
CREATE OR REPLACE MACRO publisher_of(src, meta) AS
    coalesce(
        nullif(trim(json_extract_string(meta, '$.source_name')), ''),
        nullif(trim(json_extract_string(meta, '$.crawl_source')), ''),
        CASE WHEN regexp_matches(src, '^[A-Za-z][A-Za-z0-9+.-]*://')
             THEN regexp_replace(lower(regexp_extract(src, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)', 1)), '^www\.', '')
        END);

CREATE OR REPLACE MACRO stage_rank(status) AS
    CASE status WHEN 'planned' THEN 0 WHEN 'signed' THEN 1 WHEN 'landed' THEN 2 WHEN 'started' THEN 3
                WHEN 'completed' THEN 4 WHEN 'operating' THEN 5 ELSE -1 END;

CREATE OR REPLACE MACRO quarter_label(d) AS
    CASE WHEN d IS NULL THEN NULL ELSE CAST(year(d) AS VARCHAR) || 'Q' || CAST(quarter(d) AS VARCHAR) END;

CREATE OR REPLACE VIEW v_documents AS
SELECT doc_id, title, published, published_date, byline, source, publisher_of(source, meta) AS publisher,
       media_type, encoding, sha256, char_count, city, reprint_of, extractor_version, backend,
       fetched_at, imported_at
FROM documents;

CREATE OR REPLACE VIEW dim_sources AS
SELECT publisher_of(source, meta) AS publisher,
       count(*) FILTER (WHERE reprint_of IS NULL) AS documents,
       count(*) FILTER (WHERE reprint_of IS NOT NULL) AS reprints,
       min(published_date) AS first_published,
       max(published_date) AS last_published
FROM documents
GROUP BY ALL;

-- district_summary and project_summary are kept by the writer (warehouse/summaries.py, which holds the
-- aggregates they are made of): a batch re-summarizes the districts and projects it touched.
CREATE OR REPLACE VIEW dim_districts AS
SELECT canonical, admin_code, city, province, kind, mentions, documents
FROM district_summary;

CREATE OR REPLACE VIEW dim_companies AS
SELECT c.company_id, c.canonical, c.aliases,
       (SELECT count(DISTINCT x.doc_id) FROM companies x JOIN company_names n ON n.name = x.canonical
         JOIN documents d ON d.doc_id = x.doc_id
        WHERE n.company_id = c.company_id AND d.reprint_of IS NULL) AS documents
FROM company_dim c;

CREATE OR REPLACE VIEW v_project_events AS
SELECT l.project_id,
       p.status AS event,
       d.published_date AS event_date,
       d.published,
       quarter_label(d.published_date) AS period,
       p.name, p.company, l.company_id, p.district,
       p.amount_text, p.amount_yuan,
       p.evidence, p.span_start, p.span_end,
       p.doc_id, p.seq, d.title, d.source, publisher_of(d.source, d.meta) AS publisher,
       p.extractor_version,
       coalesce(p.kind, 'project') AS kind,
       coalesce(p.amount_value, p.amount_yuan) AS amount_value,
       coalesce(p.amount_currency, CASE WHEN p.amount_yuan IS NOT NULL THEN 'CNY' END) AS amount_currency,
       l.score AS link_score
FROM projects p
JOIN project_links l ON l.doc_id = p.doc_id AND l.seq = p.seq
JOIN documents d ON d.doc_id = p.doc_id
WHERE d.reprint_of IS NULL;

CREATE OR REPLACE VIEW v_projects_all AS
SELECT s.project_id, s.name, s.kind, coalesce(c.canonical, s.company_as_reported) AS company, s.company_id,
       s.district, dd.admin_code, dd.city,
       s.amount_yuan, s.amount_text, s.amount_value, s.amount_currency, s.latest_status, s.first_reported,
       s.last_reported, s.sources, s.reports, s.reprints, s.latest_evidence, s.latest_doc_id
FROM project_summary s
LEFT JOIN company_dim c ON c.company_id = s.company_id
LEFT JOIN district_summary dd ON dd.canonical = s.district;

CREATE OR REPLACE VIEW v_projects AS
SELECT * FROM v_projects_all WHERE kind = 'project';

-- One row per project: the district it is resolved to and the quarter it was first reported in
-- ('unknown' for either when no report says), so the rows add up to v_projects.
CREATE OR REPLACE VIEW v_district_period AS
WITH per_project AS (
    SELECT coalesce(p.district, 'unknown') AS district,
           coalesce(quarter_label(p.first_reported), 'unknown') AS period,
           p.project_id,
           p.signed,  -- one of its reports (v_project_events) has the status 'signed'
           p.amount_yuan
    FROM project_summary p
    WHERE p.kind = 'project'
)
SELECT pp.district, dd.admin_code, pp.period,
       count(*) AS projects,
       count(*) FILTER (WHERE signed) AS signed_projects,
       sum(amount_yuan) AS total_investment_yuan,
       count(*) FILTER (WHERE amount_yuan >= 1e8) AS projects_over_1e8,
       count(*) FILTER (WHERE signed AND amount_yuan >= 1e8) AS signed_projects_over_1e8
FROM per_project pp LEFT JOIN district_summary dd ON dd.canonical = pp.district
GROUP BY ALL;

CREATE OR REPLACE VIEW v_company_projects AS
SELECT coalesce(p.company_id, 'unknown') AS company_id, coalesce(p.company, 'unknown') AS company,
       p.project_id, p.name AS project, p.district, p.admin_code,
       p.amount_yuan, p.amount_text, p.amount_currency, p.latest_status, p.first_reported, p.last_reported, p.sources
FROM v_projects p;

CREATE OR REPLACE VIEW v_investments AS
SELECT i.doc_id, i.seq, i.text, i.value, i.currency, i.qualifier, i.evidence, i.span_start, i.span_end,
       d.published, d.published_date, d.title, d.source, i.extractor_version
FROM investments i JOIN documents d USING (doc_id)
WHERE d.reprint_of IS NULL;

CREATE OR REPLACE VIEW v_metrics AS
SELECT m.subject, dd.admin_code, m.indicator, m.value, m.unit, m.period, coalesce(m.target, false) AS target,
       m.text, m.evidence,
       d.published, d.published_date, m.doc_id, m.seq, m.span_start, m.span_end, d.title, d.source,
       m.extractor_version
FROM metrics m JOIN documents d USING (doc_id)
LEFT JOIN dim_districts dd ON dd.canonical = m.subject
WHERE d.reprint_of IS NULL;

CREATE OR REPLACE VIEW v_policy_incentives AS
SELECT p.district, dd.admin_code, p.title AS policy_title, p.doc_number, p.issuer,
       i.kind, i.amount_yuan AS cap_yuan, i.rate, i.condition, i.min_investment_yuan, i.clause,
       p.valid_from, p.valid_to, coalesce(p.published, d.published) AS published,
       i.doc_id, i.policy_seq, i.seq, i.span_start, i.span_end, i.extractor_version
FROM policy_incentives i
JOIN policies p ON p.doc_id = i.doc_id AND p.policy_seq = i.policy_seq
JOIN documents d ON d.doc_id = i.doc_id
LEFT JOIN dim_districts dd ON dd.canonical = p.district
WHERE d.reprint_of IS NULL;
