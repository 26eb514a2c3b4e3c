import { prisma } from "@rallly/database";

export async function canModifyParticipant(participantId: string, userId: string) {
  const participant = await prisma.participant.findUnique({
    where: { id: participantId },
    select: { id: true, pollId: true, userId: true, guestId: true },
  });
  return participant?.userId === userId || participant?.guestId === userId;
}
