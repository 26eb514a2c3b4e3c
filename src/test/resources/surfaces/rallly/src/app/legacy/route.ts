import { prisma } from "@rallly/database";
import { Hono } from "hono";

// Links of the first Rallly: /p/:participantUrlId and /admin/:adminUrlId.
const app = new Hono().basePath("/api/legacy");

app.get("/p/:participantUrlId", async (c) => {
  const poll = await prisma.poll.findUnique({
    where: { participantUrlId: c.req.param("participantUrlId") },
    select: { id: true },
  });
  return poll ? c.redirect(`/invite/${poll.id}`, 301) : c.notFound();
});

app.get("/admin/:adminUrlId", async (c) => {
  const poll = await prisma.poll.findUnique({
    where: { adminUrlId: c.req.param("adminUrlId") },
    select: { id: true },
  });
  return poll ? c.redirect(`/poll/${poll.id}`, 301) : c.notFound();
});
