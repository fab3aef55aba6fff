// Limits the safety forms show live; no zod here, so client components can import them without
// sending the validation library to the browser (test/unit/client-bundle.test.ts).
export const NOTE_MAX = 1000;
