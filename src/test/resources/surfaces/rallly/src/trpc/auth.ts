import { createUser } from "../user/mutations";

// A call of the app's own function, not a query: its argument names no column.
export async function register(name: string, email: string) {
  return createUser({ name, email, emailVerified: new Date() });
}
