class User < ActiveRecord::Base
  has_many :articles, dependent: :destroy
  has_many :favorites, dependent: :destroy

  validates :username, uniqueness: { case_sensitive: true },
                       format: { with: /\A[a-zA-Z0-9]+\z/ },
                       presence: true

  def favorite(article)
    favorites.find_or_create_by(article: article)
  end

  def favorited?(article)
    favorites.find_by(article_id: article.id).present?
  end
end
