/** How far ahead "upcoming" looks on the Today agenda. */
export const upcomingDays = 7;
