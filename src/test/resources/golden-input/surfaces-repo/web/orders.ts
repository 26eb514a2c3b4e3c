const email = 'not sql';
export const recent = `SELECT email, total FROM orders WHERE created_at > ${since}`;
