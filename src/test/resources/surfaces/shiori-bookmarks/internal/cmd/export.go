package cmd

import (
	"fmt"
	"time"

	"github.com/go-shiori/shiori/internal/database"
	"github.com/go-shiori/shiori/internal/model"
	"github.com/spf13/cobra"
)

func exportHandler(cmd *cobra.Command, args []string) {
	bookmarks, err := db.GetBookmarks(cmd.Context(), database.GetBookmarksOptions{})
	if err != nil {
		cError.Printf("Failed to get saved bookmarks: %v\n", err)
		return
	}
	for _, book := range bookmarks {
		modifiedTime, err := time.Parse(model.DatabaseDateFormat, book.Modified)
		if err != nil {
			modifiedTime = time.Now()
		}
		fmt.Printf("<DT><A HREF=\"%s\" ADD_DATE=\"%d\">%s</A>\n", book.URL, modifiedTime.Unix(), book.Title)
	}
}
