class CommentsController < ApplicationController
  before_action :find_article!

  def index
    @comments = @article.comments.order(created_at: :desc)
  end

  def create
    @comment = @article.comments.new(comment_params)
    @comment.user = current_user
    render json: { errors: @comment.errors }, status: :unprocessable_entity unless @comment.save
  end

  private

  def comment_params
    params.require(:comment).permit(:body)
  end

  def find_article!
    slug = params[:article_slug]
    @article = Article.find_by_slug!(slug)
  end
end
