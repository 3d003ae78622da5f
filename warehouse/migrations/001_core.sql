-- Core tables. Every extracted row carries doc_id, its evidence span (span_start, span_end: character
-- offsets into documents.text), the evidence sentence and the extractor_version that produced it.

CREATE TABLE documents (
    doc_id            VARCHAR PRIMARY KEY,     -- schemas.Document.doc_id: hash of the normalized text
    source            VARCHAR NOT NULL,        -- first path or URL it was imported from
    title             VARCHAR,
    published         VARCHAR,                 -- as given: YYYY, YYYY-MM or YYYY-MM-DD
    published_date    DATE,                    -- first day of `published`, for grouping by period
    byline            VARCHAR,
    media_type        VARCHAR,
    encoding          VARCHAR,
    sha256            VARCHAR,                 -- of the raw bytes
    fetched_at        TIMESTAMPTZ,
    imported_at       TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
    load_seq          BIGINT NOT NULL,         -- which load_batch call brought it
    city              VARCHAR,                 -- the city the text is about (from extraction)
    text              VARCHAR NOT NULL,
    char_count        INTEGER NOT NULL,
    pages             JSON,                    -- [{"page":1,"start":0,"end":812}, ...]
    meta              JSON,
    extractor_version VARCHAR,
    backend           VARCHAR,
    reprint_of        VARCHAR                  -- doc_id of the document this is a near-duplicate of
);

-- Every file/URL whose text became a document (a re-encoded copy of a report maps to the same doc_id).
CREATE TABLE document_sources (
    doc_id      VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    sha256      VARCHAR,
    fetched_at  TIMESTAMPTZ,
    imported_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);

CREATE TABLE projects (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    name              VARCHAR,
    company           VARCHAR,
    district          VARCHAR,
    amount_text       VARCHAR,
    amount_yuan       DOUBLE CHECK (amount_yuan IS NULL OR amount_yuan >= 0),
    status            VARCHAR CHECK (status IS NULL OR status IN ('signed', 'landed', 'started', 'completed', 'operating', 'planned')),
    evidence          VARCHAR NOT NULL,
    span_start        INTEGER,
    span_end          INTEGER,
    confidence        DOUBLE,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, seq),
    CHECK (span_start IS NULL OR span_end IS NULL OR span_start <= span_end)
);

CREATE TABLE companies (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    canonical         VARCHAR NOT NULL,
    mentions          VARCHAR[],
    spans             JSON,
    span_start        INTEGER,
    span_end          INTEGER,
    evidence          VARCHAR,
    confidence        DOUBLE,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE districts (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    canonical         VARCHAR NOT NULL,
    mentions          VARCHAR[],
    city              VARCHAR,
    kind              VARCHAR,
    admin_code        VARCHAR,
    province          VARCHAR,
    spans             JSON,
    span_start        INTEGER,
    span_end          INTEGER,
    evidence          VARCHAR,
    confidence        DOUBLE,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE investments (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    value             DOUBLE NOT NULL CHECK (value >= 0),
    currency          VARCHAR NOT NULL,
    qualifier         VARCHAR,
    span_start        INTEGER,
    span_end          INTEGER,
    evidence          VARCHAR,
    confidence        DOUBLE,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE metrics (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    subject           VARCHAR,
    indicator         VARCHAR NOT NULL,
    value             DOUBLE NOT NULL,
    unit              VARCHAR NOT NULL,
    period            VARCHAR,
    evidence          VARCHAR,
    span_start        INTEGER,
    span_end          INTEGER,
    confidence        DOUBLE,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE mentions (
    doc_id            VARCHAR NOT NULL,
    seq               INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    label             VARCHAR NOT NULL,
    canonical         VARCHAR,
    span_start        INTEGER NOT NULL,
    span_end          INTEGER NOT NULL,
    evidence          VARCHAR,
    confidence        DOUBLE,
    source            VARCHAR,
    extractor_version VARCHAR,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE policies (
    doc_id            VARCHAR NOT NULL,
    policy_seq        INTEGER NOT NULL,
    title             VARCHAR,
    issuer            VARCHAR,
    doc_number        VARCHAR,
    written           VARCHAR,
    published         VARCHAR,
    valid_from        VARCHAR,
    valid_to          VARCHAR,
    district          VARCHAR,
    extractor_version VARCHAR,
    backend           VARCHAR,
    PRIMARY KEY (doc_id, policy_seq)
);

CREATE TABLE policy_incentives (
    doc_id              VARCHAR NOT NULL,
    policy_seq          INTEGER NOT NULL,
    seq                 INTEGER NOT NULL,
    clause              VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    amount_yuan         DOUBLE,
    rate                DOUBLE,
    condition           VARCHAR,
    min_investment_yuan DOUBLE,
    span_start          INTEGER,
    span_end            INTEGER,
    extractor_version   VARCHAR,
    backend             VARCHAR,
    PRIMARY KEY (doc_id, policy_seq, seq)
);

CREATE TABLE quarantine (
    path   VARCHAR NOT NULL,
    sha256 VARCHAR,
    stage  VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at"   TIMESTAMPTZ NOT NULL
);

-- Full-text search: an inverted index of character bigrams (and latin/digit words) per document.
CREATE TABLE doc_terms (
    doc_id VARCHAR NOT NULL,
    term   VARCHAR NOT NULL,
    tf     INTEGER NOT NULL
);
CREATE TABLE doc_lengths (
    doc_id VARCHAR PRIMARY KEY,
    length INTEGER NOT NULL
);

-- Near-duplicate detection: MinHash signature of each document's character shingles.
CREATE TABLE doc_minhash (
    doc_id    VARCHAR PRIMARY KEY,
    signature UINTEGER[] NOT NULL
);
CREATE TABLE reprints (
    doc_id          VARCHAR PRIMARY KEY,
    original_doc_id VARCHAR NOT NULL,
    similarity      DOUBLE NOT NULL
);

-- Cross-document resolution, refreshed after every load.
CREATE TABLE company_names (            -- every company name as reported → its resolved company
    name       VARCHAR PRIMARY KEY,
    company_id VARCHAR NOT NULL
);
CREATE TABLE company_dim (
    company_id VARCHAR PRIMARY KEY,
    canonical  VARCHAR NOT NULL,
    aliases    VARCHAR[] NOT NULL
);
CREATE TABLE project_links (            -- each reported project row → its resolved project
    doc_id     VARCHAR NOT NULL,
    seq        INTEGER NOT NULL,
    project_id VARCHAR NOT NULL,
    company_id VARCHAR,                 -- resolved company of the row (kept current after each load)
    name_key   VARCHAR,                 -- normalized project name the row was matched on
    district   VARCHAR,
    PRIMARY KEY (doc_id, seq)
);
