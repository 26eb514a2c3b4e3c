package database

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/go-shiori/shiori/internal/model"
	"github.com/jmoiron/sqlx"
	"github.com/pkg/errors"
)

// SaveBookmarks saves new or updated bookmarks to database.
func (db *PGDatabase) SaveBookmarks(ctx context.Context, create bool, bookmarks ...model.BookmarkDTO) ([]model.BookmarkDTO, error) {
	result := []model.BookmarkDTO{}
	err := db.withTx(ctx, func(tx *sqlx.Tx) error {
		stmtInsertBook, err := tx.Preparex(`INSERT INTO bookmark
			(url, title, excerpt, author, public, content, html, modified)
			VALUES($1, $2, $3, $4, $5, $6, $7, $8)
			RETURNING id`)
		if err != nil {
			return errors.WithStack(err)
		}
		stmtUpdateBook, err := tx.Preparex(`UPDATE bookmark SET
			url = $1, title = $2, excerpt = $3, author = $4,
			public = $5, content = $6, html = $7, modified = $8
			WHERE id = $9`)
		if err != nil {
			return errors.WithStack(err)
		}

		modifiedTime := time.Now().UTC().Format(model.DatabaseDateFormat)
		for _, book := range bookmarks {
			if book.Modified == "" {
				book.Modified = modifiedTime
			}
			if create {
				err = stmtInsertBook.QueryRowContext(ctx,
					book.URL, book.Title, book.Excerpt, book.Author,
					book.Public, book.Content, book.HTML, book.Modified).Scan(&book.ID)
			} else {
				_, err = stmtUpdateBook.ExecContext(ctx,
					book.URL, book.Title, book.Excerpt, book.Author,
					book.Public, book.Content, book.HTML, book.Modified, book.ID)
			}
			if err != nil {
				return errors.WithStack(err)
			}
			result = append(result, book)
		}
		return nil
	})
	return result, err
}

// GetBookmarks fetch list of bookmarks based on submitted options.
func (db *PGDatabase) GetBookmarks(ctx context.Context, opts GetBookmarksOptions) ([]model.BookmarkDTO, error) {
	columns := []string{
		`id`,
		`url`,
		`title`,
		`excerpt`,
		`author`,
		`public`,
		`modified`,
		`content <> '' has_content`}

	query := `SELECT ` + strings.Join(columns, ",") + `
		FROM bookmark WHERE TRUE`
	switch opts.OrderMethod {
	case ByLastModified:
		query += ` ORDER BY modified DESC`
	default:
		query += ` ORDER BY id`
	}

	bookmarks := []model.BookmarkDTO{}
	err := db.SelectContext(ctx, &bookmarks, query)
	return bookmarks, err
}

// GetBookmark fetches bookmark based on its ID or URL.
func (db *PGDatabase) GetBookmark(ctx context.Context, id int, url string) (model.BookmarkDTO, bool, error) {
	args := []interface{}{id}
	query := `SELECT
		id, url, title, excerpt, author, public,
		content, html, modified, content <> '' has_content
		FROM bookmark WHERE id = $1`
	if url != "" {
		query += ` OR url = $2`
		args = append(args, url)
	}

	book := model.BookmarkDTO{}
	if err := db.GetContext(ctx, &book, query, args...); err != nil && err != sql.ErrNoRows {
		return book, false, errors.WithStack(err)
	}
	return book, book.ID != 0, nil
}
