-- The blocking keys of every linked project row (warehouse.resolution._filed_blocks), kept with the links so
-- that linking a batch reads only the blocks its new rows look up instead of deriving them from all of
-- `projects`. `block` is a 64-bit hash of the key's text; `kind` says which key it is (0 a name gram within a
-- place or amount, 1 the same for a gram the row is looked up by, 2 the project key, 3 its brand, 4 an amount
-- bucket within a place). Filled for the rows already linked by 008_project_blocks.py.
CREATE TABLE project_blocks (
    block  UBIGINT NOT NULL,
    kind   UTINYINT NOT NULL,
    doc_id VARCHAR NOT NULL,
    seq    INTEGER NOT NULL
);
