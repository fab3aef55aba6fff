// The weekly feedback note's limit, shown live by the form; pure, so client components can import it.
export const FEEDBACK_NOTE_MAX = 1000;
