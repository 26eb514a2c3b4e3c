import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, getRepository, DeleteResult } from 'typeorm';
import { ArticleEntity } from './article.entity';
import { UserEntity } from '../user/user.entity';
import { FollowsEntity } from '../profile/follows.entity';

@Injectable()
export class ArticleService {
  constructor(
    @InjectRepository(ArticleEntity)
    private readonly articleRepository: Repository<ArticleEntity>,
    @InjectRepository(UserEntity)
    private readonly userRepository: Repository<UserEntity>,
    @InjectRepository(FollowsEntity)
    private readonly followsRepository: Repository<FollowsEntity>
  ) {}

  async findAll(query) {
    const qb = await getRepository(ArticleEntity)
      .createQueryBuilder('article')
      .leftJoinAndSelect('article.author', 'author');
    if ('tag' in query) {
      qb.andWhere('article.tagList LIKE :tag', { tag: `%${query.tag}%` });
    }
    if ('author' in query) {
      const author = await this.userRepository.findOne({ username: query.author });
      qb.andWhere('article.authorId = :id', { id: author.id });
    }
    qb.orderBy('article.created', 'DESC');
    return { articles: await qb.getMany(), articlesCount: await qb.getCount() };
  }

  async findFeed(userId: number) {
    const follows = await this.followsRepository.find({ followerId: userId });
    const ids = follows.map(el => el.followingId);
    return getRepository(ArticleEntity)
      .createQueryBuilder('article')
      .where('article.authorId IN (:ids)', { ids })
      .getMany();
  }

  async favorite(id: number, slug: string) {
    let article = await this.articleRepository.findOne({ slug });
    const user = await this.userRepository.findOne(id);
    if (user.favorites.findIndex(a => a.id === article.id) < 0) {
      user.favorites.push(article);
      article.favoriteCount++;
      await this.userRepository.save(user);
      article = await this.articleRepository.save(article);
    }
    return { article };
  }

  async unFavorite(id: number, slug: string) {
    let article = await this.articleRepository.findOne({ slug });
    const favoriteCount = article.favoriteCount - 1;
    article.favoriteCount = favoriteCount;
    return { article: await this.articleRepository.save(article) };
  }

  async create(userId: number, articleData) {
    let article = new ArticleEntity();
    article.title = articleData.title;
    article.description = articleData.description;
    article.tagList = articleData.tagList || [];
    return this.articleRepository.save(article);
  }

  async delete(slug: string): Promise<DeleteResult> {
    return await this.articleRepository.delete({ slug: slug });
  }
}
