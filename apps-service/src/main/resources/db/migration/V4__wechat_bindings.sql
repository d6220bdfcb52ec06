-- A person's WeChat openid for the district's mini-program, bound by themself (PUT /api/me/wechat-binding), for
-- subscription messages. Sealed with AES-GCM under APPS_DATA_KEY, bound to the recipient key: an openid identifies a
-- person to WeChat, so a dump of this table must not.
create table wechat_binding (
    recipient text        primary key,
    open_id   text        not null,
    bound_at  timestamptz not null
);
