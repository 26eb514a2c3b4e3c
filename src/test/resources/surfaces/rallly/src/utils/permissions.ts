// Not a query: fields of an object already read.
export const isOwner = (
  resource: { userId?: string | null; guestId?: string | null },
  user: { id: string },
) => resource.userId === user.id || resource.guestId === user.id;
