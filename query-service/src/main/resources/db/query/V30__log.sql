-- The log (domain.md, docs/integrity.md): one Merkle tree over every event in feed order.
-- log_node keeps the hash of every complete subtree: node (level, idx) covers the leaves
-- idx * 2^level .. (idx + 1) * 2^level - 1; level 0 holds the leaf hashes (leaf = position - 1).
-- A new leaf adds one row per level it completes, O(log n) at worst and 2 on average; any tree
-- head and any proof read O(log^2 n) rows at most, never the leaves.
CREATE TABLE query.log_node (
    level SMALLINT NOT NULL CHECK (level >= 0),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Every signed checkpoint (C2SP tlog-checkpoint as a signed note), kept for ever.
CREATE TABLE query.log_checkpoint (
    tree_size BIGINT      PRIMARY KEY CHECK (tree_size > 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL
);

GRANT SELECT, INSERT ON query.log_node TO ${query_role};
GRANT SELECT, INSERT ON query.log_checkpoint TO ${query_role};
