import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { FollowsEntity } from './follows.entity';

@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly userRepository: Repository<UserEntity>,
    @InjectRepository(FollowsEntity)
    private readonly followsRepository: Repository<FollowsEntity>
  ) {}

  async findProfile(id: number, followingUsername: string) {
    const _profile = await this.userRepository.findOne({ username: followingUsername });
    const follows = await this.followsRepository.findOne({ followerId: id, followingId: _profile.id });
    return { username: _profile.username, bio: _profile.bio, following: !!follows };
  }

  async follow(followerEmail: string, username: string) {
    const followingUser = await this.userRepository.findOne({ username });
    const followerUser = await this.userRepository.findOne({ email: followerEmail });
    const follows = new FollowsEntity();
    follows.followerId = followerUser.id;
    follows.followingId = followingUser.id;
    await this.followsRepository.save(follows);
    return { username: followingUser.username, bio: followingUser.bio };
  }

  async unFollow(followerId: number, username: string) {
    const followingUser = await this.userRepository.findOne({ username });
    const followingId = followingUser.id;
    await this.followsRepository.delete({ followerId, followingId });
    return { username: followingUser.username };
  }
}
