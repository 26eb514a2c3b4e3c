# Trimmed from the application's schema dump: four of its tables, fewer columns and indexes.
ActiveRecord::Schema.define(version: 20160712061614) do

  create_table "articles", force: :cascade do |t|
    t.string   "title"
    t.string   "slug"
    t.text     "body"
    t.string   "description"
    t.integer  "favorites_count"
    t.integer  "user_id"
    t.timestamps null: false
  end

  add_index "articles", ["slug"], name: "index_articles_on_slug", unique: true

  create_table "comments", force: :cascade do |t|
    t.text     "body"
    t.references "user", index: true
    t.references "article", index: true
    t.timestamps null: false
  end

  create_table "favorites", force: :cascade do |t|
    t.integer  "user_id"
    t.integer  "article_id"
  end

  create_table "users", force: :cascade do |t|
    t.string   "email", default: "", null: false
    t.string   "username"
    t.string   "image"
    t.text     "bio"
  end
end
