import { Share } from "@server/models";

export async function loadPublicShare({ id, teamId, urlId }) {
  const where: Record<string, unknown> = {
    revokedAt: null,
    published: true,
  };

  if (urlId) {
    where.urlId = id;
    where.teamId = teamId;
  } else {
    where.id = id;
  }

  const share = await Share.findOne({ where });
  return { share };
}
