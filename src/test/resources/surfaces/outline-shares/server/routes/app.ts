import { Sequelize } from "sequelize";
import { loadPublicShare } from "@server/commands/shareLoader";

export const renderShare = async (ctx, shareId: string) => {
  let share;
  try {
    const result = await loadPublicShare({ id: shareId });
    share = result.share;

    if (share?.urlId) {
      ctx.redirect(share.canonicalUrl);
      return;
    }

    if (share && !ctx.userAgent.isBot) {
      await share.update(
        {
          lastAccessedAt: new Date(),
          views: Sequelize.literal("views + 1"),
        },
        { hooks: false }
      );
    }
  } catch (_err) {
    ctx.status = 404;
  }
};
