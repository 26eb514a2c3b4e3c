from rest_framework import generics, mixins, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .models import Article, Comment, Tag
from .serializers import ArticleSerializer


class ArticleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    lookup_field = 'slug'
    queryset = Article.objects.select_related('author', 'author__user')
    serializer_class = ArticleSerializer

    def get_queryset(self):
        queryset = self.queryset

        author = self.request.query_params.get('author', None)
        if author is not None:
            queryset = queryset.filter(author__user__username=author)

        tag = self.request.query_params.get('tag', None)
        if tag is not None:
            queryset = queryset.filter(tags__tag=tag)

        return queryset

    def retrieve(self, request, slug):
        try:
            serializer_instance = self.queryset.get(slug=slug)
        except Article.DoesNotExist:
            raise NotFound('An article with this slug does not exist.')

        serializer = self.serializer_class(serializer_instance, context={'request': request})
        return Response(serializer.data, status=status.HTTP_200_OK)


class CommentsListCreateAPIView(generics.ListCreateAPIView):
    lookup_field = 'article__slug'
    lookup_url_kwarg = 'article_slug'
    queryset = Comment.objects.select_related(
        'article', 'article__author', 'article__author__user',
        'author', 'author__user'
    )

    def create(self, request, article_slug=None):
        context = {'author': request.user.profile}
        try:
            context['article'] = Article.objects.get(slug=article_slug)
        except Article.DoesNotExist:
            raise NotFound('An article with this slug does not exist.')
        return Response(context, status=status.HTTP_201_CREATED)


class ArticlesFavoriteAPIView(generics.GenericAPIView):
    def post(self, request, article_slug=None):
        profile = self.request.user.profile
        try:
            article = Article.objects.get(slug=article_slug)
        except Article.DoesNotExist:
            raise NotFound('An article with this slug was not found.')
        profile.favorite(article)
        return Response({'title': article.title}, status=status.HTTP_201_CREATED)


class ArticlesFeedAPIView(generics.ListAPIView):
    def get_queryset(self):
        return Article.objects.filter(
            author__in=self.request.user.profile.follows.all()
        ).order_by('-created_at', 'title')
