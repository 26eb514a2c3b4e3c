package model

import (
	"path/filepath"
	"strconv"
)

// BookmarkDTO is the bookmark object representation in database and the data transfer object
// at the same time.
type BookmarkDTO struct {
	ID         int    `db:"id"            json:"id"`
	URL        string `db:"url"           json:"url"`
	Title      string `db:"title"         json:"title"`
	Excerpt    string `db:"excerpt"       json:"excerpt"`
	Author     string `db:"author"        json:"author"`
	Public     int    `db:"public"        json:"public"`
	Modified   string `db:"modified"      json:"modified"`
	Content    string `db:"content"       json:"-"`
	HTML       string `db:"html"          json:"html,omitempty"`
	HasContent bool   `db:"has_content"   json:"hasContent"`
	Tags       []Tag  `json:"tags"`
	HasArchive bool   `json:"hasArchive"`
}

// GetThumbnailPath returns the relative path to the thumbnail of a bookmark.
func GetThumbnailPath(bookmark *BookmarkDTO) string {
	return filepath.Join("thumb", strconv.Itoa(bookmark.ID))
}
