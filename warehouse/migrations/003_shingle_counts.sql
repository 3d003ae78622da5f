-- Shingle-set sizes beside the MinHash signatures, to estimate containment (an abridged reprint is
-- mostly contained in its original even when their Jaccard similarity is low).
ALTER TABLE doc_minhash ADD COLUMN shingle_count INTEGER;
