class ArticlesController < ApplicationController
  def index
    @articles = Article.all.includes(:user)
    @articles = @articles.authored_by(params[:author]) if params[:author].present?
    @articles_count = @articles.count
    @articles = @articles.order(created_at: :desc).offset(params[:offset] || 0).limit(params[:limit] || 20)
  end

  def show
    @article = Article.find_by_slug!(params[:slug])
  end

  def update
    @article = Article.find_by_slug!(params[:slug])
    if @article.user_id == @current_user_id
      @article.update_attributes(article_params)
      render :show
    else
      render json: { errors: { article: ['not owned by user'] } }, status: :forbidden
    end
  end

  private

  def article_params
    params.require(:article).permit(:title, :body, :description, tag_list: [])
  end
end
