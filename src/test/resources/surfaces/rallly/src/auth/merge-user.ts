import { prisma } from "@rallly/database";
import { track } from "../analytics";

// A guest who signs in takes over what they created as a guest.
export const mergeGuestsIntoUser = async (userId: string, guestId: string) => {
  await prisma.$transaction(async (tx) => {
    await Promise.all([
      tx.poll.updateMany({
        where: { guestId },
        data: { guestId: null, userId },
      }),
      tx.participant.updateMany({
        where: { guestId },
        data: { guestId: null, userId },
      }),
      tx.comment.updateMany({
        where: { guestId },
        data: { guestId: null, userId },
      }),
    ]);
  });
  track({ distinctId: userId, properties: { alias: guestId } });
};
