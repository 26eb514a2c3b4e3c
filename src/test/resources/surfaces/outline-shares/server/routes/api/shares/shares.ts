import Router from "koa-router";
import { Share } from "@server/models";
import presentShare from "@server/presenters/share";

const router = new Router();

router.post("shares.list", async (ctx) => {
  const { sort, direction } = ctx.input.body;
  const lastAccessedAt = "a variable, not the column";
  const shares = await Share.unscoped().findAll({
    where: { published: true },
    order: [[sort, direction]],
    offset: ctx.state.pagination.offset,
    limit: ctx.state.pagination.limit,
  });
  ctx.body = { data: shares.map((share) => presentShare(share)), lastAccessedAt };
});

router.post("shares.update", async (ctx) => {
  const { id, published, urlId } = ctx.input.body;
  const share = await Share.scope({ method: ["withCollectionPermissions", ctx.state.auth.user.id] }).findByPk(id);

  if (published !== undefined) {
    share.published = published;
  }
  if (urlId !== undefined) {
    share.urlId = urlId;
  }
  await share.save();
  ctx.body = { data: presentShare(share) };
});

router.post("shares.revoke", async (ctx) => {
  const share = await Share.findByPk(ctx.input.body.id);
  await share.update({ revokedAt: new Date() });
  ctx.body = { success: true };
});

export default router;
