import { prisma } from "@rallly/database";

export async function createUser({
  name,
  email,
  emailVerified,
}: {
  name: string;
  email: string;
  emailVerified?: Date;
}) {
  return prisma.user.create({
    data: { name, email, emailVerified, role: "user" },
  });
}
