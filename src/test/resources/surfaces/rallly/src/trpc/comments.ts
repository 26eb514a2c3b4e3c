import { prisma } from "@rallly/database";
import type { Context } from "./context";

export async function listComments(pollId: string, ctx: Context) {
  const poll = await prisma.poll.findUnique({
    where: { id: pollId },
    select: { userId: true, guestId: true },
  });
  const isOwner = ctx.user.isLegacyGuest
    ? poll?.guestId === ctx.user.id
    : poll?.userId === ctx.user.id;
  if (isOwner) {
    return prisma.comment.findMany({ where: { pollId }, orderBy: { createdAt: "asc" } });
  }
  return prisma.comment.findMany({
    where: {
      pollId,
      ...(ctx.user.isLegacyGuest ? { guestId: ctx.user.id } : { userId: ctx.user.id }),
    },
  });
}
