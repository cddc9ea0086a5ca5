-- The upload (pending_import's id) a job imported: a second click on the import page's Import button, its
-- upload taken by the first click, finds the first click's result by it instead of "This uploaded file is no
-- longer here … choose the file again", which invited importing the file twice (a walk). Set for a background
-- job when it starts, and for a page's small import, done at once, which is now recorded as a finished job.
-- No foreign key: the upload is deleted once imported, and this must outlive it (the job is kept a week).
-- import_job is a small table (a team's imports of the last week): the index is built at once.
set local lock_timeout = '10s';
alter table import_job add column upload_id uuid;
create index import_job_upload_idx on import_job (team_id, upload_id) where upload_id is not null;
