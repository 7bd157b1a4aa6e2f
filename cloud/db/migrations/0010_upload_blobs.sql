-- Several server processes on one PostgreSQL (issue 14): a photo uploaded through one process must
-- be served by every other, so with DATABASE_URL the bytes live here, next to their `uploads` row
-- (written in the same transaction). Content-addressed like the row: the id is the sha256 of the
-- stored (re-encoded) bytes plus the extension, so a second upload of the same picture adds
-- nothing. The embedded PGlite default keeps its files in DATA_DIR/uploads and leaves this empty.
CREATE TABLE upload_blobs (
  id    text PRIMARY KEY REFERENCES uploads (id) ON DELETE CASCADE,
  data  bytea NOT NULL
);
-- The bytes are already compressed images: no point in TOAST trying to compress them again.
ALTER TABLE upload_blobs ALTER COLUMN data SET STORAGE EXTERNAL;
