-- Photos of a wish (issue 20): the bytes live in the object store under wishes/<wish id>/<id>, with
-- their metadata (GPS and camera EXIF) stripped; here is who added which, when.
create table wish_attachment (
    id               uuid        primary key,
    wish_id          uuid        not null references wish (id),
    content_type     text        not null,
    size_bytes       int         not null,
    uploaded_by      text        not null,
    uploaded_by_role text        not null,
    uploaded_at      timestamptz not null
);
create index wish_attachment_wish on wish_attachment (wish_id, uploaded_at);
