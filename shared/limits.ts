/** Field bounds shared by the schemas and the forms that show them. */
export const limits = {
  name: 200,
  email: 254,
  phoneRaw: 40,
  phones: 5,
  address: 500,
  notes: 20_000,
  /** One line added to the notes from the counter or the profile. */
  quickNote: 500,
  tag: 50,
  tags: 30,
  visitNote: 5_000,
  visitItems: 2_000,
  staffName: 80,
  shopName: 120,
  searchQuery: 200,
  pageSize: 500,
} as const;
