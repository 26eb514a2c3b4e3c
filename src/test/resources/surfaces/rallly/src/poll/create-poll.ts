import { prisma } from "@rallly/database";
import { nanoid } from "nanoid";

export async function createPoll(title: string, userId: string, spaceId?: string) {
  const adminUrlId = nanoid();
  return prisma.poll.create({
    data: {
      id: nanoid(),
      title,
      adminUrlId,
      participantUrlId: nanoid(),
      userId,
      spaceId,
    },
    select: { id: true },
  });
}
