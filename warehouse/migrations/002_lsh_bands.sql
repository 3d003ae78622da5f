-- Locality-sensitive hashing of the MinHash signatures: documents sharing a bucket in any band are
-- candidate near-duplicates, found with a join instead of rebuilding an index in memory per batch.
CREATE TABLE doc_lsh (
    band   SMALLINT NOT NULL,
    bucket BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);
