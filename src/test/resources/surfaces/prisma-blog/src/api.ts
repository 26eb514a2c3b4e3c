import { PrismaClient } from '@prisma/client'

const db = new PrismaClient()
const isLive = 'a variable, not a column'

export async function countRead(id: number) {
  return db.article.update({
    where: { id },
    data: { readCount: { increment: 1 } },
  })
}

export async function liveArticles(text: string) {
  return db.article.findMany({
    where: {
      isLive: true,
      OR: [{ headline: { contains: text } }, { body: { contains: text } }],
    },
    orderBy: { readCount: 'desc' },
  })
}

export async function rename(id: number, fullName: string) {
  return db.author.update({ where: { id }, data: { fullName } })
}
