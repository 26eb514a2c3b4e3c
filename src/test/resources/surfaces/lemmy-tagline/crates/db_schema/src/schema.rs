// @generated automatically by Diesel CLI.

diesel::table! {
    local_site (id) {
        id -> Int4,
        site_id -> Int4,
        enable_downvotes -> Bool,
        published -> Timestamptz,
    }
}

diesel::table! {
    tagline (id) {
        id -> Int4,
        local_site_id -> Int4,
        content -> Text,
        published -> Timestamptz,
        updated -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(tagline -> local_site (local_site_id));

diesel::allow_tables_to_appear_in_same_query!(local_site, tagline,);
