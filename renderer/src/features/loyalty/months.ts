/** Month arithmetic on YYYY-MM strings, for the dashboard's range. */
export const plusMonths = (month: string, count: number): string => {
  const [year = 0, index = 1] = month.split('-').map(Number);
  const total = year * 12 + (index - 1) + count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
};

export const isMonth = (text: string | null): text is string => text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The dashboard's range from its address (?from=YYYY-MM&to=YYYY-MM): the twelve months up to this one unless given. */
export const dashboardRange = (params: URLSearchParams, thisMonth: string): { fromMonth: string; toMonth: string } => {
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const toMonth = isMonth(toParam) ? toParam : thisMonth;
  return { fromMonth: isMonth(fromParam) ? fromParam : plusMonths(toMonth, -11), toMonth };
};
