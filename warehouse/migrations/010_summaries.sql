-- Summary tables the writer keeps up to date (warehouse.summaries), so that the analyst views read one row per
-- project or district instead of aggregating every report on each query. `summarized` marks the rows of
-- project_links and districts already counted in them.
CREATE TABLE project_summary (
    project_id          VARCHAR NOT NULL,
    name                VARCHAR,
    kind                VARCHAR,
    company_as_reported VARCHAR,
    company_id          VARCHAR,
    district            VARCHAR,
    amount_yuan         DOUBLE,
    amount_text         VARCHAR,
    amount_value        DOUBLE,
    amount_currency     VARCHAR,
    latest_status       VARCHAR,
    first_reported      DATE,
    last_reported       DATE,
    sources             BIGINT,
    reports             BIGINT,
    reprints            BIGINT,
    latest_evidence     VARCHAR,
    latest_doc_id       VARCHAR,
    signed              BOOLEAN     -- one of its (non-reprint) reports has the status 'signed'
);
CREATE TABLE district_summary (
    canonical  VARCHAR NOT NULL,
    admin_code VARCHAR,
    city       VARCHAR,
    province   VARCHAR,
    kind       VARCHAR,
    mentions   VARCHAR[],
    documents  BIGINT
);
-- how many districts rows of a canonical name give each admin_code, city, province and kind (`attribute`), and
-- the first of them stored: district_summary takes the most frequent, the first stored on a tie. A batch
-- appends the counts of its rows; a rebuild adds them up.
CREATE TABLE district_value_counts (
    canonical VARCHAR NOT NULL,
    attribute VARCHAR NOT NULL,
    value     VARCHAR NOT NULL,
    reports   BIGINT NOT NULL,
    first_row BIGINT NOT NULL
);
-- what the summaries last saw of company_names and of reprints: a change there re-summarizes the projects
-- it touches
CREATE TABLE summary_company_names (name VARCHAR NOT NULL, company_id VARCHAR NOT NULL);
CREATE TABLE summary_reprints (doc_id VARCHAR NOT NULL);
-- the rows already there are summarized by 010_summaries.py; rows inserted from now on wait for the next refresh
ALTER TABLE project_links ADD COLUMN summarized BOOLEAN DEFAULT true;
ALTER TABLE project_links ALTER COLUMN summarized SET DEFAULT false;
ALTER TABLE districts ADD COLUMN summarized BOOLEAN DEFAULT true;
ALTER TABLE districts ALTER COLUMN summarized SET DEFAULT false;
