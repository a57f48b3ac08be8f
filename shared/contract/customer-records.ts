/**
 * What hangs off a customer, counted by kind, so a merge or a purge can say what it moves or
 * deletes: "12 visits, 3 contacts, 2 satisfaction answers". Each feature counts its own kinds
 * (visits, contacts, satisfactionAnswers, phones, tags, interests, mergeHistory today; complaints,
 * reminders and referrals as those features arrive) and the renderer translates the kind.
 */
export interface RecordCount {
  kind: string;
  count: number;
}
