package cmd

import (
	"strconv"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/go-shiori/shiori/internal/model"
)

func pocketBookmark(a *goquery.Selection, url, title string) model.BookmarkDTO {
	// A local time named like the column: not a use of it.
	strModified, _ := a.Attr("time_added")
	intModified, _ := strconv.ParseInt(strModified, 10, 64)
	modified := time.Unix(intModified, 0)

	return model.BookmarkDTO{
		URL:      url,
		Title:    title,
		Modified: modified.Format(model.DatabaseDateFormat),
	}
}
