// Small-cell suppression, in one place: a figure that counts fewer than MIN_PEOPLE distinct people,
// or a rate whose denominator does, is not shown (in tables, charts and CSV alike).

export const MIN_PEOPLE = 5;

/** A count, or null when fewer than MIN_PEOPLE distinct people are behind it. */
export function suppressCount(count: number, people: number): number | null {
  return people >= MIN_PEOPLE ? count : null;
}

/** numerator / denominator, or null when the denominator's people are too few (or it is 0). */
export function suppressRate(numerator: number, denominator: number, denominatorPeople: number): number | null {
  return denominatorPeople >= MIN_PEOPLE && denominator > 0 ? numerator / denominator : null;
}
